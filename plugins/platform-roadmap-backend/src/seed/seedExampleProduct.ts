import { LoggerService } from '@backstage/backend-plugin-api';
import {
  capacityInputSchema,
  describeValidationError,
  metricInputSchema,
  quarterOf,
  reviewAskInputSchema,
  shiftQuarter,
  stakeholderInputSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { ProductStore } from '../database/ProductStore';

const DAY = 24 * 60 * 60 * 1000;

const RELATIVE_QUARTERS = {
  'two-quarters-ago': -2,
  'last-quarter': -1,
  'this-quarter': 0,
  'next-quarter': 1,
} as const;
const relativeQuarter = z.enum(
  Object.keys(RELATIVE_QUARTERS) as Array<keyof typeof RELATIVE_QUARTERS>,
);

export const productSeedSchema = z.object({
  capacity: z
    .array(
      z.object({
        team: z.string(),
        quarter: relativeQuarter,
        onCall: z.number(),
        maintenance: z.number(),
        documentation: z.number(),
        onboarding: z.number(),
        roadmap: z.number(),
        by: z.string(),
      }),
    )
    .default([]),
  stakeholders: z
    .array(
      z.object({
        team: z.string(),
        kind: z.string(),
        name: z.string(),
        entityRef: z.string().optional(),
        contact: z.string().optional(),
        notes: z.string().optional(),
        by: z.string(),
      }),
    )
    .default([]),
  asks: z
    .array(
      z.object({
        team: z.string(),
        quarter: relativeQuarter,
        kind: z.string(),
        text: z.string(),
        by: z.string(),
      }),
    )
    .default([]),
  metrics: z
    .array(
      z.object({
        team: z.string(),
        key: z.string(),
        kind: z.string(),
        name: z.string(),
        unit: z.string(),
        direction: z.string(),
        description: z.string().optional(),
        by: z.string(),
        bindKeyResult: z.string().optional(),
        points: z
          .array(
            z.object({
              daysAgo: z.number().int().min(0),
              value: z.number(),
              note: z.string().optional(),
              source: z.string().optional(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  survey: z
    .array(
      z.object({
        team: z.string(),
        period: relativeQuarter,
        respondent: z.string(),
        respondentTeam: z.string(),
        score: z.number().int(),
        comment: z.string().optional(),
      }),
    )
    .default([]),
});
export type ProductSeed = z.infer<typeof productSeedSchema>;

/** Where metrics and survey responses of the seed go (the metrics store). */
export interface MetricsSeedTarget {
  /** Whether any metric or survey response exists already. */
  hasAny(): Promise<boolean>;
  /** Loads the seed's metrics (binding key results) and survey responses. */
  seed(
    data: Pick<ProductSeed, 'metrics' | 'survey'>,
    resolve: {
      quarter: (q: keyof typeof RELATIVE_QUARTERS) => string;
      daysAgo: (d: number) => Date;
    },
    validate: <T>(schema: z.ZodType<T>, value: unknown, what: string) => T,
  ): Promise<void>;
}

/**
 * Loads example capacity budgets, stakeholders and asks (and, through
 * `metrics`, metrics with their points and survey responses) into a store
 * without any, with the API's validation and relative quarters.
 */
export async function seedExampleProduct(options: {
  file: string;
  store: ProductStore;
  metrics?: MetricsSeedTarget;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { file, store, logger } = options;
  const now = options.now ?? new Date();
  // Whatever part was loaded before (a restart with a persistent
  // database), nothing is loaded twice.
  if ((await store.hasAny()) || (await options.metrics?.hasAny())) return 0;
  const parsed = productSeedSchema.safeParse(
    parse(await fs.readFile(file, 'utf8')),
  );
  if (!parsed.success) {
    throw new Error(
      `Invalid example product data in ${file}: ${describeValidationError(
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
  const quarter = (q: keyof typeof RELATIVE_QUARTERS) =>
    shiftQuarter(quarterOf(now), RELATIVE_QUARTERS[q]);
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  const data = parsed.data;

  for (const seed of data.capacity) {
    const { version: _zero, ...shares } = validate(
      capacityInputSchema,
      { ...seed, version: 0 },
      `capacity of ${seed.team} for ${seed.quarter}`,
    );
    await store.setCapacity(seed.team, quarter(seed.quarter), 0, shares, {
      by: seed.by,
      at: daysAgo(30),
    });
  }
  for (const seed of data.stakeholders) {
    const input = validate(
      stakeholderInputSchema,
      seed,
      `stakeholder "${seed.name}"`,
    );
    await store.createStakeholder(seed.team, input, {
      by: seed.by,
      at: daysAgo(60),
    });
  }
  for (const seed of data.asks) {
    const input = validate(
      reviewAskInputSchema,
      { ...seed, quarter: quarter(seed.quarter) },
      `ask "${seed.text}"`,
    );
    await store.createAsk(seed.team, input, { by: seed.by, at: daysAgo(20) });
  }
  // Metric definitions are checked here too, whoever stores them.
  for (const seed of data.metrics) {
    validate(metricInputSchema, seed, `metric "${seed.name}"`);
  }
  await options.metrics?.seed(
    { metrics: data.metrics, survey: data.survey },
    { quarter, daysAgo },
    validate,
  );

  logger.info(
    `Loaded ${data.capacity.length} capacity budgets, ${data.stakeholders.length} stakeholders, ${data.asks.length} asks, ${data.metrics.length} metrics and ${data.survey.length} survey responses from ${file}`,
  );
  return (
    data.capacity.length +
    data.stakeholders.length +
    data.asks.length +
    data.metrics.length +
    data.survey.length
  );
}
