export { OrgRoadmapPage } from './OrgRoadmapPage';
