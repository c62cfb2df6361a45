import { z } from 'zod';
import { entityRefSchema } from './validation';
import {
  COMMITMENT_KINDS,
  isPeriod,
  isQuarter,
  KEY_RESULT_DIRECTIONS,
  THEME_CATEGORIES,
  THEME_STATUSES,
} from './roadmap';

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

const period = text().refine(
  isPeriod,
  'must be a year (2026) or a quarter (2026-Q4)',
);
const quarter = text().refine(isQuarter, 'must be a quarter such as 2026-Q4');
const title = text()
  .trim()
  .min(5, 'must be at least 5 characters')
  .max(200, 'must be at most 200 characters');
const markdown = text().max(20000, 'must be at most 20000 characters');
const version = z.number().int().min(1).max(MAX_VERSION);
const date = z.iso.date('must be a date (YYYY-MM-DD)');
const finite = z.number('must be a number');

const themeFields = z.object({
  period,
  category: z.enum(THEME_CATEGORIES),
  title,
  outcome: text()
    .trim()
    .min(5, 'must name the outcome in at least 5 characters')
    .max(300, 'must be at most 300 characters'),
  description: markdown.default(''),
  status: z.enum(THEME_STATUSES).default('proposed'),
  statusReason: text().trim().max(2000).optional(),
  entityRefs: z.array(entityRefSchema).max(50).default([]),
});

function checkTheme(value: z.infer<typeof themeFields>, ctx: z.RefinementCtx) {
  if (value.status === 'deprioritized' && !value.statusReason) {
    ctx.addIssue({
      code: 'custom',
      path: ['statusReason'],
      message: 'is required when the status is deprioritized',
    });
  }
}

/** Body of `POST /teams/:namespace/:name/themes`. @public */
export const themeInputSchema = themeFields.superRefine(checkTheme);
/** @public */
export type ThemeInput = z.input<typeof themeInputSchema>;

/** Body of `PUT /themes/:id`. @public */
export const themeUpdateSchema = themeFields
  .extend({ version })
  .superRefine(checkTheme);
/** @public */
export type ThemeUpdate = z.input<typeof themeUpdateSchema>;

/** Body of `POST /themes/:id/objectives`. @public */
export const objectiveInputSchema = z.object({ title });
/** @public */
export type ObjectiveInput = z.input<typeof objectiveInputSchema>;

/** Body of `PUT /objectives/:id`. @public */
export const objectiveUpdateSchema = objectiveInputSchema.extend({ version });
/** @public */
export type ObjectiveUpdate = z.input<typeof objectiveUpdateSchema>;

const measureSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('consuming-teams'), entityRef: entityRefSchema }),
  z.object({ type: z.literal('metric'), metricId: text().min(1) }),
]);

const keyResultFields = z.object({
  title,
  metric: text().trim().min(1, 'is required').max(200),
  unit: text().trim().min(1, 'is required').max(40),
  baseline: finite,
  target: finite,
  /** Defaults to the baseline. Ignored when the catalog measures it. */
  current: finite.optional(),
  direction: z.enum(KEY_RESULT_DIRECTIONS),
  startDate: date,
  dueDate: date,
  guardrail: text().trim().max(300).optional(),
  measure: measureSchema.nullable().optional(),
});

function checkKeyResult(
  value: z.infer<typeof keyResultFields>,
  ctx: z.RefinementCtx,
) {
  if (value.direction === 'increase' && !(value.target > value.baseline)) {
    ctx.addIssue({
      code: 'custom',
      path: ['target'],
      message: 'must be above the baseline when the metric should increase',
    });
  }
  if (value.direction === 'decrease' && !(value.target < value.baseline)) {
    ctx.addIssue({
      code: 'custom',
      path: ['target'],
      message: 'must be below the baseline when the metric should decrease',
    });
  }
  if (value.dueDate <= value.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['dueDate'],
      message: 'must be after the start date',
    });
  }
}

/** Body of `POST /objectives/:id/key-results`. @public */
export const keyResultInputSchema = keyResultFields.superRefine(checkKeyResult);
/** @public */
export type KeyResultInput = z.input<typeof keyResultInputSchema>;

/** Body of `PUT /key-results/:id`. @public */
export const keyResultUpdateSchema = keyResultFields
  .extend({ version })
  .superRefine(checkKeyResult);
/** @public */
export type KeyResultUpdate = z.input<typeof keyResultUpdateSchema>;

/** Body of `POST /key-results/:id/check-ins`. @public */
export const checkInInputSchema = z.object({
  version,
  value: finite,
  note: text().trim().max(2000).optional(),
  guardrailBreached: z.boolean().optional(),
});
/** @public */
export type CheckInInput = z.input<typeof checkInInputSchema>;

const commitmentFields = z.object({
  quarter,
  kind: z.enum(COMMITMENT_KINDS),
  title,
  description: markdown.default(''),
  reason: text().trim().max(2000).optional(),
  themeId: text().min(1).nullable().optional(),
  requestId: text().min(1).nullable().optional(),
});

function checkCommitment(
  value: z.infer<typeof commitmentFields>,
  ctx: z.RefinementCtx,
) {
  if (value.kind === 'deprioritized' && !value.reason) {
    ctx.addIssue({
      code: 'custom',
      path: ['reason'],
      message: 'is required: say why it is deprioritized',
    });
  }
}

/** Body of `POST /teams/:namespace/:name/commitments`. @public */
export const commitmentInputSchema =
  commitmentFields.superRefine(checkCommitment);
/** @public */
export type CommitmentInput = z.input<typeof commitmentInputSchema>;

/** Body of `PUT /commitments/:id`. @public */
export const commitmentUpdateSchema = commitmentFields
  .extend({ version })
  .superRefine(checkCommitment);
/** @public */
export type CommitmentUpdate = z.input<typeof commitmentUpdateSchema>;

/** Body of `PUT /requests/:id/theme`: plan a request under a theme. @public */
export const requestThemeSchema = z.object({
  version,
  themeId: text().min(1, 'is required').nullable(),
  quarter: quarter.optional(),
});
/** @public */
export type RequestThemeInput = z.input<typeof requestThemeSchema>;
