export { EntityRequestsCard } from './EntityRequestsCard';
