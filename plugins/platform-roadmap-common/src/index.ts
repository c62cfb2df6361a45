/**
 * Types, permissions and catalog conventions shared by the Platform Roadmap
 * frontend and backend plugins.
 *
 * @packageDocumentation
 */
export * from './constants';
export * from './entities';
export * from './permissions';
export * from './types';
export * from './requests';
export * from './validation';
export * from './roadmap';
export * from './roadmapValidation';
export * from './deprecations';
export * from './releaseNotes';
export * from './releasesValidation';
export * from './metrics';
export * from './product';
export * from './productValidation';
export * from './search';
