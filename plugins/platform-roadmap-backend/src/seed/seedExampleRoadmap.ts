import { LoggerService } from '@backstage/backend-plugin-api';
import {
  COMMITMENT_KINDS,
  commitmentInputSchema,
  describeValidationError,
  keyResultInputSchema,
  quarterOf,
  shiftQuarter,
  themeInputSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { RequestStore } from '../database/RequestStore';
import { RoadmapStore } from '../database/RoadmapStore';

const DAY = 24 * 60 * 60 * 1000;

/** Periods relative to the day the seed runs, so the demo never ages. */
const RELATIVE_PERIODS = [
  'this-year',
  'this-quarter',
  'next-quarter',
  'last-quarter',
] as const;
type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

const keyResultSeed = z.object({
  title: z.string(),
  metric: z.string(),
  unit: z.string(),
  baseline: z.number(),
  target: z.number(),
  direction: z.enum(['increase', 'decrease']),
  startedDaysAgo: z.number().int(),
  dueInDays: z.number().int(),
  guardrail: z.string().optional(),
  measure: z
    .object({ type: z.literal('consuming-teams'), entityRef: z.string() })
    .optional(),
  checkIns: z
    .array(
      z.object({
        daysAgo: z.number().int().min(0),
        value: z.number(),
        note: z.string().optional(),
        by: z.string(),
        guardrailBreached: z.boolean().optional(),
      }),
    )
    .default([]),
});

const seedSchema = z.object({
  themes: z.array(
    z.object({
      team: z.string(),
      period: z.enum(RELATIVE_PERIODS),
      category: z.string(),
      title: z.string(),
      outcome: z.string(),
      description: z.string().default(''),
      status: z.string(),
      statusReason: z.string().optional(),
      entityRefs: z.array(z.string()).default([]),
      createdBy: z.string(),
      requests: z.array(z.string()).default([]),
      objectives: z
        .array(
          z.object({
            title: z.string(),
            keyResults: z.array(keyResultSeed).default([]),
          }),
        )
        .default([]),
    }),
  ),
  commitments: z.array(
    z.object({
      team: z.string(),
      quarter: z.enum(RELATIVE_PERIODS).exclude(['this-year']),
      kind: z.enum(COMMITMENT_KINDS),
      title: z.string(),
      description: z.string().default(''),
      reason: z.string().optional(),
      theme: z.string().optional(),
      by: z.string(),
    }),
  ),
});

function resolvePeriod(period: RelativePeriod, now: Date): string {
  const quarter = quarterOf(now);
  switch (period) {
    case 'this-year':
      return quarter.slice(0, 4);
    case 'next-quarter':
      return shiftQuarter(quarter, 1);
    case 'last-quarter':
      return shiftQuarter(quarter, -1);
    default:
      return quarter;
  }
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Loads example themes, OKRs (with check-ins) and commitments for the demo
 * into a store without themes, through the store's own operations and the
 * same validation as the API; links the named example requests to their
 * themes. Does nothing when any theme exists.
 */
export async function seedExampleRoadmap(options: {
  file: string;
  store: RoadmapStore;
  requestStore: RequestStore;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { file, store, requestStore, logger } = options;
  const now = options.now ?? new Date();
  if ((await store.listThemes({})).length > 0) return 0;
  const parsed = seedSchema.safeParse(parse(await fs.readFile(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `Invalid example roadmap in ${file}: ${describeValidationError(
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

  const themeIds = new Map<string, string>();
  for (const seed of parsed.data.themes) {
    const input = validate(
      themeInputSchema,
      { ...seed, period: resolvePeriod(seed.period, now) },
      `theme "${seed.title}"`,
    );
    const oldest = Math.max(
      30,
      ...seed.objectives.flatMap(o =>
        o.keyResults.map(kr => kr.startedDaysAgo),
      ),
    );
    const created = daysAgo(oldest);
    const theme = await store.createTheme(seed.team, input, {
      by: seed.createdBy,
      at: created,
    });
    themeIds.set(`${theme.teamRef}|${seed.title}`, theme.id);

    for (const objectiveSeed of seed.objectives) {
      const objective = await store.createObjective(
        theme,
        { title: objectiveSeed.title },
        { by: seed.createdBy, at: created },
      );
      for (const krSeed of objectiveSeed.keyResults) {
        const krInput = validate(
          keyResultInputSchema,
          {
            ...krSeed,
            startDate: dayOf(daysAgo(krSeed.startedDaysAgo)),
            dueDate: dayOf(daysAgo(-krSeed.dueInDays)),
          },
          `key result "${krSeed.title}"`,
        );
        let kr = await store.createKeyResult(objective, krInput, {
          by: seed.createdBy,
          at: daysAgo(krSeed.startedDaysAgo),
        });
        for (const checkIn of krSeed.checkIns) {
          kr = await store.checkIn(kr.id, kr.version, checkIn, {
            by: checkIn.by,
            at: daysAgo(checkIn.daysAgo),
          });
        }
      }
    }

    if (seed.requests.length) {
      const requests = await requestStore.listRequests({
        platformTeamRef: seed.team,
      });
      for (const title of seed.requests) {
        const request = requests.find(r => r.title === title);
        if (!request) {
          throw new Error(
            `Example theme "${seed.title}" links to a request "${title}" that ${seed.team} does not have`,
          );
        }
        await requestStore.setTheme(
          request.id,
          request.version,
          { themeId: theme.id, quarter: quarterOf(now) },
          { by: seed.createdBy, at: now },
        );
      }
    }
  }

  for (const seed of parsed.data.commitments) {
    const themeId = seed.theme
      ? themeIds.get(`${seed.team.toLocaleLowerCase('en-US')}|${seed.theme}`)
      : undefined;
    if (seed.theme && !themeId) {
      throw new Error(
        `Example commitment "${seed.title}" names a theme "${seed.theme}" that ${seed.team} does not have`,
      );
    }
    const input = validate(
      commitmentInputSchema,
      {
        ...seed,
        quarter: resolvePeriod(seed.quarter, now),
        ...(themeId && { themeId }),
      },
      `commitment "${seed.title}"`,
    );
    await store.createCommitment(seed.team, input, {
      by: seed.by,
      at: daysAgo(40),
    });
  }

  logger.info(
    `Loaded ${parsed.data.themes.length} example themes and ${parsed.data.commitments.length} commitments from ${file}`,
  );
  return parsed.data.themes.length;
}
