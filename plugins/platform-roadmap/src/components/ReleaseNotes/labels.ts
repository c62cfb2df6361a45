import { parseEntityRef } from '@backstage/catalog-model';
import { ReleaseNoteType } from '@platform-roadmap/plugin-platform-roadmap-common';

export const TYPE_LABELS: Record<ReleaseNoteType, string> = {
  feature: 'Feature',
  improvement: 'Improvement',
  fix: 'Fix',
  breaking: 'Breaking change',
  deprecation: 'Deprecation',
};

/** Entity refs compare case-insensitively. */
export function sameRef(a: string | undefined, b: string | undefined) {
  return (
    a !== undefined &&
    b !== undefined &&
    a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US')
  );
}

/**
 * The names of entities for a list of choices: "build-cache", or
 * "build-cache (component)" when two of them share a name.
 */
export function entityNames(refs: string[]): Map<string, string> {
  const parsed = refs.map(ref => ({ ref, ...parseEntityRef(ref) }));
  const names = new Map<string, string>();
  for (const { ref, kind, name } of parsed) {
    const shared = parsed.some(
      other => other.ref !== ref && sameRef(other.name, name),
    );
    names.set(
      ref,
      shared ? `${name} (${kind.toLocaleLowerCase('en-US')})` : name,
    );
  }
  return names;
}

/** Today in the person's time zone, as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(
    now.getDate(),
  )}`;
}
