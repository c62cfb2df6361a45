import { parseEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import {
  IMPACT_TYPES,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  SEVERITIES,
} from './requests';

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

/**
 * Hours and engineer-quarters are single-precision columns: a tiny positive
 * number (1e-40, say) underflows there, and means nothing here.
 */
const storableReal = (value: number) => value === 0 || value >= 0.01;

/** An entity ref such as `component:default/my-service`. @public */
export const entityRefSchema = text().refine(
  value => {
    try {
      parseEntityRef(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an entity ref such as component:default/my-service' },
);

/** @public */
export const costEstimateSchema = z.object({
  hoursPerEngineerPerWeek: z
    .number()
    .min(0, 'must be 0 or more')
    .max(168, 'cannot exceed the 168 hours in a week')
    .refine(storableReal, 'must be 0 or at least 0.01'),
  engineersAffected: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100000, 'is implausibly large'),
  evidence: text().trim().max(2000).optional(),
});

/** Body of `POST /requests`. @public */
export const newRequestSchema = z.object({
  title: text()
    .trim()
    .min(5, 'must be at least 5 characters')
    .max(200, 'must be at most 200 characters'),
  description: text().max(20000).default(''),
  kind: z.enum(REQUEST_KINDS),
  impactType: z.enum(IMPACT_TYPES),
  severity: z.enum(SEVERITIES),
  cost: costEstimateSchema,
  requestingEntityRef: entityRefSchema,
  platformTeamRef: entityRefSchema,
  aboutEntityRefs: z.array(entityRefSchema).max(20).default([]),
});
/** @public */
export type NewRequest = z.input<typeof newRequestSchema>;

/** Body of `POST /requests/:id/endorsements`. @public */
export const newEndorsementSchema = z.object({
  entityRef: entityRefSchema,
  cost: costEstimateSchema,
  comment: text().trim().max(2000).optional(),
});
/** @public */
export type NewEndorsement = z.input<typeof newEndorsementSchema>;

/** Body of `PUT /requests/:id/triage`. @public */
export const triageSchema = z.object({
  version: z.number().int().min(1).max(MAX_VERSION),
  costToShip: z
    .number()
    .min(0, 'must be 0 or more')
    .max(100, 'must be at most 100 engineer-quarters')
    .refine(storableReal, 'must be 0 or at least 0.01'),
  strategicFit: z.number().int().min(1).max(5),
  reversibility: z.number().int().min(1).max(5),
});
/** @public */
export type TriageInput = z.input<typeof triageSchema>;

/** Body of `POST /requests/:id/status`. @public */
export const statusChangeSchema = z
  .object({
    version: z.number().int().min(1).max(MAX_VERSION),
    status: z.enum(REQUEST_STATUSES),
    reason: text().trim().max(2000).optional(),
    revisitOn: z.iso.date().optional(),
    /** When planning: the theme it is planned under. */
    themeId: text().min(1).optional(),
    /** When planning: the quarter it is committed for (`2026-Q4`). */
    quarter: text()
      .regex(/^\d{4}-Q[1-4]$/, 'must be a quarter such as 2026-Q4')
      .optional(),
    /** When shipping: the team's release note that shipped it. */
    releaseNoteId: text().min(1).optional(),
  })
  .superRefine((value, ctx) => {
    if (
      (value.status === 'deprioritized' || value.status === 'declined') &&
      !value.reason
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `is required when the status is ${value.status}`,
      });
    }
    if (value.status === 'deprioritized' && !value.revisitOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['revisitOn'],
        message: 'is required when the status is deprioritized',
      });
    }
  });
/** @public */
export type StatusChangeInput = z.input<typeof statusChangeSchema>;

/**
 * The first problem of a failed parse as "field.path: message", so a 400
 * names the field.
 *
 * @public
 */
export function describeValidationError(error: z.ZodError): string {
  return error.issues
    .map(issue => {
      const path = issue.path.join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
