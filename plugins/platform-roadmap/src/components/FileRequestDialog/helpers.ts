import { PlatformRequest } from '@platform-roadmap/plugin-platform-roadmap-common';
import { STATUS_LABELS } from '../Backlog/labels';

/** The status of a request as shown: merged requests say so. */
export function statusLabel(request: PlatformRequest): string {
  return request.mergedIntoId ? 'Merged' : STATUS_LABELS[request.status];
}

/** Entity refs compare case-insensitively. */
export function sameEntityRef(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}

/** How this entity is involved in a request, if at all. */
export function involvement(
  request: PlatformRequest,
  entityRef: string,
): 'filed' | 'endorsed' | undefined {
  if (sameEntityRef(request.requestingEntityRef, entityRef)) return 'filed';
  if (request.endorsements.some(e => sameEntityRef(e.entityRef, entityRef))) {
    return 'endorsed';
  }
  return undefined;
}

/**
 * The message of an error for people: a backend ResponseError's own message
 * (e.g. "title: must be at least 5 characters") rather than the HTTP status.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const body = (error as { body?: { error?: { message?: string } } }).body;
    return body?.error?.message ?? error.message;
  }
  return String(error);
}
