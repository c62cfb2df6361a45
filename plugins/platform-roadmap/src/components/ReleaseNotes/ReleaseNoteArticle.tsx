import { ReactNode, useId } from 'react';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ReleaseNote } from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { TYPE_LABELS } from './labels';
import { ReleaseNoteBody } from './ReleaseNoteBody';

const useStyles = makeStyles(theme => ({
  note: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 8 },
  list: { margin: 0, paddingLeft: theme.spacing(3) },
}));

/** Breaking changes and deprecations stand out. */
function typeColor(note: ReleaseNote) {
  if (note.type === 'breaking' || note.type === 'deprecation') {
    return 'secondary';
  }
  return note.type === 'feature' ? 'primary' : 'default';
}

/**
 * One release note: its title, type, version and day, what it is about,
 * its Markdown body, the requests it shipped and a permalink.
 */
export function ReleaseNoteArticle(props: {
  note: ReleaseNote;
  /** Created since the person's last visit. */
  isNew: boolean;
  /** Link to this note alone. */
  permalink: string;
  /** Name the team of the note (not on the team's own page). */
  showTeam: boolean;
  /** Edit and Delete buttons, for members of the team. */
  actions?: ReactNode;
}) {
  const { note, isNew, permalink, showTeam, actions } = props;
  const classes = useStyles();
  const requestsId = useId();
  return (
    <article className={classes.note} aria-label={note.title}>
      <Box className={classes.row}>
        <Typography variant="h6" component="h3">
          {note.title}
        </Typography>
        {isNew && (
          <Chip
            size="small"
            color="secondary"
            label="New"
            role="img"
            aria-label="New since your last visit"
          />
        )}
        <Chip
          size="small"
          color={typeColor(note)}
          label={TYPE_LABELS[note.type]}
        />
        {note.releaseVersion && (
          <Chip
            size="small"
            variant="outlined"
            label={`Version ${note.releaseVersion}`}
          />
        )}
        <Box flexGrow={1} />
        {actions}
      </Box>
      <Typography variant="body2" color="textSecondary">
        Published on <time dateTime={note.publishedOn}>{note.publishedOn}</time>
        {' · '}
        {note.entityRef ? (
          <>
            About <EntityRefLink entityRef={note.entityRef} />
          </>
        ) : (
          'Team-wide'
        )}
        {showTeam && (
          <>
            {' · '}
            From <EntityRefLink entityRef={note.teamRef} />
          </>
        )}
      </Typography>
      <ReleaseNoteBody body={note.body} />
      {note.requests.length > 0 && (
        <Box mt={1}>
          <Typography id={requestsId} variant="subtitle2" component="p">
            Shipped requests:
          </Typography>
          <ul className={classes.list} aria-labelledby={requestsId}>
            {note.requests.map(request => (
              <li key={request.id}>
                <Typography variant="body2">{request.title}</Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
      <Box mt={1}>
        <Typography variant="body2">
          <Link to={permalink} aria-label={`Permalink: ${note.title}`}>
            Permalink
          </Link>
        </Typography>
      </Box>
    </article>
  );
}
