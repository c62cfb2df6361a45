import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Theme,
  THEME_CATEGORIES,
  THEME_STATUSES,
  ThemeCategory,
  themeInputSchema,
  ThemeStatus,
  themeUpdateSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import TextField from '@material-ui/core/TextField';
import { platformRoadmapApiRef } from '../../api';
import { CATEGORY_LABELS, THEME_STATUS_LABELS } from '../KeyResultProgress';
import { FormDialog, friendlyError, optionalText, useDialogForm } from './form';
import { periodOptionLabel, themePeriods } from './labels';

const FIELDS = [
  'period',
  'category',
  'title',
  'outcome',
  'description',
  'status',
  'statusReason',
  'entityRefs',
] as const;

/** "a, b c" → ["a", "b", "c"] */
function splitRefs(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

/**
 * Adds a theme to a team's roadmap, or edits (or deletes) one: an outcome
 * the team promises for a year or a quarter.
 */
export function ThemeDialog(props: {
  teamRef: string;
  /** The roadmap's quarter: the theme can be for it, its year or the next. */
  quarter: string;
  /** The theme to edit; a new one when absent. */
  theme?: Theme;
  onClose: () => void;
  /** After a save or delete, or to reload after a conflict. */
  onSaved: () => void;
}) {
  const { teamRef, quarter, theme, onClose, onSaved } = props;
  const api = useApi(platformRoadmapApiRef);
  const form = useDialogForm('team-roadmap-theme', FIELDS);
  const [period, setPeriod] = useState(theme?.period ?? quarter.slice(0, 4));
  const [category, setCategory] = useState<ThemeCategory>(
    theme?.category ?? 'reliability',
  );
  const [title, setTitle] = useState(theme?.title ?? '');
  const [outcome, setOutcome] = useState(theme?.outcome ?? '');
  const [description, setDescription] = useState(theme?.description ?? '');
  const [status, setStatus] = useState<ThemeStatus>(
    theme?.status ?? 'proposed',
  );
  const [statusReason, setStatusReason] = useState(theme?.statusReason ?? '');
  const [entityRefs, setEntityRefs] = useState(
    theme?.entityRefs.join(', ') ?? '',
  );

  function save() {
    const input = {
      period,
      category,
      title,
      outcome,
      description,
      status,
      statusReason:
        status === 'deprioritized' ? optionalText(statusReason) : undefined,
      entityRefs: splitRefs(entityRefs),
    };
    if (theme) {
      const data = form.check(
        themeUpdateSchema.safeParse(
          { ...input, version: theme.version },
          { error: friendlyError },
        ),
      );
      if (data) form.send(() => api.updateTheme(theme.id, data), onSaved);
    } else {
      const data = form.check(
        themeInputSchema.safeParse(input, { error: friendlyError }),
      );
      if (data) form.send(() => api.createTheme(teamRef, data), onSaved);
    }
  }

  return (
    <FormDialog
      idPrefix="team-roadmap-theme"
      title={theme ? `Edit theme: ${theme.title}` : 'Add a theme'}
      subtitle="An outcome the team promises for a year or a quarter; the guide recommends 3–5 a year."
      submitLabel={theme ? 'Save theme' : 'Add theme'}
      busy={form.busy}
      failure={form.failure}
      onSubmit={save}
      onClose={onClose}
      onReload={onSaved}
      deletion={
        theme && {
          kind: 'theme',
          name: theme.title,
          consequence:
            'Its objectives and key results are deleted with it; commitments under it stay, without a theme.',
          onDelete: () =>
            form.send(() => api.deleteTheme(theme.id, theme.version), onSaved),
        }
      }
    >
      <TextField
        {...form.fieldProps('period')}
        select
        SelectProps={{ native: true }}
        label="Period"
        value={period}
        onChange={e => setPeriod(e.target.value)}
        fullWidth
        margin="dense"
        required
      >
        {themePeriods(quarter, theme?.period).map(p => (
          <option key={p} value={p}>
            {periodOptionLabel(p)}
          </option>
        ))}
      </TextField>
      <TextField
        {...form.fieldProps('category')}
        select
        SelectProps={{ native: true }}
        label="Category"
        value={category}
        onChange={e => setCategory(e.target.value as ThemeCategory)}
        fullWidth
        margin="dense"
        required
      >
        {THEME_CATEGORIES.map(c => (
          <option key={c} value={c}>
            {CATEGORY_LABELS[c]}
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
        {...form.fieldProps(
          'outcome',
          'What will be true when it is done, e.g. "p99 CI build under 8 minutes"',
        )}
        label="Outcome"
        value={outcome}
        onChange={e => setOutcome(e.target.value)}
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
      <TextField
        {...form.fieldProps('status')}
        select
        SelectProps={{ native: true }}
        label="Status"
        value={status}
        onChange={e => setStatus(e.target.value as ThemeStatus)}
        fullWidth
        margin="dense"
        required
      >
        {THEME_STATUSES.map(s => (
          <option key={s} value={s}>
            {THEME_STATUS_LABELS[s]}
          </option>
        ))}
      </TextField>
      {status === 'deprioritized' && (
        <TextField
          {...form.fieldProps(
            'statusReason',
            'Visible to the teams that wait for it',
          )}
          label="Why is it deprioritized?"
          value={statusReason}
          onChange={e => setStatusReason(e.target.value)}
          fullWidth
          multiline
          margin="dense"
          required
        />
      )}
      <TextField
        {...form.fieldProps(
          'entityRefs',
          'Optional: the platform entities it is about, comma-separated, e.g. component:default/build-cache',
        )}
        label="Platform entities"
        value={entityRefs}
        onChange={e => setEntityRefs(e.target.value)}
        fullWidth
        margin="dense"
      />
    </FormDialog>
  );
}
