import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  AskKind,
  ASK_KINDS,
  periodLabel,
  ReviewAsk,
  reviewAskInputSchema,
  reviewAskUpdateSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import TextField from '@material-ui/core/TextField';
import { platformRoadmapApiRef } from '../../api';
import { FormDialog, friendlyError, useDialogForm } from '../TeamRoadmap/form';
import { ASK_KIND_LABELS } from './labels';

const FIELDS = ['kind', 'text'] as const;

/**
 * Adds what the team needs from its consuming teams in a quarter (review
 * time, beta participation, feedback), or edits (or deletes) one.
 */
export function AskDialog(props: {
  teamRef: string;
  /** The review's quarter. */
  quarter: string;
  /** The ask to edit; a new one when absent. */
  ask?: ReviewAsk;
  onClose: () => void;
  /** After a save or delete, or to reload after a conflict. */
  onSaved: () => void;
}) {
  const { teamRef, quarter, ask, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm('review-ask', FIELDS);
  const [kind, setKind] = useState<AskKind>(ask?.kind ?? 'review-time');
  const [text, setText] = useState(ask?.text ?? '');
  const forQuarter = ask?.quarter ?? quarter;

  function save() {
    const input = { quarter: forQuarter, kind, text };
    if (ask) {
      const data = form.check(
        reviewAskUpdateSchema.safeParse(
          { ...input, version: ask.version },
          { error: friendlyError },
        ),
      );
      if (data) form.send(() => api.updateReviewAsk(ask.id, data), onSaved);
    } else {
      const data = form.check(
        reviewAskInputSchema.safeParse(input, { error: friendlyError }),
      );
      if (data) form.send(() => api.createReviewAsk(teamRef, data), onSaved);
    }
  }

  return (
    <FormDialog
      idPrefix="review-ask"
      title={ask ? 'Edit ask' : 'Add an ask'}
      subtitle={`What the team needs from its consuming teams in ${periodLabel(
        forQuarter,
      )}. Frame it in terms of their outcomes, not the platform's.`}
      submitLabel={ask ? 'Save ask' : 'Add ask'}
      busy={form.busy}
      failure={form.failure}
      onSubmit={save}
      onClose={onClose}
      onReload={onSaved}
      reloads="review"
      deletion={
        ask && {
          kind: 'ask',
          name: ask.text,
          onDelete: () =>
            form.send(() => api.deleteReviewAsk(ask.id, ask.version), onSaved),
        }
      }
    >
      <TextField
        {...form.fieldProps('kind')}
        select
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        label="Kind"
        value={kind}
        onChange={e => setKind(e.target.value as AskKind)}
        fullWidth
        margin="dense"
        required
      >
        {ASK_KINDS.map(k => (
          <option key={k} value={k}>
            {ASK_KIND_LABELS[k]}
          </option>
        ))}
      </TextField>
      <TextField
        {...form.fieldProps(
          'text',
          'e.g. Two reviewers from each team for the cache v2 design by Nov 15',
        )}
        label="What we need"
        value={text}
        onChange={e => setText(e.target.value)}
        fullWidth
        multiline
        minRows={2}
        margin="dense"
        required
      />
    </FormDialog>
  );
}
