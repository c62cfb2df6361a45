/**
 * Search collator for Platform Roadmap: themes, requests, deprecations and
 * release notes in Backstage search, each visible to those who may read its
 * catalog entity.
 *
 * @packageDocumentation
 */
export { searchModulePlatformRoadmapCollator as default } from './module';
export {
  PlatformRoadmapCollatorFactory,
  type PlatformRoadmapCollatorFactoryOptions,
} from './PlatformRoadmapCollatorFactory';
