import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Stakeholder,
  stakeholderInputSchema,
  StakeholderKind,
  STAKEHOLDER_KINDS,
  stakeholderUpdateSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import TextField from '@material-ui/core/TextField';
import { platformRoadmapApiRef } from '../../api';
import {
  FormDialog,
  friendlyError,
  optionalText,
  useDialogForm,
} from '../TeamRoadmap/form';
import { STAKEHOLDER_KIND_LABELS } from './labels';

const FIELDS = ['kind', 'name', 'entityRef', 'contact', 'notes'] as const;

/** Adds someone the team answers to, or edits (or deletes) one. */
export function StakeholderDialog(props: {
  teamRef: string;
  /** The stakeholder to edit; a new one when absent. */
  stakeholder?: Stakeholder;
  onClose: () => void;
  /** After a save or delete, or to reload after a conflict. */
  onSaved: () => void;
}) {
  const { teamRef, stakeholder, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm('stakeholder', FIELDS);
  const [kind, setKind] = useState<StakeholderKind>(
    stakeholder?.kind ?? 'leadership',
  );
  const [name, setName] = useState(stakeholder?.name ?? '');
  const [entityRef, setEntityRef] = useState(stakeholder?.entityRef ?? '');
  const [contact, setContact] = useState(stakeholder?.contact ?? '');
  const [notes, setNotes] = useState(stakeholder?.notes ?? '');

  function save() {
    const input = {
      kind,
      name,
      // Clearing the entity of a stakeholder unlinks it.
      entityRef: optionalText(entityRef) ?? (stakeholder ? null : undefined),
      // An empty contact clears the one it had.
      contact: stakeholder ? contact.trim() : optionalText(contact),
      notes,
    };
    if (stakeholder) {
      const data = form.check(
        stakeholderUpdateSchema.safeParse(
          { ...input, version: stakeholder.version },
          { error: friendlyError },
        ),
      );
      if (data) {
        form.send(() => api.updateStakeholder(stakeholder.id, data), onSaved);
      }
    } else {
      const data = form.check(
        stakeholderInputSchema.safeParse(input, { error: friendlyError }),
      );
      if (data) form.send(() => api.createStakeholder(teamRef, data), onSaved);
    }
  }

  return (
    <FormDialog
      idPrefix="stakeholder"
      title={
        stakeholder
          ? `Edit stakeholder: ${stakeholder.name}`
          : 'Add a stakeholder'
      }
      subtitle="Someone the team answers to besides its consuming teams: write the list explicitly, and refer to it when prioritizing."
      submitLabel={stakeholder ? 'Save stakeholder' : 'Add stakeholder'}
      busy={form.busy}
      failure={form.failure}
      onSubmit={save}
      onClose={onClose}
      onReload={onSaved}
      reloads="stakeholders"
      deletion={
        stakeholder && {
          kind: 'stakeholder',
          name: stakeholder.name,
          onDelete: () =>
            form.send(
              () => api.deleteStakeholder(stakeholder.id, stakeholder.version),
              onSaved,
            ),
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
        onChange={e => setKind(e.target.value as StakeholderKind)}
        fullWidth
        margin="dense"
        required
      >
        {STAKEHOLDER_KINDS.map(k => (
          <option key={k} value={k}>
            {STAKEHOLDER_KIND_LABELS[k]}
          </option>
        ))}
      </TextField>
      <TextField
        {...form.fieldProps('name', 'e.g. VP Engineering, the audit team')}
        label="Name"
        value={name}
        onChange={e => setName(e.target.value)}
        fullWidth
        margin="dense"
        required
      />
      <TextField
        {...form.fieldProps(
          'entityRef',
          'Optional: a Group or User in the catalog, e.g. group:default/finance',
        )}
        label="Catalog entity"
        value={entityRef}
        onChange={e => setEntityRef(e.target.value)}
        fullWidth
        margin="dense"
      />
      <TextField
        {...form.fieldProps(
          'contact',
          'Optional: an email, a channel or a URL',
        )}
        label="Contact"
        value={contact}
        onChange={e => setContact(e.target.value)}
        fullWidth
        margin="dense"
      />
      <TextField
        {...form.fieldProps(
          'notes',
          'What they expect from the team, when to involve them',
        )}
        label="Notes"
        value={notes}
        onChange={e => setNotes(e.target.value)}
        fullWidth
        multiline
        minRows={2}
        margin="dense"
      />
    </FormDialog>
  );
}
