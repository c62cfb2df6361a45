export { DeprecationWarningCard } from './DeprecationWarningCard';
