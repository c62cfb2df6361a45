import { Entity } from '@backstage/catalog-model';
import {
  CONTACT_KINDS,
  ContactChannel,
  ContactKind,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** The fields contactChannels reads; pass them to catalog calls. */
export const CONTACT_FIELDS = ['metadata.links', 'metadata.annotations'];

const TITLES: Record<ContactKind, string> = {
  'office-hours': 'Office hours',
  chat: 'Chat channel',
  newsletter: 'Newsletter',
};

const isUrl = (value: string) => /^https?:\/\//i.test(value.trim());

/**
 * How to reach a team, from its Group entity: every `metadata.links` entry
 * whose `type` is `office-hours`, `chat` or `newsletter`, then the
 * annotations `platform-roadmap/office-hours`, `platform-roadmap/chat` and
 * `platform-roadmap/newsletter` (a URL, or words such as "Tuesdays 14:00").
 * Nothing is invented when neither is there.
 */
export function contactChannels(entity: Entity): ContactChannel[] {
  const channels: ContactChannel[] = [];
  for (const link of entity.metadata.links ?? []) {
    const kind = CONTACT_KINDS.find(
      k => k === link.type?.toLocaleLowerCase('en-US'),
    );
    if (kind && isUrl(link.url)) {
      channels.push({ kind, title: link.title || TITLES[kind], url: link.url });
    }
  }
  for (const kind of CONTACT_KINDS) {
    const value = entity.metadata.annotations?.[`platform-roadmap/${kind}`];
    if (!value?.trim()) continue;
    channels.push(
      isUrl(value)
        ? { kind, title: TITLES[kind], url: value.trim() }
        : { kind, title: TITLES[kind], text: value.trim() },
    );
  }
  return channels.sort(
    (a, b) => CONTACT_KINDS.indexOf(a.kind) - CONTACT_KINDS.indexOf(b.kind),
  );
}
