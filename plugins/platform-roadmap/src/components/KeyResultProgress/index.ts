export { formatValue, KeyResultProgress } from './KeyResultProgress';
export {
  CATEGORY_LABELS,
  KEY_RESULT_STATUS_LABELS,
  THEME_STATUS_LABELS,
} from './labels';
