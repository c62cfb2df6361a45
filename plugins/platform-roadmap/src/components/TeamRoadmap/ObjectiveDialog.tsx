import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Objective,
  objectiveInputSchema,
  objectiveUpdateSchema,
  Theme,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import TextField from '@material-ui/core/TextField';
import { platformRoadmapApiRef } from '../../api';
import { FormDialog, friendlyError, useDialogForm } from './form';

const FIELDS = ['title'] as const;

/** Adds an objective to a theme, or edits (or deletes) one. */
export function ObjectiveDialog(props: {
  theme: Theme;
  /** The objective to edit; a new one when absent. */
  objective?: Objective;
  onClose: () => void;
  /** After a save or delete, or to reload after a conflict. */
  onSaved: () => void;
}) {
  const { theme, objective, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm('team-roadmap-objective', FIELDS);
  const [title, setTitle] = useState(objective?.title ?? '');

  function save() {
    if (objective) {
      const data = form.check(
        objectiveUpdateSchema.safeParse(
          { title, version: objective.version },
          { error: friendlyError },
        ),
      );
      if (data) {
        form.send(() => api.updateObjective(objective.id, data), onSaved);
      }
    } else {
      const data = form.check(
        objectiveInputSchema.safeParse({ title }, { error: friendlyError }),
      );
      if (data) form.send(() => api.createObjective(theme.id, data), onSaved);
    }
  }

  return (
    <FormDialog
      idPrefix="team-roadmap-objective"
      title={
        objective
          ? `Edit objective: ${objective.title}`
          : `Add an objective to ${theme.title}`
      }
      subtitle={`Theme: ${theme.title} · Outcome: ${theme.outcome}`}
      submitLabel={objective ? 'Save objective' : 'Add objective'}
      busy={form.busy}
      failure={form.failure}
      onSubmit={save}
      onClose={onClose}
      onReload={onSaved}
      deletion={
        objective && {
          kind: 'objective',
          name: objective.title,
          consequence: 'Its key results and their check-ins go with it.',
          onDelete: () =>
            form.send(
              () => api.deleteObjective(objective.id, objective.version),
              onSaved,
            ),
        }
      }
    >
      <TextField
        {...form.fieldProps('title', 'What the team sets out to do')}
        label="Title"
        value={title}
        onChange={e => setTitle(e.target.value)}
        fullWidth
        margin="dense"
        required
      />
    </FormDialog>
  );
}
