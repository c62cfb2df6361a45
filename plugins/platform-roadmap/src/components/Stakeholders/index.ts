export { StakeholdersCard } from './StakeholdersCard';
