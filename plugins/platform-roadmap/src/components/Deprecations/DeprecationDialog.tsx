import { useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Deprecation,
  DEPRECATION_STATUSES,
  deprecationInputSchema,
  DeprecationStatus,
  deprecationUpdateSchema,
  EntitySummary,
  MAX_CONSUMER_DEPTH,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { platformRoadmapApiRef } from '../../api';
import { errorMessage, sameEntityRef } from '../FileRequestDialog/helpers';
import {
  FormDialog,
  friendlyError,
  optionalText,
  toNumber,
  useDialogForm,
} from '../TeamRoadmap/form';
import {
  DEPRECATION_STATUS_LABELS,
  deprecatedName,
  entityName,
  localToday,
} from './labels';

const ID_PREFIX = 'deprecation';

const FIELDS = [
  'entityRef',
  'entityVersion',
  'announcedOn',
  'sunsetOn',
  'replacementEntityRef',
  'migrationGuideUrl',
  'description',
  'status',
  'consumerDepth',
] as const;

/** The replacement choice that shows a field for any entity ref. */
const OTHER = '__other__';

/** "Build cache (component:default/build-cache)" */
function optionLabel(entity: EntitySummary) {
  const name = entityName(entity.entityRef, entity);
  return name === entity.entityRef ? name : `${name} (${entity.entityRef})`;
}

/** None, the team's platform entities, or another one typed in. */
function ReplacementOptions(props: { options: EntitySummary[] }) {
  return (
    <>
      <option value="">None</option>
      {props.options.map(entity => (
        <option key={entity.entityRef} value={entity.entityRef}>
          {optionLabel(entity)}
        </option>
      ))}
      <option value={OTHER}>Another entity…</option>
    </>
  );
}

/**
 * Announces a deprecation of one of a platform team's entities (which also
 * publishes a `deprecation` release note), or edits one.
 */
export function DeprecationDialog(props: {
  teamRef: string;
  /** The deprecation to edit (with its entity, for its name); a new one when absent. */
  deprecation?: Deprecation & { entity?: EntitySummary };
  onClose: () => void;
  /** After a save, or to reload after a conflict. */
  onSaved: () => void;
}) {
  const { teamRef, deprecation, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm(ID_PREFIX, FIELDS);
  const team = useAsync(() => api.getTeam(teamRef), [api, teamRef]);
  const options = team.value?.platformEntities ?? [];
  const isOption = (ref?: string) =>
    Boolean(ref && options.some(o => sameEntityRef(o.entityRef, ref)));

  const [entityRef, setEntityRef] = useState(deprecation?.entityRef ?? '');
  const [entityVersion, setEntityVersion] = useState(
    deprecation?.entityVersion ?? '',
  );
  const [announcedOn, setAnnouncedOn] = useState(
    deprecation?.announcedOn ?? localToday(),
  );
  const [sunsetOn, setSunsetOn] = useState(deprecation?.sunsetOn ?? '');
  // '' = none, OTHER = typed below, else one of the team's entities; until
  // chosen, what the deprecation has (the fields show once those are known).
  const [replacementChoice, setReplacementChoice] = useState<string>();
  const [replacementOther, setReplacementOther] = useState<string>();
  const [migrationGuideUrl, setMigrationGuideUrl] = useState(
    deprecation?.migrationGuideUrl ?? '',
  );
  const [description, setDescription] = useState(
    deprecation?.description ?? '',
  );
  const [status, setStatus] = useState<DeprecationStatus>(
    deprecation?.status ?? 'announced',
  );
  const [consumerDepth, setConsumerDepth] = useState(
    String(deprecation?.consumerDepth ?? 1),
  );

  const current = deprecation?.replacementEntityRef ?? '';
  let replacement = replacementChoice;
  if (replacement === undefined) {
    if (!current) replacement = '';
    else replacement = isOption(current) ? current : OTHER;
  }
  const typedReplacement = replacementOther ?? current;
  // Without the team's entities, the deprecated one is typed in.
  const typeEntity = !team.loading && options.length === 0;
  const entityChoices =
    entityRef && !isOption(entityRef)
      ? [{ entityRef, kind: '', name: entityRef, namespace: '' }, ...options]
      : options;

  function save() {
    const replacementRef =
      replacement === OTHER ? optionalText(typedReplacement) : replacement;
    const input = {
      entityRef,
      entityVersion: optionalText(entityVersion),
      announcedOn: optionalText(announcedOn),
      sunsetOn: optionalText(sunsetOn),
      description,
      consumerDepth: toNumber(consumerDepth),
    };
    if (deprecation) {
      // null clears what was there.
      const data = form.check(
        deprecationUpdateSchema.safeParse(
          {
            ...input,
            version: deprecation.version,
            status,
            replacementEntityRef: replacementRef || null,
            migrationGuideUrl: optionalText(migrationGuideUrl) ?? null,
          },
          { error: friendlyError },
        ),
      );
      if (data) {
        form.send(() => api.updateDeprecation(deprecation.id, data), onSaved);
      }
    } else {
      const data = form.check(
        deprecationInputSchema.safeParse(
          {
            ...input,
            replacementEntityRef: replacementRef || undefined,
            migrationGuideUrl: optionalText(migrationGuideUrl),
          },
          { error: friendlyError },
        ),
      );
      if (data)
        form.send(() => api.announceDeprecation(teamRef, data), onSaved);
    }
  }

  const replacementHelp =
    'Optional: what consumers should move to; "Another entity…" takes any entity ref';
  const fields = (
    <>
      {typeEntity ? (
        <TextField
          {...form.fieldProps(
            'entityRef',
            team.error
              ? `The team's platform entities could not be loaded (${errorMessage(
                  team.error,
                )}): type an entity ref, e.g. component:default/build-cache`
              : 'The entity going away, e.g. component:default/build-cache',
          )}
          label="Deprecated entity"
          value={entityRef}
          onChange={e => setEntityRef(e.target.value)}
          // Its burn-down is of this entity: another one is a new deprecation.
          disabled={!!deprecation}
          fullWidth
          margin="dense"
          required
        />
      ) : (
        <TextField
          {...form.fieldProps(
            'entityRef',
            "One of the team's platform entities",
          )}
          select
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          label="Deprecated entity"
          value={entityRef}
          onChange={e => setEntityRef(e.target.value)}
          // Its burn-down is of this entity: another one is a new deprecation.
          disabled={!!deprecation}
          fullWidth
          margin="dense"
          required
        >
          <option value="" disabled>
            Choose an entity
          </option>
          {entityChoices.map(entity => (
            <option key={entity.entityRef} value={entity.entityRef}>
              {optionLabel(entity)}
            </option>
          ))}
        </TextField>
      )}
      <TextField
        {...form.fieldProps(
          'entityVersion',
          'Optional: the version going away, e.g. v1; leave empty for the whole entity',
        )}
        label="Version"
        value={entityVersion}
        onChange={e => setEntityVersion(e.target.value)}
        fullWidth
        margin="dense"
      />
      <TextField
        {...form.fieldProps('announcedOn')}
        label="Announced on"
        type="date"
        InputLabelProps={{ shrink: true }}
        value={announcedOn}
        onChange={e => setAnnouncedOn(e.target.value)}
        fullWidth
        margin="dense"
        required
      />
      <TextField
        {...form.fieldProps('sunsetOn', 'The day it stops working')}
        label="Sunset on"
        type="date"
        InputLabelProps={{ shrink: true }}
        value={sunsetOn}
        onChange={e => setSunsetOn(e.target.value)}
        fullWidth
        margin="dense"
        required
      />
      {replacement === OTHER ? (
        <>
          <TextField
            id={`${ID_PREFIX}-replacement-choice`}
            select
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            label="Replacement"
            value={replacement}
            onChange={e => setReplacementChoice(e.target.value)}
            fullWidth
            margin="dense"
          >
            <ReplacementOptions options={options} />
          </TextField>
          <TextField
            {...form.fieldProps(
              'replacementEntityRef',
              'e.g. component:default/build-cache-v2',
            )}
            label="Replacement entity ref"
            value={typedReplacement}
            onChange={e => setReplacementOther(e.target.value)}
            fullWidth
            margin="dense"
          />
        </>
      ) : (
        <TextField
          {...form.fieldProps('replacementEntityRef', replacementHelp)}
          select
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          label="Replacement"
          value={replacement}
          onChange={e => setReplacementChoice(e.target.value)}
          fullWidth
          margin="dense"
        >
          <ReplacementOptions options={options} />
        </TextField>
      )}
      <TextField
        {...form.fieldProps(
          'migrationGuideUrl',
          'Optional: how to move off it, e.g. https://docs.example.com/migrate',
        )}
        label="Migration guide URL"
        type="url"
        value={migrationGuideUrl}
        onChange={e => setMigrationGuideUrl(e.target.value)}
        fullWidth
        margin="dense"
      />
      <TextField
        {...form.fieldProps(
          'description',
          'Why it is going away and what to do; Markdown is supported',
        )}
        label="Description"
        value={description}
        onChange={e => setDescription(e.target.value)}
        fullWidth
        multiline
        minRows={3}
        margin="dense"
      />
      {deprecation && (
        <TextField
          {...form.fieldProps('status')}
          select
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          label="Status"
          value={status}
          onChange={e => setStatus(e.target.value as DeprecationStatus)}
          fullWidth
          margin="dense"
          required
        >
          {DEPRECATION_STATUSES.map(s => (
            <option key={s} value={s}>
              {DEPRECATION_STATUS_LABELS[s]}
            </option>
          ))}
        </TextField>
      )}
      <TextField
        {...form.fieldProps(
          'consumerDepth',
          `1 = direct consumers only; up to ${MAX_CONSUMER_DEPTH} also counts what uses those`,
        )}
        label="Consumer depth"
        type="number"
        inputProps={{ min: 1, max: MAX_CONSUMER_DEPTH, step: 1 }}
        value={consumerDepth}
        onChange={e => setConsumerDepth(e.target.value)}
        fullWidth
        margin="dense"
        required
      />
    </>
  );

  return (
    <FormDialog
      reloads="deprecations"
      idPrefix={ID_PREFIX}
      title={
        deprecation
          ? `Edit deprecation: ${deprecatedName(
              deprecation,
              deprecation.entity,
            )}`
          : 'Announce a deprecation'
      }
      subtitle={
        deprecation
          ? 'Consumers see the change on their entity pages.'
          : 'Announcing also publishes a deprecation release note, and warns every team that still uses it on their entity pages.'
      }
      submitLabel={deprecation ? 'Save deprecation' : 'Announce deprecation'}
      busy={form.busy}
      failure={form.failure}
      onSubmit={save}
      onClose={onClose}
      onReload={onSaved}
    >
      {team.loading ? (
        <>
          <Typography variant="body2">
            Loading the team&apos;s platform entities…
          </Typography>
          <Progress />
        </>
      ) : (
        fields
      )}
    </FormDialog>
  );
}
