export { TeamMetricsCard } from './TeamMetricsCard';
export { MetricChart } from './MetricChart';
