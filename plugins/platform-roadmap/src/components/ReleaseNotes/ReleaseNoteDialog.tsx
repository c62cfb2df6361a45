import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  RELEASE_NOTE_TYPES,
  ReleaseNote,
  releaseNoteInputSchema,
  ReleaseNoteType,
  releaseNoteUpdateSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { platformRoadmapApiRef } from '../../api';
import { STATUS_LABELS } from '../Backlog/labels';
import { errorMessage } from '../FileRequestDialog/helpers';
import {
  Failure,
  FormDialog,
  friendlyError,
  optionalText,
  useDialogForm,
} from '../TeamRoadmap/form';
import { TYPE_LABELS, today } from './labels';

const ID = 'release-note';

const FIELDS = [
  'type',
  'title',
  'releaseVersion',
  'publishedOn',
  'entityRef',
  'body',
  'shipsRequestIds',
] as const;

/** How many of the team's open requests the dialog offers to ship. */
const SHIPPABLE_LIMIT = 100;

/**
 * After a 409: someone else changed or deleted the note since the list was
 * loaded. (The shared FormDialog words this for the roadmap.)
 */
function ConflictNotice(props: { failure?: Failure; onReload: () => void }) {
  const { failure, onReload } = props;
  if (!failure?.conflict) return null;
  return (
    <Box mt={2} role="alert">
      <Typography color="error" variant="body2">
        {failure.message}
      </Typography>
      <Typography variant="body2">
        Someone else changed this release note since the list was loaded. Reload
        the release notes to see their change, then make yours again.
      </Typography>
      <Button size="small" variant="outlined" onClick={onReload}>
        Reload the release notes
      </Button>
    </Box>
  );
}

/** The failure FormDialog shows itself: all but conflicts. */
function plainFailure(failure?: Failure) {
  return failure?.conflict ? undefined : failure;
}

/**
 * Publishes a release note of a platform team, or edits one: what shipped,
 * changed or was deprecated, team-wide or about one of the team's platform
 * entities. A new note can name the team's planned requests it
 * ships; they become shipped.
 */
export function ReleaseNoteDialog(props: {
  teamRef: string;
  /** The note to edit; a new one when absent. */
  note?: ReleaseNote;
  /** The entity a new note is about, e.g. the page's platform entity. */
  defaultEntityRef?: string;
  onClose: () => void;
  /** After a save, or to reload after a conflict. */
  onSaved: () => void;
}) {
  const { teamRef, note, defaultEntityRef, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm(ID, FIELDS);
  const [type, setType] = useState<ReleaseNoteType>(note?.type ?? 'feature');
  const [title, setTitle] = useState(note?.title ?? '');
  const [releaseVersion, setReleaseVersion] = useState(
    note?.releaseVersion ?? '',
  );
  const [publishedOn, setPublishedOn] = useState(note?.publishedOn ?? today());
  const [entityRef, setEntityRef] = useState(
    (note ? note.entityRef : defaultEntityRef) ?? '',
  );
  const [body, setBody] = useState(note?.body ?? '');
  const [ships, setShips] = useState<string[]>([]);

  const team = useAsync(() => api.getTeam(teamRef), [api, teamRef]);
  const shippable = useAsync(async () => {
    if (note) return [];
    const page = await api.getBacklog(teamRef, {
      status: ['planned'],
      limit: SHIPPABLE_LIMIT,
    });
    return page.items.map(item => item.request);
  }, [api, teamRef, note]);

  const entities = (team.value?.platformEntities ?? []).map(e => ({
    ref: e.entityRef,
    label: `${e.title ?? e.name} (${e.kind.toLocaleLowerCase('en-US')})`,
  }));
  if (entityRef && !entities.some(e => e.ref === entityRef)) {
    entities.push({ ref: entityRef, label: parseEntityRef(entityRef).name });
  }

  function save() {
    const fields = {
      type,
      title,
      releaseVersion: optionalText(releaseVersion),
      publishedOn,
      body,
    };
    if (note) {
      const data = form.check(
        releaseNoteUpdateSchema.safeParse(
          { ...fields, entityRef: entityRef || null, version: note.version },
          { error: friendlyError },
        ),
      );
      if (data) form.send(() => api.updateReleaseNote(note.id, data), onSaved);
    } else {
      const data = form.check(
        releaseNoteInputSchema.safeParse(
          {
            ...fields,
            entityRef: entityRef || undefined,
            shipsRequestIds: ships,
          },
          { error: friendlyError },
        ),
      );
      if (data) form.send(() => api.createReleaseNote(teamRef, data), onSaved);
    }
  }

  const shipsId = `${ID}-shipsRequestIds`;
  const shipsHelpId = `${shipsId}-helper-text`;
  let shipsChoices;
  if (shippable.loading) {
    shipsChoices = (
      <Typography variant="body2">Loading the team's requests…</Typography>
    );
  } else if (shippable.error) {
    shipsChoices = (
      <Typography variant="body2" color="error">
        Could not load the team's requests: {errorMessage(shippable.error)}
      </Typography>
    );
  } else if (!shippable.value?.length) {
    shipsChoices = (
      <Typography variant="body2" color="textSecondary">
        The team has no planned requests.
      </Typography>
    );
  } else {
    shipsChoices = (
      <FormGroup>
        {shippable.value.map(request => (
          <FormControlLabel
            key={request.id}
            label={`${request.title} (${STATUS_LABELS[request.status]})`}
            control={
              <Checkbox
                checked={ships.includes(request.id)}
                onChange={e =>
                  setShips(
                    e.target.checked
                      ? [...ships, request.id]
                      : ships.filter(id => id !== request.id),
                  )
                }
              />
            }
          />
        ))}
      </FormGroup>
    );
  }

  return (
    <FormDialog
      idPrefix={ID}
      title={note ? `Edit release note: ${note.title}` : 'New release note'}
      subtitle="What the team shipped, changed or deprecated. The teams that use the platform see it on their pages and in the Atom feed."
      submitLabel={note ? 'Save release note' : 'Publish release note'}
      busy={form.busy}
      failure={plainFailure(form.failure)}
      onSubmit={save}
      onClose={onClose}
      onReload={onSaved}
    >
      <TextField
        {...form.fieldProps('type')}
        select
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        label="Type"
        value={type}
        onChange={e => setType(e.target.value as ReleaseNoteType)}
        fullWidth
        margin="dense"
        required
      >
        {RELEASE_NOTE_TYPES.map(t => (
          <option key={t} value={t}>
            {TYPE_LABELS[t]}
          </option>
        ))}
      </TextField>
      <TextField
        {...form.fieldProps('title')}
        label="Title"
        value={title}
        onChange={e => setTitle(e.target.value)}
        fullWidth
        margin="dense"
        required
      />
      <TextField
        {...form.fieldProps('releaseVersion', 'Optional, e.g. 2.4.0')}
        label="Release version"
        value={releaseVersion}
        onChange={e => setReleaseVersion(e.target.value)}
        fullWidth
        margin="dense"
      />
      <TextField
        {...form.fieldProps('publishedOn')}
        type="date"
        label="Published on"
        value={publishedOn}
        onChange={e => setPublishedOn(e.target.value)}
        InputLabelProps={{ shrink: true }}
        fullWidth
        margin="dense"
        required
      />
      <TextField
        {...form.fieldProps(
          'entityRef',
          team.error
            ? `Could not load the team's platform entities: ${errorMessage(
                team.error,
              )}`
            : undefined,
        )}
        select
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        label="Entity"
        value={entityRef}
        onChange={e => setEntityRef(e.target.value)}
        fullWidth
        margin="dense"
      >
        <option value="">None: a team-wide note</option>
        {entities.map(e => (
          <option key={e.ref} value={e.ref}>
            {e.label}
          </option>
        ))}
      </TextField>
      <TextField
        {...form.fieldProps('body', 'Markdown is supported')}
        label="Body"
        value={body}
        onChange={e => setBody(e.target.value)}
        fullWidth
        multiline
        minRows={5}
        margin="dense"
      />
      {!note && (
        <FormControl
          component="fieldset"
          margin="dense"
          fullWidth
          error={Boolean(form.errors.shipsRequestIds)}
          aria-describedby={shipsHelpId}
        >
          <FormLabel component="legend" id={shipsId} tabIndex={-1}>
            Ships requests
          </FormLabel>
          <Box maxHeight={240} overflow="auto">
            {shipsChoices}
          </Box>
          <FormHelperText id={shipsHelpId}>
            {form.errors.shipsRequestIds ??
              'The requests it ships are marked shipped and link to this note.'}
          </FormHelperText>
        </FormControl>
      )}
      <ConflictNotice failure={form.failure} onReload={onSaved} />
    </FormDialog>
  );
}

/** Deletes a release note after confirmation. */
export function DeleteReleaseNoteDialog(props: {
  note: ReleaseNote;
  onClose: () => void;
  /** After the delete, or to reload after a conflict. */
  onSaved: () => void;
}) {
  const { note, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm(`${ID}-delete`, [] as const);
  return (
    <FormDialog
      idPrefix={`${ID}-delete`}
      title={`Delete release note: ${note.title}`}
      submitLabel="Yes, delete"
      busy={form.busy}
      failure={plainFailure(form.failure)}
      onSubmit={() =>
        form.send(() => api.deleteReleaseNote(note.id, note.version), onSaved)
      }
      onClose={onClose}
      onReload={onSaved}
    >
      <Typography variant="body2">
        Delete the release note “{note.title}”? It disappears from every page
        and from the Atom feed. This cannot be undone.
      </Typography>
      <ConflictNotice failure={form.failure} onReload={onSaved} />
    </FormDialog>
  );
}
