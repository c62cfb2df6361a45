import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Commitment,
  commitmentInputSchema,
  CommitmentKind,
  COMMITMENT_KINDS,
  commitmentUpdateSchema,
  periodLabel,
  Theme,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import TextField from '@material-ui/core/TextField';
import { platformRoadmapApiRef } from '../../api';
import { FormDialog, friendlyError, optionalText, useDialogForm } from './form';
import { COMMITMENT_KIND_LABELS, commitmentQuarters } from './labels';

const FIELDS = [
  'quarter',
  'kind',
  'title',
  'description',
  'reason',
  'themeId',
] as const;

/**
 * Adds what a team commits to for a quarter, or deprioritizes and why; or
 * edits (or deletes) one.
 */
export function CommitmentDialog(props: {
  teamRef: string;
  /** The roadmap's quarter, preselected. */
  quarter: string;
  /** Quarters the roadmap knows of. */
  quarters: string[];
  /** Themes it can be under. */
  themes: Theme[];
  /** The commitment to edit; a new one when absent. */
  commitment?: Commitment;
  onClose: () => void;
  /** After a save or delete, or to reload after a conflict. */
  onSaved: () => void;
}) {
  const { teamRef, quarter, quarters, themes, commitment, onClose, onSaved } =
    props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm('team-roadmap-commitment', FIELDS);
  const [forQuarter, setForQuarter] = useState(commitment?.quarter ?? quarter);
  const [kind, setKind] = useState<CommitmentKind>(
    commitment?.kind ?? 'committed',
  );
  const [title, setTitle] = useState(commitment?.title ?? '');
  const [description, setDescription] = useState(commitment?.description ?? '');
  const [reason, setReason] = useState(commitment?.reason ?? '');
  const [themeId, setThemeId] = useState(commitment?.themeId ?? '');

  function save() {
    const input = {
      quarter: forQuarter,
      kind,
      title,
      description,
      reason: kind === 'deprioritized' ? optionalText(reason) : undefined,
      // Clearing the theme of a commitment unlinks it.
      themeId: themeId || (commitment ? null : undefined),
      requestId: commitment?.requestId,
    };
    if (commitment) {
      const data = form.check(
        commitmentUpdateSchema.safeParse(
          { ...input, version: commitment.version },
          { error: friendlyError },
        ),
      );
      if (data) {
        form.send(() => api.updateCommitment(commitment.id, data), onSaved);
      }
    } else {
      const data = form.check(
        commitmentInputSchema.safeParse(input, { error: friendlyError }),
      );
      if (data) form.send(() => api.createCommitment(teamRef, data), onSaved);
    }
  }

  return (
    <FormDialog
      idPrefix="team-roadmap-commitment"
      title={
        commitment ? `Edit commitment: ${commitment.title}` : 'Add a commitment'
      }
      subtitle="What the team commits to for a quarter, or deprioritizes and why."
      submitLabel={commitment ? 'Save commitment' : 'Add commitment'}
      busy={form.busy}
      failure={form.failure}
      onSubmit={save}
      onClose={onClose}
      onReload={onSaved}
      deletion={
        commitment && {
          kind: 'commitment',
          name: commitment.title,
          onDelete: () =>
            form.send(
              () => api.deleteCommitment(commitment.id, commitment.version),
              onSaved,
            ),
        }
      }
    >
      <TextField
        {...form.fieldProps('quarter')}
        select
        SelectProps={{ native: true }}
        label="Quarter"
        value={forQuarter}
        onChange={e => setForQuarter(e.target.value)}
        fullWidth
        margin="dense"
        required
      >
        {commitmentQuarters(quarter, quarters, commitment?.quarter).map(q => (
          <option key={q} value={q}>
            {periodLabel(q)}
          </option>
        ))}
      </TextField>
      <TextField
        {...form.fieldProps('kind')}
        select
        SelectProps={{ native: true }}
        label="Kind"
        value={kind}
        onChange={e => setKind(e.target.value as CommitmentKind)}
        fullWidth
        margin="dense"
        required
      >
        {COMMITMENT_KINDS.map(k => (
          <option key={k} value={k}>
            {COMMITMENT_KIND_LABELS[k]}
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
        {...form.fieldProps('description', 'Markdown is supported')}
        label="Description"
        value={description}
        onChange={e => setDescription(e.target.value)}
        fullWidth
        multiline
        minRows={3}
        margin="dense"
      />
      {kind === 'deprioritized' && (
        <TextField
          {...form.fieldProps(
            'reason',
            'Saying no well: visible to the teams that asked',
          )}
          label="Why is it deprioritized?"
          value={reason}
          onChange={e => setReason(e.target.value)}
          fullWidth
          multiline
          margin="dense"
          required
        />
      )}
      <TextField
        {...form.fieldProps('themeId', 'Optional')}
        select
        SelectProps={{ native: true }}
        label="Theme"
        value={themeId}
        onChange={e => setThemeId(e.target.value)}
        fullWidth
        margin="dense"
      >
        <option value="">No theme</option>
        {commitment?.themeId &&
          !themes.some(t => t.id === commitment.themeId) && (
            <option value={commitment.themeId}>
              Its theme (of another period)
            </option>
          )}
        {themes.map(t => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </TextField>
    </FormDialog>
  );
}
