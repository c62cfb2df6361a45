import {
  countTeamsImpacted,
  OrgOverview,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { STATUS_LABELS } from '../Backlog/labels';
import { NothingHere } from './Section';
import { teamNamer } from './labels';

const useStyles = makeStyles({
  // Numbers and statuses stay on one line; titles wrap.
  table: {
    '& th, & td:not(:nth-child(2))': { whiteSpace: 'nowrap' },
  },
});

/** The top of the ranked backlog across every platform team. */
export function OrgBacklog(props: { overview: OrgOverview }) {
  const { backlog, backlogTotal, teams } = props.overview;
  const classes = useStyles();
  const teamName = teamNamer(teams);
  if (backlog.length === 0) {
    return (
      <NothingHere>
        No open, triaged or planned requests in any platform team's backlog.
      </NothingHere>
    );
  }
  return (
    <>
      <Paper variant="outlined" style={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label="Org-wide backlog"
          className={classes.table}
        >
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>Request</TableCell>
              <TableCell>Platform team</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Teams impacted</TableCell>
              <TableCell align="right">Score</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {backlog.map(({ rank, request, teamsImpacted, score }) => (
              <TableRow key={request.id}>
                <TableCell>{rank}</TableCell>
                <TableCell>
                  <Typography variant="body2">{request.title}</Typography>
                  {teamsImpacted.strongSignal && (
                    <Chip
                      size="small"
                      color="secondary"
                      label={`Strong signal: ${teamsImpacted.askingTeamCount} teams asking`}
                    />
                  )}
                </TableCell>
                <TableCell>{teamName(request.platformTeamRef)}</TableCell>
                <TableCell>{STATUS_LABELS[request.status]}</TableCell>
                <TableCell align="right">
                  {countTeamsImpacted(teamsImpacted)}
                </TableCell>
                <TableCell
                  align="right"
                  title={score.parts
                    .map(part => `${part.factor}: ${part.points}`)
                    .join(', ')}
                >
                  <strong>{score.total}</strong>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Box mt={1}>
        <Typography variant="body2" color="textSecondary">
          Showing {backlog.length} of {backlogTotal} open, triaged and planned
          requests; each team's Roadmap tab has its full backlog and how every
          score adds up.
        </Typography>
      </Box>
    </>
  );
}
