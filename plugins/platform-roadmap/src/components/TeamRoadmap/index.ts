export { TeamRoadmap } from './TeamRoadmap';
