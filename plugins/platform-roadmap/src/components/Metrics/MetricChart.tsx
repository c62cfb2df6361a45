import { useId, useState } from 'react';
import { MetricPoint } from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  dateTimeOf,
  dayOf,
  formatValue,
  metricSummary,
  sourceLabel,
} from './labels';

/** The drawing's own units; the svg scales to the width it is given. */
const WIDTH = 600;
const HEIGHT = 160;
const MARGIN = { top: 12, right: 12, bottom: 24, left: 64 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

/** The value range drawn: the values' own, widened when they are all equal. */
function valueRange(values: number[]): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (low !== high) return [low, high];
  const pad = Math.abs(low) / 10 || 1;
  return [low - pad, high + pad];
}

/**
 * A metric's values over time as a line, from the first to the latest,
 * with the lowest and highest value on the axis. The numbers behind it are
 * in a table under "Show data".
 */
export function MetricChart(props: {
  /** The metric's name, e.g. "p99 CI build time". */
  name: string;
  unit: string;
  /** Oldest first. */
  points: MetricPoint[];
}) {
  const { name, unit, points } = props;
  const theme = useTheme();
  const tableId = useId();
  const [showData, setShowData] = useState(false);
  const summary = metricSummary(name, unit, points);

  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) {
    return (
      <Typography variant="body2" color="textSecondary">
        No values recorded yet.
      </Typography>
    );
  }

  const start = Date.parse(first.at);
  const span = Math.max(Date.parse(last.at) - start, 1);
  const [low, high] = valueRange(points.map(p => p.value));
  // A single point sits in the middle rather than on the axis.
  const x = (at: string) =>
    points.length === 1
      ? MARGIN.left + PLOT_WIDTH / 2
      : MARGIN.left + ((Date.parse(at) - start) / span) * PLOT_WIDTH;
  const y = (value: number) =>
    MARGIN.top + PLOT_HEIGHT - ((value - low) / (high - low)) * PLOT_HEIGHT;
  const bottom = MARGIN.top + PLOT_HEIGHT;
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'} ${x(p.at)} ${y(p.value)}`)
    .join(' ');
  const color = theme.palette.primary.main;
  const muted = theme.palette.text.secondary;
  const values = points.map(p => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);

  return (
    <Box mt={1}>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH, display: 'block' }}
        fontSize={12}
        fontFamily={theme.typography.fontFamily}
      >
        {/* Axes, labelled with the highest and lowest value */}
        <line
          x1={MARGIN.left}
          x2={MARGIN.left}
          y1={MARGIN.top}
          y2={bottom}
          stroke={theme.palette.divider}
        />
        <line
          x1={MARGIN.left}
          x2={MARGIN.left + PLOT_WIDTH}
          y1={bottom}
          y2={bottom}
          stroke={theme.palette.divider}
        />
        <text x={MARGIN.left - 6} y={y(max) + 4} textAnchor="end" fill={muted}>
          {formatValue(max, unit)}
        </text>
        {min !== max && (
          <text x={MARGIN.left - 6} y={y(min)} textAnchor="end" fill={muted}>
            {formatValue(min, unit)}
          </text>
        )}
        <text x={MARGIN.left} y={HEIGHT - 6} fill={muted}>
          {dayOf(first.at)}
        </text>
        {points.length > 1 && (
          <text
            x={MARGIN.left + PLOT_WIDTH}
            y={HEIGHT - 6}
            textAnchor="end"
            fill={muted}
          >
            {dayOf(last.at)}
          </text>
        )}

        <path d={line} fill="none" stroke={color} strokeWidth={2} />
        <circle cx={x(last.at)} cy={y(last.value)} r={3.5} fill={color} />
      </svg>
      <Button
        size="small"
        aria-expanded={showData}
        aria-controls={showData ? tableId : undefined}
        onClick={() => setShowData(!showData)}
      >
        {showData ? 'Hide data' : 'Show data'}
      </Button>
      {showData && (
        <Table id={tableId} size="small">
          <caption>Values of {name}, oldest first</caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Measured
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Value ({unit})
              </TableCell>
              <TableCell component="th" scope="col">
                Note
              </TableCell>
              <TableCell component="th" scope="col">
                Posted by
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {points.map(point => (
              <TableRow key={point.id}>
                <TableCell component="th" scope="row">
                  {dateTimeOf(point.at)}
                </TableCell>
                <TableCell align="right">
                  {Number(point.value.toFixed(2))}
                </TableCell>
                <TableCell>{point.note}</TableCell>
                <TableCell>{sourceLabel(point.source)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
