import { ContactKind } from '@platform-roadmap/plugin-platform-roadmap-common';

/** What each way of reaching a team is called. */
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  'office-hours': 'Office hours',
  chat: 'Chat',
  newsletter: 'Newsletter',
};
