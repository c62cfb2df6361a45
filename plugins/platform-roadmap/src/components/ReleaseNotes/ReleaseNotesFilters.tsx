import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  RELEASE_NOTE_TYPES,
  ReleaseNoteType,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useDebounce from 'react-use/esm/useDebounce';
import { ReleaseNotesFilter } from '../../api';
import { entityNames, sameRef, TYPE_LABELS } from './labels';

/** How long the search waits after the last keystroke. */
export const SEARCH_DEBOUNCE_MS = 300;

/** The filters of the list as they are in the URL. */
export interface FilterState {
  types: ReleaseNoteType[];
  /** Only the notes about this entity. */
  about?: string;
  q: string;
}

/** The filter for the API, without the empty parts. */
export function toApiFilter(state: FilterState): ReleaseNotesFilter {
  return {
    ...(state.types.length ? { type: state.types } : {}),
    ...(state.about ? { about: state.about } : {}),
    ...(state.q ? { q: state.q } : {}),
  };
}

export function isFiltered(state: FilterState): boolean {
  return Object.keys(toApiFilter(state)).length > 0;
}

function parseFilters(params: URLSearchParams): FilterState {
  const requested = new Set(
    params.getAll('type').flatMap(value => value.split(',')),
  );
  return {
    // In a fixed order, so the same choice makes the same request.
    types: RELEASE_NOTE_TYPES.filter(type => requested.has(type)),
    about: params.get('about') || undefined,
    q: params.get('q')?.trim() ?? '',
  };
}

/**
 * The filters and the permalinked note, kept in the URL query
 * (`?type=breaking&type=fix&about=component:default/x&q=cache`, `?note=id`)
 * so that a filtered view or a single note can be shared.
 */
export function useReleaseNotesParams() {
  const [params, setParams] = useSearchParams();

  function setFilters(change: Partial<FilterState>) {
    setParams(
      previous => {
        const next = new URLSearchParams(previous);
        const state = { ...parseFilters(previous), ...change };
        next.delete('type');
        state.types.forEach(type => next.append('type', type));
        for (const key of ['about', 'q'] as const) {
          if (state[key]) next.set(key, state[key]!);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  }

  return {
    noteId: params.get('note') || undefined,
    filters: parseFilters(params),
    setFilters,
  };
}

/**
 * Type toggles, an entity choice and a text search over the list. Changes
 * go to the URL; the search waits for a pause in typing.
 */
export function ReleaseNotesFilters(props: {
  filters: FilterState;
  onChange: (change: Partial<FilterState>) => void;
  /** The entities whose own notes are listed. */
  entityRefs: string[];
}) {
  const { filters, onChange, entityRefs } = props;
  const [text, setText] = useState(filters.q);
  // The search last sent: when the URL says otherwise, it changed elsewhere.
  const sent = useRef(filters.q);
  useEffect(() => {
    if (filters.q === sent.current) return;
    sent.current = filters.q;
    setText(filters.q);
  }, [filters.q]);
  useDebounce(
    () => {
      const q = text.trim();
      if (q === filters.q) return;
      sent.current = q;
      onChange({ q });
    },
    SEARCH_DEBOUNCE_MS,
    [text],
  );

  // The entity chosen stays a choice, even when the list no longer has it.
  const refs = [...entityRefs];
  if (filters.about && !refs.some(ref => sameRef(ref, filters.about))) {
    refs.push(filters.about);
  }
  const names = entityNames(refs);
  const sorted = refs.sort((a, b) =>
    names.get(a)!.localeCompare(names.get(b)!, 'en-US'),
  );

  function toggle(type: ReleaseNoteType) {
    const types = filters.types.includes(type)
      ? filters.types.filter(t => t !== type)
      : [...filters.types, type];
    onChange({ types: RELEASE_NOTE_TYPES.filter(t => types.includes(t)) });
  }

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      mb={2}
      style={{ gap: 16 }}
    >
      <Box
        role="group"
        aria-labelledby="release-notes-type-label"
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
      >
        <Typography
          id="release-notes-type-label"
          variant="body2"
          component="span"
        >
          Type
        </Typography>
        {RELEASE_NOTE_TYPES.map(type => {
          const pressed = filters.types.includes(type);
          return (
            <Chip
              key={type}
              clickable
              label={TYPE_LABELS[type]}
              color={pressed ? 'primary' : 'default'}
              variant={pressed ? 'default' : 'outlined'}
              aria-pressed={pressed}
              onClick={() => toggle(type)}
            />
          );
        })}
      </Box>
      <TextField
        select
        id="release-notes-entity"
        label="Entity"
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        value={filters.about ?? ''}
        onChange={e => onChange({ about: e.target.value || undefined })}
        size="small"
        variant="outlined"
        style={{ minWidth: 180 }}
      >
        <option value="">All</option>
        {sorted.map(ref => (
          <option key={ref} value={ref}>
            {names.get(ref)}
          </option>
        ))}
      </TextField>
      <TextField
        id="release-notes-search"
        label="Search release notes"
        type="search"
        value={text}
        onChange={e => setText(e.target.value)}
        size="small"
        variant="outlined"
        style={{ minWidth: 240 }}
      />
      {isFiltered(filters) && (
        <Button
          size="small"
          onClick={() => onChange({ types: [], about: undefined, q: '' })}
        >
          Clear filters
        </Button>
      )}
    </Box>
  );
}
