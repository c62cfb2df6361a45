import { ReactNode } from 'react';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { Link } from '@backstage/core-components';
import {
  IndexableDocument,
  ResultHighlight,
} from '@backstage/plugin-search-common';
import {
  HighlightedSearchResultText,
  SearchResultListItemExtensionProps,
} from '@backstage/plugin-search-react';
import {
  PlatformRoadmapDocument,
  PlatformRoadmapDocumentKind,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AssignmentIcon from '@material-ui/icons/Assignment';
import DescriptionIcon from '@material-ui/icons/Description';
import NewReleasesIcon from '@material-ui/icons/NewReleases';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import TimelineIcon from '@material-ui/icons/Timeline';
import { STATUS_LABELS, KIND_LABELS } from '../Backlog/labels';
import { DEPRECATION_STATUS_LABELS } from '../Deprecations/labels';
import {
  CATEGORY_LABELS,
  THEME_STATUS_LABELS,
} from '../KeyResultProgress/labels';
import { TYPE_LABELS } from '../ReleaseNotes/labels';

/**
 * Props for {@link PlatformRoadmapSearchResultListItem}: those of
 * Backstage's other search result items.
 *
 * @public
 */
export interface PlatformRoadmapSearchResultListItemProps {
  /**
   * Replaces the icon of the document's kind; a function gets the document.
   */
  icon?: ReactNode | ((result: IndexableDocument) => ReactNode);
  /** The document found; nothing is rendered without one. */
  result?: IndexableDocument;
  /** The matched excerpts, when the search engine highlights them. */
  highlight?: ResultHighlight;
  /** The result's position in the list, from 1. */
  rank?: number;
  /** How many lines of the text to show; 3 by default. */
  lineClamp?: number;
}

const useStyles = makeStyles(
  theme => ({
    item: { display: 'flex', width: '100%' },
    content: { flex: 1, minWidth: 0 },
    itemText: { marginBottom: theme.spacing(1) },
    chips: {
      display: 'flex',
      flexWrap: 'wrap',
      gap: theme.spacing(0.5),
      margin: 0,
      padding: 0,
      listStyle: 'none',
    },
  }),
  { name: 'PlatformRoadmapSearchResultListItem' },
);

const KIND_NAMES: Record<PlatformRoadmapDocumentKind, string> = {
  theme: 'Theme',
  request: 'Request',
  deprecation: 'Deprecation',
  'release-note': 'Release note',
};

const KIND_ICONS: Record<PlatformRoadmapDocumentKind, typeof TimelineIcon> = {
  theme: TimelineIcon,
  request: AssignmentIcon,
  deprecation: ReportProblemIcon,
  'release-note': NewReleasesIcon,
};

/** The status of each kind in words; a release note's status is its type. */
const STATUS_NAMES: Record<
  PlatformRoadmapDocumentKind,
  Record<string, string>
> = {
  theme: THEME_STATUS_LABELS,
  request: STATUS_LABELS,
  deprecation: DEPRECATION_STATUS_LABELS,
  'release-note': TYPE_LABELS,
};

/** A theme's category or a request's kind, in words. */
const CATEGORY_NAMES: Partial<
  Record<PlatformRoadmapDocumentKind, Record<string, string>>
> = {
  theme: CATEGORY_LABELS,
  request: KIND_LABELS,
};

/** The prefix of each kind's day: when it sunsets, shipped, was filed. */
const DATE_PREFIXES: Partial<Record<PlatformRoadmapDocumentKind, string>> = {
  deprecation: 'Sunset',
  'release-note': 'Released',
  request: 'Filed',
};

/** The words for a value, else the value itself. */
function lookup(
  labels: Record<string, string> | undefined,
  key: unknown,
): string | undefined {
  if (typeof key !== 'string' || !key) return undefined;
  if (labels && Object.prototype.hasOwnProperty.call(labels, key)) {
    return labels[key];
  }
  return key;
}

function knownKind(kind: unknown): PlatformRoadmapDocumentKind | undefined {
  return typeof kind === 'string' &&
    Object.prototype.hasOwnProperty.call(KIND_NAMES, kind)
    ? (kind as PlatformRoadmapDocumentKind)
    : undefined;
}

/** "Sunset 2026-12-05", "Released 2026-11-20", "Filed 2026-10-01", "2026-Q4". */
function dateLabel(
  kind: PlatformRoadmapDocumentKind | undefined,
  date: unknown,
): string | undefined {
  if (typeof date !== 'string' || !date) return undefined;
  const prefix = kind && DATE_PREFIXES[kind];
  return prefix ? `${prefix} ${date}` : date;
}

/**
 * One Platform Roadmap theme, request, deprecation or release note on the
 * search page: an icon for its kind, its title linking to the page it is on,
 * its text, and its kind, status, team and day.
 *
 * The extensions made from it in `plugin.ts` and `alpha.tsx` wrap it in the
 * search list item, which records the `discover` analytics event on click;
 * the link itself is not tracked, so a click counts once.
 */
export function PlatformRoadmapSearchResultListItem(
  props: SearchResultListItemExtensionProps<PlatformRoadmapSearchResultListItemProps>,
) {
  const { result, highlight, icon, lineClamp = 3 } = props;
  const classes = useStyles();
  if (!result) return null;

  const doc = result as Partial<PlatformRoadmapDocument> & IndexableDocument;
  const kind = knownKind(doc.kind);
  const KindIcon = kind ? KIND_ICONS[kind] : DescriptionIcon;
  const iconNode =
    typeof icon === 'function'
      ? icon(result)
      : icon ?? <KindIcon data-testid={`${kind ?? 'document'}-icon`} />;
  const status = lookup(kind && STATUS_NAMES[kind], doc.status);
  const chips: Array<{ key: string; label: ReactNode }> = [
    {
      key: 'kind',
      label: kind ? KIND_NAMES[kind] : lookup(undefined, doc.kind),
    },
    {
      key: 'status',
      // A release note's status is its type.
      label:
        status && `${kind === 'release-note' ? 'Type' : 'Status'}: ${status}`,
    },
    {
      key: 'category',
      label: lookup(kind && CATEGORY_NAMES[kind], doc.category),
    },
    {
      key: 'team',
      // The team's title as the catalog gives it to the reader (the name in
      // the ref for those who may not read the group).
      label: typeof doc.teamRef === 'string' && doc.teamRef && (
        <>
          Team: <EntityDisplayName entityRef={doc.teamRef} hideIcon />
        </>
      ),
    },
    { key: 'date', label: dateLabel(kind, doc.date) },
  ].filter(chip => Boolean(chip.label));

  const title = highlight?.fields.title ? (
    <HighlightedSearchResultText
      text={highlight.fields.title}
      preTag={highlight.preTag}
      postTag={highlight.postTag}
    />
  ) : (
    result.title
  );
  const text = highlight?.fields.text ? (
    <HighlightedSearchResultText
      text={highlight.fields.text}
      preTag={highlight.preTag}
      postTag={highlight.postTag}
    />
  ) : (
    result.text
  );

  return (
    <div className={classes.item}>
      {iconNode && <ListItemIcon>{iconNode}</ListItemIcon>}
      <div className={classes.content}>
        <ListItemText
          className={classes.itemText}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location}>
              {title}
            </Link>
          }
          secondary={
            <Typography
              component="span"
              style={{
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: lineClamp,
                overflow: 'hidden',
              }}
              color="textSecondary"
              variant="body2"
            >
              {text}
            </Typography>
          }
        />
        {chips.length > 0 && (
          <Box component="ul" className={classes.chips}>
            {chips.map(chip => (
              <li key={chip.key}>
                <Chip label={chip.label} size="small" />
              </li>
            ))}
          </Box>
        )}
      </div>
    </div>
  );
}
