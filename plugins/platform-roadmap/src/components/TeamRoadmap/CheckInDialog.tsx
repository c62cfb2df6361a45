import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  checkInInputSchema,
  KeyResult,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { platformRoadmapApiRef } from '../../api';
import {
  FormDialog,
  friendlyError,
  optionalText,
  toNumber,
  useDialogForm,
} from './form';
import { formatValue } from './labels';

const FIELDS = ['value', 'note', 'guardrailBreached'] as const;

/** Records a new value of a key result. */
export function CheckInDialog(props: {
  keyResult: KeyResult;
  onClose: () => void;
  /** After the check-in, or to reload after a conflict. */
  onSaved: () => void;
}) {
  const { keyResult: kr, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm('team-roadmap-check-in', FIELDS);
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [breached, setBreached] = useState(false);

  function save() {
    const data = form.check(
      checkInInputSchema.safeParse(
        {
          version: kr.version,
          value: toNumber(value),
          note: optionalText(note),
          ...(breached ? { guardrailBreached: true } : {}),
        },
        { error: friendlyError },
      ),
    );
    if (data) form.send(() => api.checkIn(kr.id, data), onSaved);
  }

  return (
    <FormDialog
      idPrefix="team-roadmap-check-in"
      title={`Check in: ${kr.title}`}
      subtitle={`Now ${formatValue(kr.current, kr.unit)} · target ${formatValue(
        kr.target,
        kr.unit,
      )} by ${kr.dueDate}`}
      submitLabel="Check in"
      busy={form.busy}
      failure={form.failure}
      onSubmit={save}
      onClose={onClose}
      onReload={onSaved}
    >
      {kr.measure?.type === 'consuming-teams' && (
        <Typography variant="body2" paragraph>
          The catalog updates this value by itself: it counts the teams that own
          entities depending on or consuming {kr.measure.entityRef}. You can
          still record a value by hand.
        </Typography>
      )}
      {kr.measure?.type === 'metric' && (
        <Typography variant="body2" paragraph>
          This key result follows a metric of the team: every value posted to
          the metric (by CI or by hand on the Metrics card) is recorded here.
          You can still record a value by hand.
        </Typography>
      )}
      <TextField
        {...form.fieldProps('value', `${kr.metric}, in ${kr.unit}`)}
        label={`New value (${kr.unit})`}
        type="number"
        value={value}
        onChange={e => setValue(e.target.value)}
        fullWidth
        margin="dense"
        required
      />
      <TextField
        {...form.fieldProps('note', 'Optional: what changed, how you know')}
        label="Note"
        value={note}
        onChange={e => setNote(e.target.value)}
        fullWidth
        multiline
        margin="dense"
      />
      <FormControlLabel
        control={
          <Checkbox
            id="team-roadmap-check-in-guardrailBreached"
            checked={breached}
            onChange={e => setBreached(e.target.checked)}
            color="primary"
          />
        }
        label={
          kr.guardrail
            ? `Guardrail crossed (${kr.guardrail})`
            : 'Guardrail crossed'
        }
      />
    </FormDialog>
  );
}
