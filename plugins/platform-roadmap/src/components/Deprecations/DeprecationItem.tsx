import { useState } from 'react';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ACTIVE_DEPRECATION_STATUSES,
  DeprecationConsumer,
  DeprecationView,
  platformRoadmapTeamManagePermission,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { platformRoadmapApiRef } from '../../api';
import { FormDialog, useDialogForm } from '../TeamRoadmap/form';
import { UserMarkdown, webUrl } from '../UserContent';
import { BurnDownChart } from './BurnDownChart';
import { DeprecationDialog } from './DeprecationDialog';
import {
  daysLeftLabel,
  DEPRECATION_STATUS_LABELS,
  deprecatedName,
  entityName,
  isActive,
  RELATION_LABELS,
  remainingLabel,
} from './labels';

const useStyles = makeStyles(theme => ({
  item: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 8 },
  list: { margin: 0, paddingLeft: theme.spacing(2) },
}));

/** "checkout-web depends on it via build-runner" */
export function ConsumerUsage(props: { consumer: DeprecationConsumer }) {
  const { relation, targetRef, depth } = props.consumer;
  return (
    <>
      {RELATION_LABELS[relation]}
      {depth > 1 && (
        <>
          {' '}
          via <EntityRefLink entityRef={targetRef} />
        </>
      )}
    </>
  );
}

function ConsumerList(props: {
  label: string;
  consumers: DeprecationConsumer[];
}) {
  const classes = useStyles();
  return (
    <ul className={classes.list} aria-label={props.label}>
      {props.consumers.map(consumer => (
        <li key={`${consumer.entity.entityRef} ${consumer.targetRef}`}>
          <Typography variant="body2">
            <EntityRefLink
              entityRef={consumer.entity.entityRef}
              title={consumer.entity.title ?? consumer.entity.name}
            />{' '}
            <ConsumerUsage consumer={consumer} />
          </Typography>
        </li>
      ))}
    </ul>
  );
}

/** The backend's day (UTC): `daysLeft` counts from it to the sunset. */
function serverToday(view: DeprecationView): string {
  const sunset = Date.parse(`${view.sunsetOn}T00:00:00Z`);
  return new Date(sunset - view.daysLeft * 24 * 60 * 60 * 1000)
    .toISOString()
    .slice(0, 10);
}

/** The remaining consumers, grouped by owning team. */
function Consumers(props: { view: DeprecationView; name: string }) {
  const { view, name } = props;
  const classes = useStyles();
  const listed =
    view.consumingTeams.reduce((sum, t) => sum + t.consumers.length, 0) +
    view.unownedConsumers.length;
  // Only a live count can have consumers the caller cannot see; a finished
  // deprecation, or one whose entity is gone, shows its last snapshot.
  const live =
    view.inCatalog && ACTIVE_DEPRECATION_STATUSES.includes(view.status);
  const hidden = live ? view.consumerCount - listed : 0;
  return (
    <>
      {view.consumingTeams.length > 0 && (
        <ul className={classes.list} aria-label={`Teams still using ${name}`}>
          {view.consumingTeams.map(({ team, consumers }) => {
            const teamName = team.title ?? team.name;
            return (
              <li key={team.entityRef}>
                <Typography variant="body2" component="span">
                  <EntityRefLink entityRef={team.entityRef} title={teamName} />{' '}
                  ({consumers.length})
                </Typography>
                <ConsumerList
                  label={`Consumers owned by ${teamName}`}
                  consumers={consumers}
                />
              </li>
            );
          })}
        </ul>
      )}
      {view.unownedConsumers.length > 0 && (
        <Box mt={1}>
          <Typography variant="body2">
            Owner not known ({view.unownedConsumers.length})
          </Typography>
          <ConsumerList
            label="Consumers without a known owner"
            consumers={view.unownedConsumers}
          />
        </Box>
      )}
      {hidden > 0 && (
        <Typography variant="body2" color="textSecondary">
          {hidden === 1
            ? '1 more consumer you cannot see in the catalog.'
            : `${hidden} more consumers you cannot see in the catalog.`}
        </Typography>
      )}
    </>
  );
}

/** Asks before deleting a deprecation; a conflict offers a reload. */
function DeleteDeprecationDialog(props: {
  view: DeprecationView;
  name: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { view, name, onClose, onDeleted } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm('deprecation-delete', []);
  return (
    <FormDialog
      reloads="deprecations"
      idPrefix="deprecation-delete"
      title={`Delete the deprecation of ${name}?`}
      submitLabel="Yes, delete"
      busy={form.busy}
      failure={form.failure}
      onSubmit={() =>
        form.send(() => api.deleteDeprecation(view.id, view.version), onDeleted)
      }
      onClose={onClose}
      onReload={onDeleted}
    >
      <Typography variant="body2">
        Teams that still use it stop being warned. To keep its history, mark it
        complete or cancelled instead. This cannot be undone.
      </Typography>
    </FormDialog>
  );
}

/**
 * One deprecation: what is going away and by when, what replaces it, the
 * remaining consumers by team with their burn-down. Members of the owning
 * team can edit or delete it when `onChanged` is given.
 */
export function DeprecationItem(props: {
  view: DeprecationView;
  /** After an edit or a delete; without it there are no buttons. */
  onChanged?: () => void;
}) {
  const { view, onChanged } = props;
  const classes = useStyles();
  const { allowed } = usePermission({
    permission: platformRoadmapTeamManagePermission,
    resourceRef: view.teamRef,
  });
  const [open, setOpen] = useState<'edit' | 'delete'>();
  const canManage = allowed && Boolean(onChanged);
  const name = deprecatedName(view, view.entity);
  const active = isActive(view);
  const guideUrl = webUrl(view.migrationGuideUrl);
  const done = () => {
    setOpen(undefined);
    onChanged?.();
  };

  return (
    <article className={classes.item} aria-label={`${name} deprecation`}>
      <Box className={classes.row}>
        <Typography variant="h6" component="h3">
          <EntityRefLink
            entityRef={view.entityRef}
            title={entityName(view.entityRef, view.entity)}
          />
          {view.entityVersion && ` ${view.entityVersion}`}
        </Typography>
        <Chip
          size="small"
          color={active ? 'primary' : 'default'}
          label={DEPRECATION_STATUS_LABELS[view.status]}
        />
        <Box flexGrow={1} />
        {canManage && (
          <>
            <Button
              size="small"
              aria-label={`Edit deprecation: ${name}`}
              onClick={() => setOpen('edit')}
            >
              Edit
            </Button>
            <Button
              size="small"
              color="secondary"
              aria-label={`Delete deprecation: ${name}`}
              onClick={() => setOpen('delete')}
            >
              Delete
            </Button>
          </>
        )}
      </Box>
      <Typography variant="body2">
        Announced {view.announcedOn} · Sunset {view.sunsetOn}
        {active && (
          <>
            {' · '}
            <strong>{daysLeftLabel(view.daysLeft)}</strong>
          </>
        )}
      </Typography>
      {(view.replacementEntityRef || guideUrl) && (
        <Typography variant="body2" className={classes.row} component="div">
          {view.replacementEntityRef && (
            <span>
              Replaced by{' '}
              <EntityRefLink
                entityRef={view.replacementEntityRef}
                title={entityName(view.replacementEntityRef, view.replacement)}
              />
            </span>
          )}
          {guideUrl && <Link to={guideUrl}>Migration guide</Link>}
        </Typography>
      )}
      {view.description && <UserMarkdown content={view.description} />}

      <Box mt={2}>
        <Typography variant="subtitle1" component="h4">
          {remainingLabel(view.consumerCount, view.teamCount)}
        </Typography>
        {!view.inCatalog && (
          <Typography variant="body2" color="textSecondary">
            {name} is not in the catalog, or not visible to you: the count is
            the last one recorded.
          </Typography>
        )}
        <BurnDownChart
          name={name}
          burnDown={view.burnDown}
          sunsetOn={view.sunsetOn}
          today={serverToday(view)}
        />
        <Consumers view={view} name={name} />
      </Box>

      {open === 'edit' && (
        <DeprecationDialog
          teamRef={view.teamRef}
          deprecation={view}
          onClose={() => setOpen(undefined)}
          onSaved={done}
        />
      )}
      {open === 'delete' && (
        <DeleteDeprecationDialog
          view={view}
          name={name}
          onClose={() => setOpen(undefined)}
          onDeleted={done}
        />
      )}
    </article>
  );
}
