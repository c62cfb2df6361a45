import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ACTIVE_DEPRECATION_STATUSES,
  deprecationInputSchema,
  describeValidationError,
  RELEASE_NOTE_TYPES,
  releaseNoteInputSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { DeprecationSnapshot, ReleaseStore } from '../database/ReleaseStore';
import { RequestStore } from '../database/RequestStore';
import { announcementNote } from '../deprecations/announcementNote';
import { utcDay } from '../service/consumerHistory';

const DAY = 24 * 60 * 60 * 1000;
/** Days between two seeded points of a burn-down. */
const SNAPSHOT_EVERY_DAYS = 7;

const consumer = z.object({ entity: z.string(), team: z.string() });

export const releasesSeedSchema = z.object({
  releaseNotes: z.array(
    z.object({
      team: z.string(),
      entity: z.string().optional(),
      releaseVersion: z.string().optional(),
      daysAgo: z.number().int().min(0),
      type: z.enum(RELEASE_NOTE_TYPES),
      title: z.string(),
      body: z.string().default(''),
      by: z.string(),
      ships: z.array(z.string()).default([]),
    }),
  ),
  deprecations: z.array(
    z.object({
      team: z.string(),
      entity: z.string(),
      entityVersion: z.string().optional(),
      announcedDaysAgo: z.number().int().min(0),
      sunsetInDays: z.number().int(),
      replacement: z.string().optional(),
      migrationGuideUrl: z.string().optional(),
      description: z.string().default(''),
      status: z.string(),
      consumerDepth: z.number().int().optional(),
      by: z.string(),
      /** Who still consumes it today (a test checks this against the catalog). */
      remaining: z.array(consumer).default([]),
      /** Who consumed it and moved away, and when. */
      migrated: z
        .array(consumer.extend({ daysAgo: z.number().int().min(0) }))
        .default([]),
    }),
  ),
});

/**
 * Loads example release notes and deprecations (with a burn-down history
 * reconstructed from who migrated when) into a store without any, through
 * the store's own operations and the API's validation. Notes that `ships`
 * requests (by title) mark those planned requests shipped.
 */
export async function seedExampleReleases(options: {
  file: string;
  store: ReleaseStore;
  requestStore: RequestStore;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { file, store, requestStore, logger } = options;
  const now = options.now ?? new Date();
  if (await store.hasAny()) return 0;
  const raw = parse(await fs.readFile(file, 'utf8'));
  const parsed = releasesSeedSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid example releases in ${file}: ${describeValidationError(
        parsed.error,
      )}`,
    );
  }
  const validate = <T>(schema: z.ZodType<T>, value: unknown, what: string) => {
    const result = schema.safeParse(value);
    if (!result.success) {
      throw new Error(
        `Invalid example ${what} in ${file}: ${describeValidationError(
          result.error,
        )}`,
      );
    }
    return result.data;
  };
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

  // Oldest first, so "new since your last visit" reads naturally.
  const notes = [...parsed.data.releaseNotes].sort(
    (a, b) => b.daysAgo - a.daysAgo,
  );
  for (const seed of notes) {
    const { shipsRequestIds: _none, ...input } = validate(
      releaseNoteInputSchema,
      {
        entityRef: seed.entity,
        releaseVersion: seed.releaseVersion,
        publishedOn: utcDay(daysAgo(seed.daysAgo)),
        type: seed.type,
        title: seed.title,
        body: seed.body,
      },
      `release note "${seed.title}"`,
    );
    const shipIds: string[] = [];
    if (seed.ships.length) {
      const requests = await requestStore.listRequests({
        platformTeamRef: seed.team,
      });
      for (const title of seed.ships) {
        const request = requests.find(r => r.title === title);
        if (!request) {
          throw new Error(
            `Example release note "${seed.title}" ships a request "${title}" that ${seed.team} does not have`,
          );
        }
        shipIds.push(request.id);
      }
    }
    await store.createReleaseNote(seed.team, input, shipIds, {
      by: seed.by,
      at: daysAgo(seed.daysAgo),
    });
  }

  for (const seed of parsed.data.deprecations) {
    const input = validate(
      deprecationInputSchema,
      {
        entityRef: seed.entity,
        entityVersion: seed.entityVersion,
        announcedOn: utcDay(daysAgo(seed.announcedDaysAgo)),
        sunsetOn: utcDay(daysAgo(-seed.sunsetInDays)),
        replacementEntityRef: seed.replacement,
        migrationGuideUrl: seed.migrationGuideUrl,
        description: seed.description,
        status: seed.status,
        consumerDepth: seed.consumerDepth,
      },
      `deprecation of ${seed.entity}`,
    );
    // Who consumed it `days` ago: today's consumers and those that had
    // not yet moved away.
    const consumersAt = (days: number) => {
      const list = [
        ...seed.remaining,
        ...seed.migrated.filter(m => m.daysAgo < days),
      ];
      return {
        consumerEntityRefs: list.map(c => c.entity),
        teamRefs: list.map(c => c.team),
      };
    };
    const points: Array<Omit<DeprecationSnapshot, 'deprecationId'>> = [];
    const active = ACTIVE_DEPRECATION_STATUSES.includes(input.status);
    // Snapshots stop at the sunset for finished deprecations.
    const lastDay = active ? 0 : Math.max(0, -seed.sunsetInDays);
    for (
      let days = seed.announcedDaysAgo;
      days >= lastDay;
      days -= SNAPSHOT_EVERY_DAYS
    ) {
      points.push({ takenOn: utcDay(daysAgo(days)), ...consumersAt(days) });
    }
    if (active) points.push({ takenOn: utcDay(now), ...consumersAt(0) });
    const name = (ref: string) => ({ name: parseEntityRef(ref).name });
    const deprecation = await store.announceDeprecation(
      seed.team,
      input,
      announcementNote(
        input,
        name(input.entityRef),
        input.replacementEntityRef
          ? name(input.replacementEntityRef)
          : undefined,
      ),
      points[0],
      { by: seed.by, at: daysAgo(seed.announcedDaysAgo) },
    );
    await store.recordSnapshots(
      points.slice(1).map(p => ({ ...p, deprecationId: deprecation.id })),
    );
  }

  logger.info(
    `Loaded ${notes.length} example release notes and ${parsed.data.deprecations.length} deprecations from ${file}`,
  );
  return notes.length + parsed.data.deprecations.length;
}
