export { TeamDeprecations } from './TeamDeprecations';
export { EntityDeprecationsCard } from './EntityDeprecationsCard';
