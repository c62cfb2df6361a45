import { parseEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import {
  IMPACT_TYPES,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  SEVERITIES,
} from './requests';

/** An entity ref such as `component:default/my-service`. @public */
export const entityRefSchema = z.string().refine(
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
    .max(168, 'cannot exceed the 168 hours in a week'),
  engineersAffected: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100000, 'is implausibly large'),
  evidence: z.string().trim().max(2000).optional(),
});

/** Body of `POST /requests`. @public */
export const newRequestSchema = z.object({
  title: z
    .string()
    .trim()
    .min(5, 'must be at least 5 characters')
    .max(200, 'must be at most 200 characters'),
  description: z.string().max(20000).default(''),
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
  comment: z.string().trim().max(2000).optional(),
});
/** @public */
export type NewEndorsement = z.input<typeof newEndorsementSchema>;

/** Body of `PUT /requests/:id/triage`. @public */
export const triageSchema = z.object({
  version: z.number().int().min(1),
  costToShip: z
    .number()
    .min(0, 'must be 0 or more')
    .max(100, 'must be at most 100 engineer-quarters'),
  strategicFit: z.number().int().min(1).max(5),
  reversibility: z.number().int().min(1).max(5),
});
/** @public */
export type TriageInput = z.input<typeof triageSchema>;

/** Body of `POST /requests/:id/status`. @public */
export const statusChangeSchema = z
  .object({
    version: z.number().int().min(1),
    status: z.enum(REQUEST_STATUSES),
    reason: z.string().trim().max(2000).optional(),
    revisitOn: z.iso.date().optional(),
    /** When planning: the theme it is planned under. */
    themeId: z.string().min(1).optional(),
    /** When planning: the quarter it is committed for (`2026-Q4`). */
    quarter: z
      .string()
      .regex(/^\d{4}-Q[1-4]$/, 'must be a quarter such as 2026-Q4')
      .optional(),
    /** When shipping: the team's release note that shipped it. */
    releaseNoteId: z.string().min(1).optional(),
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
