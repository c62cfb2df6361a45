import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Metric,
  metricPointInputSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import TextField from '@material-ui/core/TextField';
import { platformRoadmapApiRef } from '../../api';
import {
  FormDialog,
  friendlyError,
  optionalText,
  toNumber,
  useDialogForm,
} from '../TeamRoadmap/form';
import { pointLabel } from './labels';

const ID_PREFIX = 'metric-point';

const FIELDS = ['value', 'note', 'at'] as const;

/** Records a value of a metric by hand, measured now. */
export function MetricPointDialog(props: {
  teamRef: string;
  metric: Metric;
  onClose: () => void;
  /** After the value is recorded. */
  onSaved: () => void;
}) {
  const { teamRef, metric, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm(ID_PREFIX, FIELDS);
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');

  function save() {
    const data = form.check(
      metricPointInputSchema.safeParse(
        { value: toNumber(value), note: optionalText(note) },
        { error: friendlyError },
      ),
    );
    if (data) {
      form.send(() => api.postMetricPoint(teamRef, metric.key, data), onSaved);
    }
  }

  return (
    <FormDialog
      idPrefix={ID_PREFIX}
      title={`Add a value to ${metric.name}`}
      subtitle={
        metric.latest
          ? `Latest: ${pointLabel(metric.latest, metric.unit)}`
          : 'No values yet'
      }
      submitLabel="Add value"
      busy={form.busy}
      failure={form.failure}
      onSubmit={save}
      onClose={onClose}
      onReload={onSaved}
      reloads="metric"
    >
      <TextField
        {...form.fieldProps('value', `Measured now, in ${metric.unit}`)}
        label={`Value (${metric.unit})`}
        type="number"
        value={value}
        onChange={e => setValue(e.target.value)}
        fullWidth
        margin="dense"
        required
      />
      <TextField
        {...form.fieldProps(
          'note',
          'Optional: how it was measured, or why it moved',
        )}
        label="Note"
        value={note}
        onChange={e => setNote(e.target.value)}
        fullWidth
        multiline
        margin="dense"
      />
    </FormDialog>
  );
}
