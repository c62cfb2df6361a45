import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  CapacityBudget,
  capacityInputSchema,
  CAPACITY_DISCIPLINES,
  CapacityDiscipline,
  periodLabel,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { platformRoadmapApiRef } from '../../api';
import {
  FormDialog,
  friendlyError,
  toNumber,
  useDialogForm,
} from '../TeamRoadmap/form';
import { DISCIPLINE_DETAILS, DISCIPLINE_LABELS, percentLabel } from './labels';

type Shares = Record<CapacityDiscipline, string>;

/** The sum of the shares typed so far; empty or invalid fields count 0. */
export function totalOf(shares: Shares): number {
  return CAPACITY_DISCIPLINES.reduce((sum, d) => {
    const value = toNumber(shares[d]);
    return value !== undefined && Number.isFinite(value) ? sum + value : sum;
  }, 0);
}

/**
 * Plans or edits a team's capacity budget for a quarter: five shares in
 * percent, with the total as it is typed; they must add up to 100 %.
 */
export function CapacityDialog(props: {
  teamRef: string;
  /** The budget as loaded (version 0 when not planned yet). */
  budget: CapacityBudget;
  onClose: () => void;
  /** After a save, or to reload after a conflict. */
  onSaved: () => void;
}) {
  const { teamRef, budget, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm('capacity-budget', CAPACITY_DISCIPLINES);
  const planned = budget.version > 0;
  const [shares, setShares] = useState<Shares>(
    () =>
      Object.fromEntries(
        CAPACITY_DISCIPLINES.map(d => [
          d,
          planned ? String(budget.shares[d]) : '',
        ]),
      ) as Shares,
  );
  const total = totalOf(shares);
  const quarter = periodLabel(budget.quarter);

  function save() {
    const input = {
      version: budget.version,
      ...(Object.fromEntries(
        CAPACITY_DISCIPLINES.map(d => [d, toNumber(shares[d])]),
      ) as Record<CapacityDiscipline, number | undefined>),
    };
    // The schema calls an empty share "not a number": say it is missing.
    const missing = CAPACITY_DISCIPLINES.filter(d => input[d] === undefined);
    const data = form.check(
      missing.length > 0
        ? {
            success: false,
            error: {
              issues: missing.map(d => ({ path: [d], message: 'is required' })),
            },
          }
        : capacityInputSchema.safeParse(input, { error: friendlyError }),
    );
    if (data) {
      form.send(() => api.setCapacity(teamRef, budget.quarter, data), onSaved);
    }
  }

  return (
    <FormDialog
      idPrefix="capacity-budget"
      title={`${planned ? 'Edit' : 'Plan'} the capacity budget for ${quarter}`}
      subtitle="How the team's time splits, in percent. On-call, maintenance, documentation and onboarding belong in the plan: skipping them makes the platform fragile."
      submitLabel="Save budget"
      busy={form.busy}
      failure={form.failure}
      onSubmit={save}
      onClose={onClose}
      onReload={onSaved}
      reloads="capacity budget"
    >
      {CAPACITY_DISCIPLINES.map(d => (
        <TextField
          key={d}
          {...form.fieldProps(d, DISCIPLINE_DETAILS[d])}
          label={DISCIPLINE_LABELS[d]}
          type="number"
          value={shares[d]}
          onChange={e => {
            const value = e.target.value;
            setShares(previous => ({ ...previous, [d]: value }));
          }}
          inputProps={{ min: 0, max: 100, step: 1 }}
          InputProps={{
            endAdornment: <InputAdornment position="end">%</InputAdornment>,
          }}
          fullWidth
          margin="dense"
          required
        />
      ))}
      <Box mt={2} role="status" aria-live="polite">
        <Typography
          variant="body1"
          color={total === 100 ? 'textPrimary' : 'error'}
        >
          <strong>Total: {percentLabel(total)}</strong>
          {total !== 100 && ' — must be 100 %'}
        </Typography>
      </Box>
    </FormDialog>
  );
}
