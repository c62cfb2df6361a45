import {
  KeyResultStatus,
  ThemeCategory,
  ThemeStatus,
} from '@platform-roadmap/plugin-platform-roadmap-common';

export const CATEGORY_LABELS: Record<ThemeCategory, string> = {
  reliability: 'Reliability',
  velocity: 'Velocity',
  capability: 'Capability',
  cost: 'Cost',
  compliance: 'Compliance',
};

export const THEME_STATUS_LABELS: Record<ThemeStatus, string> = {
  proposed: 'Proposed',
  committed: 'Committed',
  'in-progress': 'In progress',
  done: 'Done',
  deprioritized: 'Deprioritized',
};

export const KEY_RESULT_STATUS_LABELS: Record<KeyResultStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
};
