import { InputError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';

// The catalog's own limits for a namespace or name.
const NAME_PATTERN = /^[a-z0-9A-Z][a-z0-9A-Z._-]{0,62}$/;

/** The Group ref of a team named in a URL, or InputError naming the field. */
export function parseTeamRef(namespace: string, name: string): string {
  if (!NAME_PATTERN.test(namespace)) {
    throw new InputError(
      `namespace: "${namespace}" is not a valid catalog namespace`,
    );
  }
  if (!NAME_PATTERN.test(name)) {
    throw new InputError(`name: "${name}" is not a valid catalog entity name`);
  }
  return stringifyEntityRef({ kind: 'group', namespace, name });
}
