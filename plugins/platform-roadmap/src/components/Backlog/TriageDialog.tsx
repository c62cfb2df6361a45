import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  describeValidationError,
  periodLabel,
  PlatformRequest,
  quarterOf,
  REQUEST_STATUSES,
  RequestStatus,
  STATUS_TRANSITIONS,
  statusChangeSchema,
  shiftQuarter,
  triageSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { platformRoadmapApiRef } from '../../api';
import { errorMessage } from '../FileRequestDialog/helpers';
import { STATUS_LABELS } from './labels';

/** Errors by field path, from a zod error message "a: x; b: y". */
function fieldErrors(message: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of message.split('; ')) {
    const [field, ...rest] = part.split(': ');
    if (rest.length) out[field] = rest.join(': ');
  }
  return out;
}

/** A 1–5 rating as a labelled select. */
function ScaleField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint: string;
}) {
  return (
    <TextField
      select
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      error={!!props.error}
      helperText={props.error ?? props.hint}
      fullWidth
      margin="dense"
    >
      {[1, 2, 3, 4, 5].map(n => (
        <MenuItem key={n} value={String(n)}>
          {n}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * The platform team's triage: estimates for the score, and a status change
 * with its reason. Each is saved on its own, naming the version it saw.
 */
export function TriageDialog(props: {
  request: PlatformRequest;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { request, open, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const [costToShip, setCostToShip] = useState(
    String(request.triage?.costToShip ?? ''),
  );
  const [strategicFit, setStrategicFit] = useState(
    String(request.triage?.strategicFit ?? 3),
  );
  const [reversibility, setReversibility] = useState(
    String(request.triage?.reversibility ?? 3),
  );
  const allowed = STATUS_TRANSITIONS[request.status];
  const [status, setStatus] = useState<RequestStatus | ''>('');
  const [reason, setReason] = useState('');
  const [revisitOn, setRevisitOn] = useState('');
  // Planning: the theme it goes under and the quarter it is committed for.
  const [themeId, setThemeId] = useState(request.themeId ?? '');
  const [quarter, setQuarter] = useState<string>();
  const canPlan = allowed.includes('planned');
  // The team's themes, once, when planning is possible.
  const roadmap = useAsync(
    async () => (canPlan ? api.getRoadmap(request.platformTeamRef) : undefined),
    [api, request.platformTeamRef, canPlan],
  );
  const thisQuarter = roadmap.value?.quarter ?? quarterOf(new Date());
  const plannedQuarter = quarter ?? request.plannedQuarter ?? thisQuarter;
  const quarters = [
    ...new Set([
      ...[0, 1, 2, 3].map(n => shiftQuarter(thisQuarter, n)),
      ...(request.plannedQuarter ? [request.plannedQuarter] : []),
    ]),
  ].sort();
  const themes = (roadmap.value?.themes.map(v => v.theme) ?? []).filter(
    t => t.status !== 'deprioritized' || t.id === request.themeId,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);

  async function save() {
    setFailure(undefined);
    const triage = triageSchema.safeParse({
      version: request.version,
      costToShip: costToShip === '' ? NaN : Number(costToShip),
      strategicFit: Number(strategicFit),
      reversibility: Number(reversibility),
    });
    const change = status
      ? statusChangeSchema.safeParse({
          version: request.version + 1,
          status,
          reason: reason || undefined,
          revisitOn: revisitOn || undefined,
          ...(status === 'planned'
            ? {
                themeId: themeId || undefined,
                quarter: plannedQuarter || undefined,
              }
            : {}),
        })
      : undefined;
    const found = {
      ...(triage.success
        ? {}
        : fieldErrors(describeValidationError(triage.error))),
      ...(change && !change.success
        ? fieldErrors(describeValidationError(change.error))
        : {}),
    };
    setErrors(found);
    if (!triage.success || (change && !change.success)) return;
    setSaving(true);
    try {
      const saved = await api.triage(request.id, triage.data);
      if (change?.success) {
        await api.changeStatus(request.id, {
          ...change.data,
          version: saved.version,
        });
      }
      onSaved();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Triage: {request.title}</DialogTitle>
      <DialogContent>
        <TextField
          id="triage-cost-to-ship"
          label="Cost to ship (engineer-quarters)"
          type="number"
          inputProps={{ min: 0, step: 0.5 }}
          value={costToShip}
          onChange={e => setCostToShip(e.target.value)}
          error={!!errors.costToShip}
          helperText={errors.costToShip ?? 'How much work to ship it'}
          fullWidth
          margin="dense"
          required
        />
        <ScaleField
          id="triage-strategic-fit"
          label="Strategic fit (1–5)"
          value={strategicFit}
          onChange={setStrategicFit}
          error={errors.strategicFit}
          hint="Does it align with stated company direction?"
        />
        <ScaleField
          id="triage-reversibility"
          label="Reversibility (1–5)"
          value={reversibility}
          onChange={setReversibility}
          error={errors.reversibility}
          hint="Can a partial version ship and iterate?"
        />
        <TextField
          select
          id="triage-status"
          label="Change status"
          value={status}
          onChange={e => setStatus(e.target.value as RequestStatus | '')}
          error={!!errors.status}
          helperText={
            errors.status ??
            `Now ${STATUS_LABELS[request.status]}${
              request.status === 'open'
                ? ' (saving the estimates triages it)'
                : ''
            }`
          }
          fullWidth
          margin="dense"
        >
          <MenuItem value="">Keep the status</MenuItem>
          {REQUEST_STATUSES.filter(s => allowed.includes(s)).map(s => (
            <MenuItem key={s} value={s}>
              {STATUS_LABELS[s]}
            </MenuItem>
          ))}
        </TextField>
        {(status === 'deprioritized' || status === 'declined') && (
          <TextField
            id="triage-reason"
            label="Reason (visible to the requesting teams)"
            value={reason}
            onChange={e => setReason(e.target.value)}
            error={!!errors.reason}
            helperText={errors.reason}
            fullWidth
            multiline
            margin="dense"
            required
          />
        )}
        {status === 'deprioritized' && (
          <TextField
            id="triage-revisit-on"
            label="Revisit on"
            type="date"
            InputLabelProps={{ shrink: true }}
            value={revisitOn}
            onChange={e => setRevisitOn(e.target.value)}
            error={!!errors.revisitOn}
            helperText={errors.revisitOn}
            fullWidth
            margin="dense"
            required
          />
        )}
        {status === 'planned' && (
          <>
            <TextField
              select
              id="triage-theme"
              label="Theme"
              value={themeId}
              onChange={e => setThemeId(e.target.value)}
              error={!!errors.themeId}
              helperText={
                errors.themeId ??
                (roadmap.error
                  ? `Could not load the team's themes: ${errorMessage(
                      roadmap.error,
                    )}`
                  : 'The theme it is planned under, shown on the roadmap')
              }
              fullWidth
              margin="dense"
            >
              <MenuItem value="">No theme</MenuItem>
              {request.themeId &&
                !themes.some(t => t.id === request.themeId) && (
                  <MenuItem value={request.themeId}>Its current theme</MenuItem>
                )}
              {themes.map(t => (
                <MenuItem key={t.id} value={t.id}>
                  {t.title} ({periodLabel(t.period)})
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              id="triage-quarter"
              label="Quarter"
              value={plannedQuarter}
              onChange={e => setQuarter(e.target.value)}
              error={!!errors.quarter}
              helperText={errors.quarter ?? 'The quarter it is committed for'}
              fullWidth
              margin="dense"
            >
              {quarters.map(q => (
                <MenuItem key={q} value={q}>
                  {periodLabel(q)}
                </MenuItem>
              ))}
            </TextField>
          </>
        )}
        {failure && (
          <Typography color="error" role="alert">
            {failure}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={saving}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
