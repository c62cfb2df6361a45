import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Metric,
  METRIC_KINDS,
  MetricKind,
  metricInputSchema,
  metricUpdateSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { platformRoadmapApiRef } from '../../api';
import { FormDialog, friendlyError, useDialogForm } from '../TeamRoadmap/form';
import {
  KIND_DIRECTIONS,
  KIND_UNITS,
  METRIC_DIRECTION_LABELS,
  METRIC_KIND_LABELS,
} from './labels';

const ID_PREFIX = 'metric';

// In the order of the form: the first with an error gets the focus.
const FIELDS = [
  'name',
  'key',
  'kind',
  'unit',
  'direction',
  'description',
] as const;

/**
 * Adds a metric to a team, or edits (or deletes) one: what it measures,
 * in which unit, which way is better, and the key CI posts its values to.
 */
export function MetricDialog(props: {
  teamRef: string;
  /** The metric to edit; a new one when absent. */
  metric?: Metric;
  onClose: () => void;
  /** After a save or delete, or to reload after a conflict. */
  onSaved: () => void;
}) {
  const { teamRef, metric, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm(ID_PREFIX, FIELDS);
  const [key, setKey] = useState(metric?.key ?? '');
  const [kind, setKind] = useState<MetricKind>(metric?.kind ?? 'time-to-build');
  const [name, setName] = useState(metric?.name ?? '');
  const [unit, setUnit] = useState(metric?.unit ?? '');
  const [direction, setDirection] = useState<Metric['direction']>(
    metric?.direction ?? KIND_DIRECTIONS[kind],
  );
  const [description, setDescription] = useState(metric?.description ?? '');

  /** A new metric takes the usual direction of its kind. */
  function chooseKind(value: MetricKind) {
    setKind(value);
    if (!metric) setDirection(KIND_DIRECTIONS[value]);
  }

  function save() {
    const input = { key, kind, name, unit, direction, description };
    if (metric) {
      const data = form.check(
        metricUpdateSchema.safeParse(
          { ...input, version: metric.version },
          { error: friendlyError },
        ),
      );
      if (data) form.send(() => api.updateMetric(metric.id, data), onSaved);
    } else {
      const data = form.check(
        metricInputSchema.safeParse(input, { error: friendlyError }),
      );
      if (data) form.send(() => api.createMetric(teamRef, data), onSaved);
    }
  }

  const half = { xs: 12 as const, sm: 6 as const };
  return (
    <FormDialog
      idPrefix={ID_PREFIX}
      title={metric ? `Edit metric: ${metric.name}` : 'New metric'}
      submitLabel={metric ? 'Save metric' : 'Add metric'}
      busy={form.busy}
      failure={form.failure}
      onSubmit={save}
      onClose={onClose}
      onReload={onSaved}
      reloads="metrics"
      deletion={
        metric && {
          kind: 'metric',
          name: metric.name,
          consequence: 'Its recorded values go with it.',
          onDelete: () =>
            form.send(
              () => api.deleteMetric(metric.id, metric.version),
              onSaved,
            ),
        }
      }
    >
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <TextField
            {...form.fieldProps('name', 'e.g. "p99 CI build time"')}
            label="Name"
            value={name}
            onChange={e => setName(e.target.value)}
            fullWidth
            required
          />
        </Grid>
        <Grid item {...half}>
          <TextField
            {...form.fieldProps(
              'key',
              metric
                ? 'Changing it changes the URL CI posts values to'
                : 'Lower-case letters, digits and dashes; CI posts values to it',
            )}
            label="Key"
            placeholder="p99-build-time"
            value={key}
            onChange={e => setKey(e.target.value)}
            fullWidth
            required
          />
        </Grid>
        <Grid item {...half}>
          <TextField
            {...form.fieldProps('kind')}
            select
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            label="Kind"
            value={kind}
            onChange={e => chooseKind(e.target.value as MetricKind)}
            fullWidth
            required
          >
            {METRIC_KINDS.map(k => (
              <option key={k} value={k}>
                {METRIC_KIND_LABELS[k]}
              </option>
            ))}
          </TextField>
        </Grid>
        <Grid item {...half}>
          <TextField
            {...form.fieldProps('unit', `e.g. ${KIND_UNITS[kind]}`)}
            label="Unit"
            value={unit}
            onChange={e => setUnit(e.target.value)}
            fullWidth
            required
          />
        </Grid>
        <Grid item {...half}>
          <TextField
            {...form.fieldProps('direction')}
            select
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            label="Direction"
            value={direction}
            onChange={e => setDirection(e.target.value as Metric['direction'])}
            fullWidth
            required
          >
            {(['decrease', 'increase'] as const).map(d => (
              <option key={d} value={d}>
                {METRIC_DIRECTION_LABELS[d]}
              </option>
            ))}
          </TextField>
        </Grid>
        <Grid item xs={12}>
          <TextField
            {...form.fieldProps(
              'description',
              'Optional: how it is measured, and where the numbers come from',
            )}
            label="Description"
            value={description}
            onChange={e => setDescription(e.target.value)}
            fullWidth
            multiline
            minRows={2}
          />
        </Grid>
      </Grid>
    </FormDialog>
  );
}
