import { ReleaseNote } from '@platform-roadmap/plugin-platform-roadmap-common';
import { DeprecationFields } from '../database/ReleaseStore';

type Named = { title?: string; name: string };

/** The `deprecation` release note that announces a deprecation. */
export function announcementNote(
  input: Pick<
    DeprecationFields,
    'entityVersion' | 'sunsetOn' | 'migrationGuideUrl' | 'description'
  >,
  entity: Named,
  replacement?: Named,
): Pick<ReleaseNote, 'title' | 'body'> {
  const name = `${entity.title ?? entity.name}${
    input.entityVersion ? ` ${input.entityVersion}` : ''
  }`;
  const lines = [
    `**${name}** is deprecated and stops working on **${input.sunsetOn}**.`,
  ];
  if (replacement) {
    lines.push(`Move to **${replacement.title ?? replacement.name}**.`);
  }
  if (input.migrationGuideUrl) {
    lines.push(`Migration guide: <${input.migrationGuideUrl}>`);
  }
  if (input.description.trim()) lines.push('', input.description.trim());
  return {
    title: `${name} is deprecated`.slice(0, 200),
    body: lines.join('\n'),
  };
}
