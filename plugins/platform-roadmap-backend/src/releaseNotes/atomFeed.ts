import { ReleaseNote } from '@platform-roadmap/plugin-platform-roadmap-common';

/** The parts of a feed besides its entries. */
export interface FeedInfo {
  /** A stable id, e.g. `urn:platform-roadmap:team:group:default/ci-build`. */
  id: string;
  title: string;
  /** The page the feed is about (its Release notes tab). */
  pageUrl: string;
  /** The feed's own URL. */
  selfUrl: string;
  /** The permalink of a note on the Backstage site. */
  noteUrl: (note: ReleaseNote) => string;
}

const LABELS: Record<ReleaseNote['type'], string> = {
  feature: 'Feature',
  improvement: 'Improvement',
  fix: 'Fix',
  breaking: 'Breaking change',
  deprecation: 'Deprecation',
};

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return (
    text
      // Characters XML 1.0 does not allow at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/**
 * An Atom 1.0 feed of release notes, newest first. Bodies go out as the
 * Markdown the team wrote, typed `text`: a feed reader shows them as text
 * and never renders HTML from them.
 */
export function atomFeed(info: FeedInfo, notes: ReleaseNote[]): string {
  const x = escapeXml;
  const updated = notes.reduce(
    (latest, n) => (n.updatedAt > latest ? n.updatedAt : latest),
    notes[0]?.updatedAt ?? new Date(0).toISOString(),
  );
  const entries = notes.map(note => {
    const title = `${LABELS[note.type]}: ${note.title}${
      note.releaseVersion ? ` (${note.releaseVersion})` : ''
    }`;
    return [
      '  <entry>',
      `    <id>urn:platform-roadmap:release-note:${x(note.id)}</id>`,
      `    <title type="text">${x(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(
        info.noteUrl(note),
      )}"/>`,
      `    <published>${x(`${note.publishedOn}T00:00:00Z`)}</published>`,
      `    <updated>${x(note.updatedAt)}</updated>`,
      `    <author><name>${x(note.createdBy)}</name></author>`,
      `    <category term="${x(note.type)}" label="${x(LABELS[note.type])}"/>`,
      `    <content type="text">${x(note.body)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${x(info.id)}</id>`,
    `  <title type="text">${x(info.title)}</title>`,
    `  <link rel="alternate" type="text/html" href="${x(info.pageUrl)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${x(
      info.selfUrl,
    )}"/>`,
    `  <updated>${x(updated)}</updated>`,
    '  <generator>Platform Roadmap for Backstage</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
