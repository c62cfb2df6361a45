export { PlatformRoadmapSearchResultListItem } from './PlatformRoadmapSearchResultListItem';
export type { PlatformRoadmapSearchResultListItemProps } from './PlatformRoadmapSearchResultListItem';
