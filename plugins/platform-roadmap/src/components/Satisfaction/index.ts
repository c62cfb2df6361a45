export { SatisfactionCard } from './SatisfactionCard';
