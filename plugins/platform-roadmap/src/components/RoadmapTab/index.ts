export { RoadmapTab } from './RoadmapTab';
