import { ReactNode, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  CopyTextButton,
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  platformRoadmapTeamManagePermission,
  ReleaseNote,
  ReleaseNotesScope,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformRoadmapApiRef } from '../../api';
import { sameRef } from './labels';
import { ReleaseNoteArticle } from './ReleaseNoteArticle';
import {
  DeleteReleaseNoteDialog,
  ReleaseNoteDialog,
} from './ReleaseNoteDialog';
import {
  isFiltered,
  ReleaseNotesFilters,
  toApiFilter,
  useReleaseNotesParams,
} from './ReleaseNotesFilters';
import { isNewSince, useLastVisit } from './useLastVisit';

/** What a dialog is open for. */
type Editing =
  | { type: 'create' }
  | { type: 'edit'; note: ReleaseNote }
  | { type: 'delete'; note: ReleaseNote };

/** Whose notes the list shows, in a sentence. */
function scopeDescription(
  kind: string,
  isGroup: boolean,
  scope?: ReleaseNotesScope,
): string | undefined {
  if (scope?.kind === 'consumer') {
    return `Release notes of the platforms this ${kind} uses`;
  }
  if (isGroup || scope?.kind === 'team') {
    return 'What this team shipped, changed and deprecated';
  }
  if (scope?.kind === 'entity') {
    return `Release notes of this ${kind}, and its team's team-wide notes`;
  }
  return undefined;
}

/** Whether a backend error says there is no such thing. */
function isNotFound(error: Error): boolean {
  const status = (error as { statusCode?: unknown }).statusCode;
  return status === 404 || error.name === 'NotFoundError';
}

/** The entities the list can be narrowed to: whose own notes it has. */
function entityChoices(
  scope: ReleaseNotesScope | undefined,
  notes: ReleaseNote[],
): string[] {
  const refs = [
    ...(scope?.entityRefs ?? []),
    ...notes.flatMap(note => (note.entityRef ? [note.entityRef] : [])),
  ];
  return refs.filter(
    (ref, index) => refs.findIndex(other => sameRef(other, ref)) === index,
  );
}

/**
 * The Release notes tab: what platform teams shipped, changed or deprecated,
 * newest first. On a platform team's Group page, every note of the team; on
 * a platform entity's page, its notes and its team's team-wide ones; on any
 * other entity's page, the notes of the platforms it uses. Filters live in
 * the URL so a view can be shared, and `?note=<id>` shows one note alone.
 * Notes written since the person's last visit are marked; members of the
 * team publish, edit and delete notes from here.
 *
 * @public
 */
export function ReleaseNotesTab() {
  const { entity } = useEntity();
  const api = useApi(platformRoadmapApiRef);
  const { pathname, search } = useLocation();
  const entityRef = stringifyEntityRef(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const isGroup = kind === 'group';
  const { noteId, filters, setFilters } = useReleaseNotesParams();
  const [editing, setEditing] = useState<Editing>();

  const typeKey = filters.types.join(',');
  const list = useAsyncRetry(async () => {
    if (noteId) return undefined;
    const filter = toApiFilter(filters);
    return isGroup
      ? api.getTeamReleaseNotes(entityRef, filter)
      : api.getEntityReleaseNotes(entityRef, filter);
    // The filters by value, not the object: one request per change.
  }, [api, entityRef, isGroup, noteId, typeKey, filters.about, filters.q]);
  const single = useAsyncRetry(
    async () => (noteId ? api.getReleaseNote(noteId) : undefined),
    [api, noteId],
  );
  const feed = useAsync(
    () =>
      api.getReleaseNotesFeedUrl(
        isGroup ? { teamRef: entityRef } : { entityRef },
      ),
    [api, entityRef, isGroup],
  );

  const page = list.value;
  const scope = page?.scope;
  const lastVisit = useLastVisit(entityRef, page !== undefined);

  // The team whose notes members may publish and edit here.
  let teamRef: string | undefined;
  if (isGroup) teamRef = entityRef;
  else if (noteId) teamRef = single.value?.teamRef;
  else if (scope?.kind === 'entity' && scope.teamRefs.length === 1) {
    teamRef = scope.teamRefs[0];
  }
  const permission = usePermission({
    permission: platformRoadmapTeamManagePermission,
    resourceRef: teamRef,
  });
  const canManage = teamRef !== undefined && permission.allowed;
  const canCreate =
    canManage && !noteId && scope !== undefined && scope.kind !== 'consumer';

  const allNotesParams = new URLSearchParams(search);
  allNotesParams.delete('note');
  const allNotesQuery = allNotesParams.toString();
  const allNotesHref = `${pathname}${allNotesQuery ? `?${allNotesQuery}` : ''}`;

  const createButton = canCreate && (
    <Button
      variant="contained"
      color="primary"
      onClick={() => setEditing({ type: 'create' })}
    >
      New release note
    </Button>
  );

  function article(note: ReleaseNote) {
    const mine = canManage && sameRef(note.teamRef, teamRef);
    return (
      <ReleaseNoteArticle
        key={note.id}
        note={note}
        isNew={isNewSince(note.createdAt, lastVisit)}
        permalink={`${pathname}?note=${encodeURIComponent(note.id)}`}
        showTeam={!isGroup}
        actions={
          mine && (
            <>
              <Button
                size="small"
                aria-label={`Edit release note: ${note.title}`}
                onClick={() => setEditing({ type: 'edit', note })}
              >
                Edit
              </Button>
              <Button
                size="small"
                color="secondary"
                aria-label={`Delete release note: ${note.title}`}
                onClick={() => setEditing({ type: 'delete', note })}
              >
                Delete
              </Button>
            </>
          )
        }
      />
    );
  }

  let content: ReactNode;
  if (noteId) {
    const back = (
      <Box mb={2}>
        <Link to={allNotesHref}>All release notes</Link>
      </Box>
    );
    let note: ReactNode;
    if (single.loading) note = <Progress />;
    else if (single.error && isNotFound(single.error)) {
      note = (
        <EmptyState
          missing="data"
          title="This release note no longer exists"
          description="It may have been deleted. The other release notes are still here."
        />
      );
    } else if (single.error) {
      note = <ResponseErrorPanel error={single.error} />;
    } else if (single.value) note = article(single.value);
    content = (
      <>
        {back}
        {note}
      </>
    );
  } else {
    let notes: ReactNode;
    if (list.loading) notes = <Progress />;
    else if (list.error) notes = <ResponseErrorPanel error={list.error} />;
    else if (page && page.items.length === 0 && isFiltered(filters)) {
      notes = (
        <Typography variant="body1">
          No release notes match these filters.
        </Typography>
      );
    } else if (page && page.items.length === 0) {
      notes = (
        <EmptyState
          missing="content"
          title="No release notes yet"
          description={
            scope?.kind === 'consumer'
              ? `None of the platforms this ${kind} uses has published release notes yet.`
              : 'When the team ships, changes or deprecates something, its release notes appear here and in the Atom feed.'
          }
          action={createButton || undefined}
        />
      );
    } else if (page) {
      const newCount = page.items.filter(note =>
        isNewSince(note.createdAt, lastVisit),
      ).length;
      notes = (
        <>
          {(newCount > 0 || page.totalItems > page.items.length) && (
            <Box mb={1}>
              <Typography variant="body2" color="textSecondary">
                {page.totalItems > page.items.length &&
                  `Showing the newest ${page.items.length} of ${
                    page.totalItems
                  }${page.totalIsLowerBound ? ' or more' : ''} release notes. `}
                {newCount > 0 && `${newCount} new since your last visit.`}
              </Typography>
            </Box>
          )}
          {page.items.map(article)}
        </>
      );
    }
    content = (
      <>
        <ReleaseNotesFilters
          filters={filters}
          onChange={setFilters}
          entityRefs={entityChoices(scope, page?.items ?? [])}
        />
        {notes}
      </>
    );
  }

  const onSaved = () => {
    setEditing(undefined);
    if (noteId) single.retry();
    else list.retry();
  };

  return (
    <InfoCard
      title="Release notes"
      subheader={scopeDescription(kind, isGroup, scope)}
      action={
        <Box display="flex" alignItems="center" p={1} style={{ gap: 16 }}>
          {feed.value && (
            <Box display="flex" alignItems="center">
              {/* Feed readers need a token, or publicFeeds (see README). */}
              <Link to={feed.value}>Atom feed</Link>
              <CopyTextButton
                text={feed.value}
                aria-label="Copy the Atom feed URL"
                tooltipText="Feed URL copied: add it to your feed reader"
              />
            </Box>
          )}
          {createButton}
        </Box>
      }
    >
      {content}
      {editing?.type === 'delete' && (
        <DeleteReleaseNoteDialog
          note={editing.note}
          onClose={() => setEditing(undefined)}
          onSaved={onSaved}
        />
      )}
      {editing && editing.type !== 'delete' && teamRef && (
        <ReleaseNoteDialog
          teamRef={teamRef}
          note={editing.type === 'edit' ? editing.note : undefined}
          defaultEntityRef={scope?.kind === 'entity' ? entityRef : undefined}
          onClose={() => setEditing(undefined)}
          onSaved={onSaved}
        />
      )}
    </InfoCard>
  );
}
