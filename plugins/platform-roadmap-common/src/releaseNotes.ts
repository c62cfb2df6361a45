/** @public */
export const RELEASE_NOTE_TYPES = [
  'feature',
  'improvement',
  'fix',
  'breaking',
  'deprecation',
] as const;
/** @public */
export type ReleaseNoteType = (typeof RELEASE_NOTE_TYPES)[number];

/**
 * What a platform team shipped, changed or deprecated; team-wide, or about
 * one entity it owns.
 *
 * @public
 */
export interface ReleaseNote {
  id: string;
  /** Increases with every edit; edits name the version they saw. */
  version: number;
  teamRef: string;
  /** The platform entity the note is about; absent for team-wide notes. */
  entityRef?: string;
  /** The released version, e.g. `2.4.0`. */
  releaseVersion?: string;
  /** Day of the release, `YYYY-MM-DD`. */
  publishedOn: string;
  type: ReleaseNoteType;
  title: string;
  /** Markdown, rendered sanitized. */
  body: string;
  /** Requests this note shipped (they link back with `releaseNoteId`). */
  requests: Array<{ id: string; title: string }>;
  /** The deprecation this note announced, for `deprecation` notes. */
  deprecationId?: string;
  createdBy: string;
  /** When it was written (what "new since your last visit" compares). */
  createdAt: string;
  updatedAt: string;
}

/**
 * Response of the release note lists: newest first.
 *
 * @public
 */
export interface ReleaseNotesPage {
  items: ReleaseNote[];
  totalItems: number;
  /**
   * A text search counts at most 1,000 matches: `totalItems` is then 1,000
   * and there may be more.
   */
  totalIsLowerBound?: boolean;
  /**
   * Whose notes these are. For a platform team or a platform entity, the
   * team (and entity); for any other entity, the platform entities it uses.
   */
  scope: ReleaseNotesScope;
}

/**
 * What a release notes list covers.
 *
 * @public
 */
export interface ReleaseNotesScope {
  /**
   * `team`: every note of the team. `entity`: a platform entity's notes and
   * its team's team-wide notes. `consumer`: the notes of the platform
   * entities the entity uses, and their teams' team-wide notes.
   */
  kind: 'team' | 'entity' | 'consumer';
  /** The platform teams whose notes are listed. */
  teamRefs: string[];
  /** The entities whose own notes are listed. */
  entityRefs: string[];
}
