import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntitySummary } from '@platform-roadmap/plugin-platform-roadmap-common';

/** The entity fields every summary needs; pass them to catalog calls. */
export const SUMMARY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.type',
  'spec.profile.displayName',
];

export function toEntitySummary(entity: Entity): EntitySummary {
  const profile = (entity.spec as { profile?: { displayName?: unknown } })
    ?.profile;
  const title =
    entity.metadata.title ??
    (typeof profile?.displayName === 'string'
      ? profile.displayName
      : undefined);
  const type = entity.spec?.type;
  return {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    name: entity.metadata.name,
    namespace: entity.metadata.namespace ?? 'default',
    ...(title ? { title } : {}),
    ...(typeof type === 'string' ? { type } : {}),
  };
}
