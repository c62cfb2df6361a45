import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  describeValidationError,
  platformRoadmapTeamManagePermission,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { Request } from 'express';
import { z } from 'zod';

/** Parses input at the boundary: InputError naming the field otherwise. */
export function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(describeValidationError(result.error));
  }
  return result.data;
}

/**
 * Parses a request body: as `parse`, and a field the schema does not know
 * (at any depth) is an InputError naming it, rather than silently dropped.
 */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = parse(schema, body);
  const unknown = unknownField(body, parsed, '');
  if (unknown) {
    const { parent, key } = unknown;
    throw new InputError(
      /^[A-Za-z_$][\w$]*$/.test(key)
        ? `${parent ? `${parent}.` : ''}${key}: is not a field of this request`
        : `${parent || 'body'}: has a field ${JSON.stringify(
            key,
          )} this request does not take`,
    );
  }
  return parsed;
}

/**
 * The first key of `input` that the schema dropped from `output` (zod
 * strips what it does not know), with its path.
 */
function unknownField(
  input: unknown,
  output: unknown,
  path: string,
): { parent: string; key: string } | undefined {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (Array.isArray(input) && Array.isArray(output)) {
    for (let i = 0; i < Math.min(input.length, output.length); i++) {
      const found = unknownField(input[i], output[i], at(String(i)));
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(input) || !isRecord(output)) return undefined;
  for (const [key, value] of Object.entries(input)) {
    if (!(key in output)) return { parent: path, key };
    const found = unknownField(value, output[key], at(key));
    if (found) return found;
  }
  return undefined;
}

/** The calling user (people only) and the ref their changes are recorded under. */
export async function userOf(httpAuth: HttpAuthService, req: Request) {
  const credentials = await httpAuth.credentials(req, { allow: ['user'] });
  return { credentials, by: credentials.principal.userEntityRef };
}

/**
 * Throws NotAllowedError unless the policy ALLOWs the caller to manage the
 * team (CONDITIONAL is resolved by the permission framework against the
 * team resource; only a definite ALLOW passes).
 */
export async function authorizeManage(
  permissions: PermissionsService,
  teamRef: string,
  credentials: BackstageCredentials,
  what: string,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission: platformRoadmapTeamManagePermission, resourceRef: teamRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Only members of ${teamRef} may change its ${what}`,
    );
  }
}

/** `?version=N` of a delete. */
export const versionQuerySchema = z.object({
  // versions are 32-bit integers in the database
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});

/** For `.catch()`: a NotFoundError becomes undefined, anything else rethrows. */
export function notFound(error: unknown): undefined {
  if ((error as Error)?.name === 'NotFoundError') return undefined;
  throw error;
}
