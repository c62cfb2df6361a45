export { IncomingThemesCard } from './IncomingThemesCard';
