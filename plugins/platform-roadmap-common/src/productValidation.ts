import { z } from 'zod';
import { METRIC_KINDS } from './metrics';
import { ASK_KINDS, CAPACITY_DISCIPLINES, STAKEHOLDER_KINDS } from './product';
import { isPeriod, isQuarter } from './roadmap';
import { entityRefSchema } from './validation';

/**
 * Text without U+0000, which PostgreSQL can neither store nor compare: it
 * is refused here (a 400 naming the field) rather than by the database.
 */
const text = () =>
  z
    .string()
    .refine(
      s => !s.includes('\u0000'),
      'must not contain the character U+0000',
    );

/** Versions are stored in integer columns: a larger one cannot exist. */
const MAX_VERSION = 2_147_483_647;

const version = z.number().int().min(1).max(MAX_VERSION);
const percent = z
  .number('must be a number')
  .int('must be a whole number of percent')
  .min(0, 'must be 0 or more')
  .max(100, 'must be at most 100');
const name = text()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(200, 'must be at most 200 characters');

/** A quarter such as `2026-Q4`. @public */
export const quarterSchema = text().refine(
  isQuarter,
  'must be a quarter such as 2026-Q4',
);

/** A year or a quarter. @public */
export const periodSchema = text().refine(
  isPeriod,
  'must be a year (2026) or a quarter (2026-Q4)',
);

/**
 * Body of `PUT /teams/:namespace/:name/capacity/:quarter`: percentages that
 * add up to 100, and the version seen (0 for a quarter with no budget yet).
 *
 * @public
 */
export const capacityInputSchema = z
  .object({
    version: z.number().int().min(0).max(MAX_VERSION),
    ...(Object.fromEntries(CAPACITY_DISCIPLINES.map(d => [d, percent])) as {
      [K in (typeof CAPACITY_DISCIPLINES)[number]]: typeof percent;
    }),
  })
  .superRefine((value, ctx) => {
    const total = CAPACITY_DISCIPLINES.reduce((sum, d) => sum + value[d], 0);
    if (total !== 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['roadmap'],
        message: `the shares must add up to 100 %, they add up to ${total} %`,
      });
    }
  });
/** @public */
export type CapacityInput = z.input<typeof capacityInputSchema>;

const stakeholderFields = z.object({
  kind: z.enum(STAKEHOLDER_KINDS),
  name,
  entityRef: entityRefSchema.nullable().optional(),
  contact: text().trim().max(500).optional(),
  notes: text().max(5000).default(''),
});

/** Body of `POST /teams/:namespace/:name/stakeholders`. @public */
export const stakeholderInputSchema = stakeholderFields;
/** @public */
export type StakeholderInput = z.input<typeof stakeholderInputSchema>;

/** Body of `PUT /stakeholders/:id`. @public */
export const stakeholderUpdateSchema = stakeholderFields.extend({ version });
/** @public */
export type StakeholderUpdate = z.input<typeof stakeholderUpdateSchema>;

const askFields = z.object({
  quarter: quarterSchema,
  kind: z.enum(ASK_KINDS),
  text: text()
    .trim()
    .min(5, 'must be at least 5 characters')
    .max(1000, 'must be at most 1000 characters'),
});

/** Body of `POST /teams/:namespace/:name/review-asks`. @public */
export const reviewAskInputSchema = askFields;
/** @public */
export type ReviewAskInput = z.input<typeof reviewAskInputSchema>;

/** Body of `PUT /review-asks/:id`. @public */
export const reviewAskUpdateSchema = askFields.extend({ version });
/** @public */
export type ReviewAskUpdate = z.input<typeof reviewAskUpdateSchema>;

const metricFields = z.object({
  key: text()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,62}$/,
      'must be lower-case letters, digits and dashes, e.g. p99-build-time',
    ),
  kind: z.enum(METRIC_KINDS),
  name,
  unit: text().trim().min(1, 'is required').max(40),
  direction: z.enum(['increase', 'decrease']),
  description: text().max(5000).default(''),
});

/** Body of `POST /teams/:namespace/:name/metrics`. @public */
export const metricInputSchema = metricFields;
/** @public */
export type MetricInput = z.input<typeof metricInputSchema>;

/** Body of `PUT /metrics/:id`. @public */
export const metricUpdateSchema = metricFields.extend({ version });
/** @public */
export type MetricUpdate = z.input<typeof metricUpdateSchema>;

/**
 * Body of `POST /teams/:namespace/:name/metrics/:key/points`; `at`
 * defaults to now.
 *
 * @public
 */
export const metricPointInputSchema = z.object({
  value: z.number('must be a number').refine(Number.isFinite, 'must be finite'),
  at: z.iso
    .datetime({ offset: true, error: 'must be an ISO date-time' })
    .optional(),
  note: text().trim().max(500).optional(),
});
/** @public */
export type MetricPointInput = z.input<typeof metricPointInputSchema>;

/** Body of `POST /teams/:namespace/:name/survey`. @public */
export const surveyResponseInputSchema = z.object({
  score: z
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be from 1 to 5')
    .max(5, 'must be from 1 to 5'),
  comment: text().trim().max(2000).optional(),
  /** The consuming team the respondent rates for (one of theirs). */
  respondentTeamRef: entityRefSchema,
});
/** @public */
export type SurveyResponseInput = z.input<typeof surveyResponseInputSchema>;
