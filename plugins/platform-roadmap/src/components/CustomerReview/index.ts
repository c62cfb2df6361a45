export { CustomerReviewTab } from './CustomerReviewTab';
