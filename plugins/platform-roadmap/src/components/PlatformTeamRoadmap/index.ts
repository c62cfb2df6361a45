export { PlatformTeamRoadmap } from './PlatformTeamRoadmap';
