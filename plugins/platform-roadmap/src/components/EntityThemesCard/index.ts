export { EntityThemesCard } from './EntityThemesCard';
