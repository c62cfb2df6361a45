import { OrgOverview } from '@platform-roadmap/plugin-platform-roadmap-common';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { NothingHere } from './Section';
import {
  formatMetricValue,
  MetricChange,
  metricChange,
  teamNamer,
} from './labels';

const useStyles = makeStyles(theme => ({
  better: { color: theme.palette.success.main },
  worse: { color: theme.palette.error.main },
  'no change': { color: theme.palette.text.secondary },
  // Read by screen readers, not shown.
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

type MetricRow = OrgOverview['metrics'][number];

const ARROWS: Record<MetricChange['movement'], string> = {
  up: '↑',
  down: '↓',
  none: '→',
};

/** "↓ 1.5 min, better" and where it came from. */
function Change(props: { row: MetricRow }) {
  const { metric, latest, previous } = props.row;
  const classes = useStyles();
  const change = metricChange(metric, latest, previous);
  if (!change) {
    return (
      <Typography variant="body2" color="textSecondary">
        {latest ? 'No earlier value' : '—'}
      </Typography>
    );
  }
  const goal =
    metric.direction === 'increase' ? 'higher is better' : 'lower is better';
  return (
    <>
      <Typography
        variant="body2"
        className={classes[change.verdict]}
        title={`${goal}; was ${change.from}`}
      >
        <span aria-hidden="true">{ARROWS[change.movement]} </span>
        {change.movement !== 'none' && (
          <span className={classes.hidden}>{change.movement} </span>
        )}
        {change.amount && `${change.amount}, `}
        {change.verdict}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        from {change.from}
      </Typography>
    </>
  );
}

/** Every team's metrics: the latest value and how it moved. */
export function MetricsOverview(props: { overview: OrgOverview }) {
  const { metrics, teams } = props.overview;
  const teamName = teamNamer(teams);
  if (metrics.length === 0) {
    return <NothingHere>No metrics recorded yet.</NothingHere>;
  }
  const rows = [...metrics].sort(
    (a, b) =>
      teamName(a.metric.teamRef).localeCompare(
        teamName(b.metric.teamRef),
        'en-US',
      ) || a.metric.name.localeCompare(b.metric.name, 'en-US'),
  );
  return (
    <Paper variant="outlined" style={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Metrics overview">
        <TableHead>
          <TableRow>
            <TableCell>Platform team</TableCell>
            <TableCell>Metric</TableCell>
            <TableCell align="right">Latest</TableCell>
            <TableCell>Change</TableCell>
            <TableCell>Measured on</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => {
            const { metric, latest } = row;
            return (
              <TableRow key={metric.id}>
                <TableCell>{teamName(metric.teamRef)}</TableCell>
                <TableCell title={metric.description || undefined}>
                  {metric.name}
                </TableCell>
                <TableCell align="right">
                  {latest ? (
                    <strong>
                      {formatMetricValue(latest.value, metric.unit)}
                    </strong>
                  ) : (
                    'No data yet'
                  )}
                </TableCell>
                <TableCell>
                  <Change row={row} />
                </TableCell>
                <TableCell>{latest ? latest.at.slice(0, 10) : '—'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}
