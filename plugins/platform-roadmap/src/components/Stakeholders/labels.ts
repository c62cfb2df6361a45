import { StakeholderKind } from '@platform-roadmap/plugin-platform-roadmap-common';

/** The groups of the explicit list, as headings. */
export const STAKEHOLDER_KIND_LABELS: Record<StakeholderKind, string> = {
  leadership: 'Leadership that funds us',
  compliance: 'Compliance',
  security: 'Security',
  finance: 'Finance',
  vendor: 'Vendors',
  'api-customer': 'API customers',
  other: 'Other',
};

/** "1 entity depends on the platform", "3 entities depend on the platform". */
export function dependsLabel(count: number): string {
  return count === 1
    ? '1 entity depends on the platform'
    : `${count} entities depend on the platform`;
}

/** Whether a contact is a web address, to show as a link. */
export function isUrl(contact: string): boolean {
  return /^https?:\/\/\S+$/i.test(contact.trim());
}

/** Whether a contact is an email address. */
export function isEmail(contact: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.trim());
}
