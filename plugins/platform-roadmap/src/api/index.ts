export * from './PlatformRoadmapApi';
export * from './PlatformRoadmapClient';
