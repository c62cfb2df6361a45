import { LoggerService } from '@backstage/backend-plugin-api';
import {
  costEstimateSchema,
  describeValidationError,
  newRequestSchema,
  REQUEST_STATUSES,
  triageSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { RequestStore } from '../database/RequestStore';

const DAY = 24 * 60 * 60 * 1000;

const seedSchema = z.array(
  newRequestSchema.extend({
    requestingTeamRef: z.string().optional(),
    createdBy: z.string(),
    daysAgo: z.number().int().min(0),
    endorsements: z
      .array(
        z.object({
          entityRef: z.string(),
          teamRef: z.string().optional(),
          cost: costEstimateSchema,
          comment: z.string().optional(),
          createdBy: z.string(),
        }),
      )
      .default([]),
    triage: triageSchema.omit({ version: true }).optional(),
    statusChanges: z
      .array(
        z.object({
          status: z.enum(REQUEST_STATUSES),
          reason: z.string().optional(),
          revisitOn: z.string().optional(),
          by: z.string(),
        }),
      )
      .default([]),
  }),
);

/**
 * Loads example requests (for the demo portal) into an empty store, through
 * the store's own operations so the history reads as it would in use.
 * Does nothing when any request exists.
 */
export async function seedExampleRequests(options: {
  file: string;
  store: RequestStore;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { file, store, logger } = options;
  const now = options.now ?? new Date();
  if ((await store.listRequests({ includeMerged: true })).length > 0) {
    return 0;
  }
  const parsed = seedSchema.safeParse(parse(await fs.readFile(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `Invalid example requests in ${file}: ${describeValidationError(
        parsed.error,
      )}`,
    );
  }
  for (const seed of parsed.data) {
    const filedAt = new Date(now.getTime() - seed.daysAgo * DAY);
    let step = 0;
    const later = (by: string) => ({
      by,
      at: new Date(filedAt.getTime() + ++step * 60 * 60 * 1000),
    });
    let request = await store.createRequest(seed, {
      by: seed.createdBy,
      at: filedAt,
    });
    for (const e of seed.endorsements) {
      request = await store.addEndorsement(request.id, e, later(e.createdBy));
    }
    if (seed.triage) {
      request = await store.triage(
        request.id,
        request.version,
        seed.triage,
        later(seed.statusChanges[0]?.by ?? seed.createdBy),
      );
    }
    for (const change of seed.statusChanges) {
      request = await store.changeStatus(
        request.id,
        { ...change, version: request.version },
        later(change.by),
      );
    }
  }
  logger.info(`Loaded ${parsed.data.length} example requests from ${file}`);
  return parsed.data.length;
}
