import { z } from 'zod';
import { DEPRECATION_STATUSES, MAX_CONSUMER_DEPTH } from './deprecations';
import { RELEASE_NOTE_TYPES } from './releaseNotes';
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

const title = text()
  .trim()
  .min(5, 'must be at least 5 characters')
  .max(200, 'must be at most 200 characters');
const markdown = text().max(20000, 'must be at most 20000 characters');
const version = z.number().int().min(1).max(MAX_VERSION);
const date = z.iso.date('must be a date (YYYY-MM-DD)');
const httpUrl = text()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine(value => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const releaseNoteFields = z.object({
  entityRef: entityRefSchema.nullable().optional(),
  releaseVersion: text()
    .trim()
    .max(50, 'must be at most 50 characters')
    .optional(),
  publishedOn: date,
  type: z.enum(RELEASE_NOTE_TYPES),
  title,
  body: markdown.default(''),
});

/** Body of `POST /teams/:namespace/:name/release-notes`. @public */
export const releaseNoteInputSchema = releaseNoteFields.extend({
  /** Requests of the team this note ships; they become `shipped`. */
  shipsRequestIds: z
    .array(text().min(1))
    .max(50, 'must list at most 50 requests')
    .default([]),
});
/** @public */
export type ReleaseNoteInput = z.input<typeof releaseNoteInputSchema>;

/** Body of `PUT /release-notes/:id`. @public */
export const releaseNoteUpdateSchema = releaseNoteFields.extend({ version });
/** @public */
export type ReleaseNoteUpdate = z.input<typeof releaseNoteUpdateSchema>;

/** Query of the release note lists. @public */
export const releaseNotesQuerySchema = z.object({
  type: z
    .union([z.enum(RELEASE_NOTE_TYPES), z.array(z.enum(RELEASE_NOTE_TYPES))])
    .transform(v => (Array.isArray(v) ? v : [v]))
    .optional(),
  /** Only the notes about this entity. */
  about: entityRefSchema.optional(),
  /** Text in the title, body or release version (case-insensitive). */
  q: text().trim().max(200, 'must be at most 200 characters').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
/** @public */
export type ReleaseNotesQuery = z.input<typeof releaseNotesQuerySchema>;

const deprecationFields = z.object({
  entityRef: entityRefSchema,
  entityVersion: text()
    .trim()
    .max(50, 'must be at most 50 characters')
    .optional(),
  announcedOn: date,
  sunsetOn: date,
  replacementEntityRef: entityRefSchema.nullable().optional(),
  migrationGuideUrl: httpUrl.nullable().optional(),
  description: markdown.default(''),
  status: z.enum(DEPRECATION_STATUSES).default('announced'),
  consumerDepth: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_CONSUMER_DEPTH, `must be at most ${MAX_CONSUMER_DEPTH}`)
    .default(1),
});

function checkDeprecation(
  value: z.infer<typeof deprecationFields>,
  ctx: z.RefinementCtx,
) {
  if (value.sunsetOn <= value.announcedOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['sunsetOn'],
      message: 'must be after the announcement date',
    });
  }
  if (
    value.replacementEntityRef &&
    value.replacementEntityRef.toLocaleLowerCase('en-US') ===
      value.entityRef.toLocaleLowerCase('en-US')
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['replacementEntityRef'],
      message: 'must be another entity than the deprecated one',
    });
  }
}

/**
 * Body of `POST /teams/:namespace/:name/deprecations` (announcing one also
 * publishes a `deprecation` release note).
 *
 * @public
 */
export const deprecationInputSchema =
  deprecationFields.superRefine(checkDeprecation);
/** @public */
export type DeprecationInput = z.input<typeof deprecationInputSchema>;

/** Body of `PUT /deprecations/:id`. @public */
export const deprecationUpdateSchema = deprecationFields
  .extend({ version })
  .superRefine(checkDeprecation);
/** @public */
export type DeprecationUpdate = z.input<typeof deprecationUpdateSchema>;
