export { CapacityBudgetCard } from './CapacityBudgetCard';
export { CapacityBar } from './CapacityBar';
