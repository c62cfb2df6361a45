import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  KEY_RESULT_DIRECTIONS,
  KeyResult,
  KeyResultDirection,
  keyResultInputSchema,
  keyResultUpdateSchema,
  KeyResultMeasure,
  Objective,
  periodRange,
  Theme,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import useAsync from 'react-use/esm/useAsync';
import { platformRoadmapApiRef } from '../../api';
import { errorMessage } from '../FileRequestDialog/helpers';
import {
  FormDialog,
  friendlyError,
  optionalText,
  toNumber,
  useDialogForm,
} from './form';
import { DIRECTION_LABELS } from './labels';

const FIELDS = [
  'title',
  'metric',
  'unit',
  'baseline',
  'target',
  'current',
  'direction',
  'startDate',
  'dueDate',
  'guardrail',
  'measure',
] as const;

/** How a key result gets its values. */
type MeasuredBy = 'hand' | KeyResultMeasure['type'];

const MEASURED_BY_LABELS: Record<MeasuredBy, string> = {
  hand: 'Check-ins by hand',
  'consuming-teams': 'The catalog: teams consuming a platform entity',
  metric: 'A metric of this team',
};

const CURRENT_HELP: Record<MeasuredBy, string> = {
  hand: 'Optional: the baseline when empty',
  'consuming-teams': 'Measured from the catalog',
  metric: 'Follows the metric',
};

const MEASURED_BY_HELP: Record<MeasuredBy, string> = {
  hand: 'Members record each new value',
  'consuming-teams':
    'The backend counts the teams owning entities that depend on a platform entity (or consume its API)',
  metric:
    'Every value posted to the metric, by CI or by hand, is recorded as a check-in',
};

/**
 * Adds a key result to an objective, or edits (or deletes) one: a metric
 * moving from a baseline to a target by a date, optionally measured from
 * the catalog or following one of the team's metrics.
 */
export function KeyResultDialog(props: {
  theme: Theme;
  objective: Objective;
  /** The key result to edit; a new one when absent. */
  keyResult?: KeyResult;
  onClose: () => void;
  /** After a save or delete, or to reload after a conflict. */
  onSaved: () => void;
}) {
  const { theme, objective, keyResult: kr, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm('team-roadmap-key-result', FIELDS);
  // A new key result runs over its theme's period by default.
  const range = periodRange(theme.period);
  const [title, setTitle] = useState(kr?.title ?? '');
  const [metric, setMetric] = useState(kr?.metric ?? '');
  const [unit, setUnit] = useState(kr?.unit ?? '');
  const [baseline, setBaseline] = useState(String(kr?.baseline ?? ''));
  const [target, setTarget] = useState(String(kr?.target ?? ''));
  const [current, setCurrent] = useState(String(kr?.current ?? ''));
  const [direction, setDirection] = useState<KeyResultDirection>(
    kr?.direction ?? 'increase',
  );
  const [startDate, setStartDate] = useState(kr?.startDate ?? range.start);
  const [dueDate, setDueDate] = useState(kr?.dueDate ?? range.end);
  const [guardrail, setGuardrail] = useState(kr?.guardrail ?? '');
  const [measuredBy, setMeasuredBy] = useState<MeasuredBy>(
    kr?.measure?.type ?? 'hand',
  );
  const [measureRef, setMeasureRef] = useState(
    (kr?.measure?.type === 'consuming-teams' && kr.measure.entityRef) ||
      (theme.entityRefs[0] ?? ''),
  );
  const [metricId, setMetricId] = useState(
    kr?.measure?.type === 'metric' ? kr.measure.metricId : '',
  );
  // The team's metrics are only loaded once a metric is the choice.
  const metrics = useAsync(
    async () =>
      measuredBy === 'metric'
        ? (await api.listMetrics(theme.teamRef)).items
        : undefined,
    [api, theme.teamRef, measuredBy === 'metric'],
  );

  /** The measure to send, for the schema to check. */
  function measure() {
    if (measuredBy === 'consuming-teams') {
      return { type: 'consuming-teams', entityRef: measureRef.trim() };
    }
    if (measuredBy === 'metric') {
      // No choice yet is a missing metricId: "is required".
      return metricId ? { type: 'metric', metricId } : { type: 'metric' };
    }
    // Measuring by hand again stops the measuring.
    return kr ? null : undefined;
  }

  /** What the metric field says under it, before any error. */
  function metricHelp(): string {
    if (metrics.error) {
      return `Could not load the team's metrics: ${errorMessage(
        metrics.error,
      )}`;
    }
    if (metrics.value?.length === 0) {
      return 'The team has no metrics yet: add one on its Metrics card first';
    }
    return "One of the team's metrics; its values become this key result's check-ins";
  }

  /** A chosen metric names the key result's metric and unit when empty. */
  function chooseMetric(id: string) {
    setMetricId(id);
    const chosen = metrics.value?.find(m => m.id === id);
    if (chosen && !metric.trim()) setMetric(chosen.name);
    if (chosen && !unit.trim()) setUnit(chosen.unit);
  }

  function save() {
    const input = {
      title,
      metric,
      unit,
      baseline: toNumber(baseline),
      target: toNumber(target),
      current: toNumber(current),
      direction,
      startDate,
      dueDate,
      guardrail: optionalText(guardrail),
      measure: measure(),
    };
    if (kr) {
      const data = form.check(
        keyResultUpdateSchema.safeParse(
          { ...input, version: kr.version },
          { error: friendlyError },
        ),
      );
      if (data) form.send(() => api.updateKeyResult(kr.id, data), onSaved);
    } else {
      const data = form.check(
        keyResultInputSchema.safeParse(input, { error: friendlyError }),
      );
      if (data) {
        form.send(() => api.createKeyResult(objective.id, data), onSaved);
      }
    }
  }

  const half = { xs: 12 as const, sm: 6 as const };
  return (
    <FormDialog
      idPrefix="team-roadmap-key-result"
      title={
        kr
          ? `Edit key result: ${kr.title}`
          : `Add a key result to ${objective.title}`
      }
      subtitle={`Objective: ${objective.title}`}
      submitLabel={kr ? 'Save key result' : 'Add key result'}
      busy={form.busy}
      failure={form.failure}
      onSubmit={save}
      onClose={onClose}
      onReload={onSaved}
      deletion={
        kr && {
          kind: 'key result',
          name: kr.title,
          consequence: 'Its check-ins go with it.',
          onDelete: () =>
            form.send(() => api.deleteKeyResult(kr.id, kr.version), onSaved),
        }
      }
    >
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <TextField
            {...form.fieldProps(
              'title',
              'e.g. "Reduce p99 CI build time from 18 min to 8 min"',
            )}
            label="Title"
            value={title}
            onChange={e => setTitle(e.target.value)}
            fullWidth
            required
          />
        </Grid>
        <Grid item {...half}>
          <TextField
            {...form.fieldProps('metric', 'e.g. "p99 CI build time"')}
            label="Metric"
            value={metric}
            onChange={e => setMetric(e.target.value)}
            fullWidth
            required
          />
        </Grid>
        <Grid item {...half}>
          <TextField
            {...form.fieldProps('unit', 'e.g. min, teams, %, USD/month')}
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
            label="Direction"
            value={direction}
            onChange={e => setDirection(e.target.value as KeyResultDirection)}
            fullWidth
            required
          >
            {KEY_RESULT_DIRECTIONS.map(d => (
              <option key={d} value={d}>
                {DIRECTION_LABELS[d]}
              </option>
            ))}
          </TextField>
        </Grid>
        <Grid item {...half}>
          <TextField
            {...form.fieldProps(
              'current',
              CURRENT_HELP[kr?.measure?.type ?? 'hand'],
            )}
            label="Current"
            type="number"
            value={current}
            onChange={e => setCurrent(e.target.value)}
            fullWidth
          />
        </Grid>
        <Grid item {...half}>
          <TextField
            {...form.fieldProps('baseline', 'Where it starts')}
            label="Baseline"
            type="number"
            value={baseline}
            onChange={e => setBaseline(e.target.value)}
            fullWidth
            required
          />
        </Grid>
        <Grid item {...half}>
          <TextField
            {...form.fieldProps('target', 'Where it should end')}
            label="Target"
            type="number"
            value={target}
            onChange={e => setTarget(e.target.value)}
            fullWidth
            required
          />
        </Grid>
        <Grid item {...half}>
          <TextField
            {...form.fieldProps('startDate')}
            label="Start date"
            type="date"
            InputLabelProps={{ shrink: true }}
            value={startDate}
            onChange={e => setStartDate(e.target.value)}
            fullWidth
            required
          />
        </Grid>
        <Grid item {...half}>
          <TextField
            {...form.fieldProps('dueDate')}
            label="Due date"
            type="date"
            InputLabelProps={{ shrink: true }}
            value={dueDate}
            onChange={e => setDueDate(e.target.value)}
            fullWidth
            required
          />
        </Grid>
        <Grid item xs={12}>
          <TextField
            {...form.fieldProps(
              'guardrail',
              'Optional: what must not get worse, e.g. "no p99 latency regression"',
            )}
            label="Guardrail"
            value={guardrail}
            onChange={e => setGuardrail(e.target.value)}
            fullWidth
          />
        </Grid>
        <Grid item xs={12}>
          <TextField
            id="team-roadmap-key-result-measured-by"
            select
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            label="Measured by"
            helperText={MEASURED_BY_HELP[measuredBy]}
            value={measuredBy}
            onChange={e => setMeasuredBy(e.target.value as MeasuredBy)}
            fullWidth
          >
            {(Object.keys(MEASURED_BY_LABELS) as MeasuredBy[]).map(choice => (
              <option key={choice} value={choice}>
                {MEASURED_BY_LABELS[choice]}
              </option>
            ))}
          </TextField>
        </Grid>
        {measuredBy === 'consuming-teams' && (
          <Grid item xs={12}>
            <TextField
              {...form.fieldProps(
                'measure',
                'The platform entity whose consuming teams (owners of entities that depend on it or consume its API) are counted by the backend',
              )}
              label="Platform entity"
              placeholder="component:default/build-cache"
              value={measureRef}
              onChange={e => setMeasureRef(e.target.value)}
              fullWidth
              required
            />
          </Grid>
        )}
        {measuredBy === 'metric' && (
          <Grid item xs={12}>
            <TextField
              {...form.fieldProps('measure', metricHelp())}
              select
              SelectProps={{ native: true }}
              InputLabelProps={{ shrink: true }}
              label="Metric to follow"
              value={metricId}
              onChange={e => chooseMetric(e.target.value)}
              disabled={!metrics.value?.length}
              fullWidth
              required
            >
              {metrics.loading ? (
                <option value={metricId}>Loading the team's metrics…</option>
              ) : (
                <option value="">Choose a metric</option>
              )}
              {metrics.value?.map(m => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.unit})
                </option>
              ))}
              {metricId &&
                metrics.value &&
                !metrics.value.some(m => m.id === metricId) && (
                  <option value={metricId}>
                    A deleted metric ({metricId})
                  </option>
                )}
            </TextField>
          </Grid>
        )}
      </Grid>
    </FormDialog>
  );
}
