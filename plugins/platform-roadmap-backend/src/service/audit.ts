import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/**
 * Runs a mutation inside an audit event: success with the result's meta, or
 * failure with the error (which is then rethrown for the error handler).
 */
export async function audited<T>(
  auditor: AuditorService,
  options: { eventId: string; request?: Request; meta: JsonObject },
  fn: () => Promise<T>,
  resultMeta?: (result: T) => JsonObject,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId: options.eventId,
    severityLevel: 'medium',
    request: options.request,
    meta: options.meta,
  });
  try {
    const result = await fn();
    await event.success(resultMeta ? { meta: resultMeta(result) } : undefined);
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
