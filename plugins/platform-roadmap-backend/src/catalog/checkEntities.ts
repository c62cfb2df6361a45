import { Entity } from '@backstage/catalog-model';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogReader, ownerRefs, refKey } from './CatalogReader';
import { SUMMARY_FIELDS } from './entitySummary';

/** One entity named in an input, and what it must be. */
export interface NamedEntity {
  /** The input field, for the 400's message. */
  field: string;
  ref?: string | null;
  /** It must be owned by the team. */
  owned: boolean;
  /**
   * The ref the edited row had: left as it was, it is not checked again,
   * so a row stays editable after its entity left the catalog.
   */
  previous?: string;
}

/**
 * Reads the entities an input names, for the caller, in one lookup: each
 * must exist and, where `owned`, belong to the team; otherwise an
 * InputError naming the field. Returns what was found, by lower-case ref.
 */
export async function checkEntities(
  catalog: CatalogService,
  teamRef: string,
  refs: NamedEntity[],
  credentials: BackstageCredentials,
): Promise<Map<string, Entity>> {
  const wanted = refs.filter(r => r.ref);
  const found = await new CatalogReader(catalog, credentials).byRefs(
    wanted.map(r => r.ref!),
    [...SUMMARY_FIELDS, 'relations'],
  );
  for (const { field, ref, owned, previous } of wanted) {
    if (previous && refKey(previous) === refKey(ref!)) continue;
    const entity = found.get(refKey(ref!));
    if (!entity) {
      throw new InputError(`${field}: no entity ${ref} in the catalog`);
    }
    if (owned && !ownerRefs(entity).some(o => refKey(o) === refKey(teamRef))) {
      throw new InputError(`${field}: ${ref} is not owned by ${teamRef}`);
    }
  }
  return found;
}
