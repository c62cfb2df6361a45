import { useId, useState } from 'react';
import {
  BurnDownPoint,
  daysBetween,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';

/** The drawing's own units; the svg scales to the width it is given. */
const WIDTH = 600;
const HEIGHT = 180;
const MARGIN = { top: 36, right: 12, bottom: 24, left: 36 };
/** Baselines of the marker labels, above the plot. */
const SUNSET_LABEL_Y = 12;
const TODAY_LABEL_Y = 28;
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
/** Room an axis date label takes, so two do not overlap. */
const DATE_LABEL_WIDTH = 80;

/**
 * "Remaining consumers of Build cache v1: 7 on 2026-09-01, 4 today; sunset
 * 2026-12-31": what the chart shows, for screen readers.
 */
export function burnDownSummary(
  name: string,
  burnDown: BurnDownPoint[],
  sunsetOn: string,
  today: string = utcToday(),
): string {
  const first = burnDown[0];
  const last = burnDown[burnDown.length - 1];
  let counts = 'no counts yet';
  if (first && last) {
    const latest = `${last.consumerCount} ${
      last.day === today ? 'today' : `on ${last.day}`
    }`;
    counts =
      burnDown.length > 1
        ? `${first.consumerCount} on ${first.day}, ${latest}`
        : latest;
  }
  return `Remaining consumers of ${name}: ${counts}; sunset ${sunsetOn}`;
}

/**
 * Today as the snapshots count days (UTC): the last point is labelled
 * "Today" only when the snapshot task has recorded today.
 */
function utcToday() {
  return new Date().toISOString().slice(0, 10);
}

/** Anchors a label left of a line on the right half, right of it otherwise. */
function beside(x: number): { x: number; textAnchor: 'start' | 'end' } {
  const right = x > MARGIN.left + PLOT_WIDTH / 2;
  return { x: right ? x - 4 : x + 4, textAnchor: right ? 'end' : 'start' };
}

/**
 * The remaining consumers of a deprecated entity per day, as a step line
 * from the first snapshot to the sunset (or today, once it has passed), with
 * dashed markers at today and at the sunset. The numbers behind it are in a
 * table under "Show data".
 */
export function BurnDownChart(props: {
  /** What is deprecated, e.g. "Build cache v1". */
  name: string;
  /** Oldest first, one point per snapshot day. */
  burnDown: BurnDownPoint[];
  sunsetOn: string;
  /** `YYYY-MM-DD` (UTC); defaults to now. */
  today?: string;
}) {
  const { name, burnDown, sunsetOn } = props;
  const currentDay = props.today ?? utcToday();
  const theme = useTheme();
  const tableId = useId();
  const [showData, setShowData] = useState(false);
  const summary = burnDownSummary(name, burnDown, sunsetOn, currentDay);

  const first = burnDown[0];
  const last = burnDown[burnDown.length - 1];
  if (!first || !last) {
    return (
      <Typography variant="body2" color="textSecondary">
        No consumer counts recorded yet.
      </Typography>
    );
  }

  const today = last.day;
  const span = Math.max(
    daysBetween(first.day, sunsetOn),
    daysBetween(first.day, today),
    1,
  );
  const maxCount = Math.max(...burnDown.map(p => p.consumerCount), 1);
  const x = (day: string) =>
    MARGIN.left +
    (Math.max(daysBetween(first.day, day), 0) / span) * PLOT_WIDTH;
  const y = (count: number) =>
    MARGIN.top + PLOT_HEIGHT - (count / maxCount) * PLOT_HEIGHT;
  const bottom = MARGIN.top + PLOT_HEIGHT;

  const line = burnDown
    .map((point, index) =>
      index === 0
        ? `M ${x(point.day)} ${y(point.consumerCount)}`
        : `H ${x(point.day)} V ${y(point.consumerCount)}`,
    )
    .join(' ');
  const area = `${line} V ${bottom} H ${x(first.day)} Z`;

  const todayX = x(today);
  const sunsetX = x(sunsetOn);
  const todayLabel = beside(todayX);
  const sunsetLabel = beside(sunsetX);
  const color = theme.palette.primary.main;
  const muted = theme.palette.text.secondary;
  const sunsetColor = theme.palette.error.main;

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
        {/* Axes */}
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
        <text
          x={MARGIN.left - 6}
          y={MARGIN.top + 4}
          textAnchor="end"
          fill={muted}
        >
          {maxCount}
        </text>
        <text x={MARGIN.left - 6} y={bottom} textAnchor="end" fill={muted}>
          0
        </text>
        <text x={MARGIN.left} y={HEIGHT - 6} fill={muted}>
          {first.day}
        </text>
        {sunsetX - MARGIN.left >= DATE_LABEL_WIDTH && (
          <text
            x={sunsetX}
            y={HEIGHT - 6}
            textAnchor={
              sunsetX > MARGIN.left + PLOT_WIDTH - DATE_LABEL_WIDTH / 2
                ? 'end'
                : 'middle'
            }
            fill={muted}
          >
            {sunsetOn}
          </text>
        )}

        {/* Remaining consumers */}
        <path d={area} fill={color} fillOpacity={0.12} stroke="none" />
        <path d={line} fill="none" stroke={color} strokeWidth={2} />
        <circle cx={todayX} cy={y(last.consumerCount)} r={3.5} fill={color} />

        {/* Markers */}
        <line
          x1={sunsetX}
          x2={sunsetX}
          y1={SUNSET_LABEL_Y - 10}
          y2={bottom}
          stroke={sunsetColor}
          strokeDasharray="4 3"
        />
        <text
          x={sunsetLabel.x}
          y={SUNSET_LABEL_Y}
          textAnchor={sunsetLabel.textAnchor}
          fill={sunsetColor}
        >
          Sunset
        </text>
        <line
          x1={todayX}
          x2={todayX}
          y1={TODAY_LABEL_Y - 10}
          y2={bottom}
          stroke={muted}
          strokeDasharray="2 3"
        />
        <text
          x={todayLabel.x}
          y={TODAY_LABEL_Y}
          textAnchor={todayLabel.textAnchor}
          fill={muted}
        >
          {last.day === currentDay ? 'Today' : last.day} ({last.consumerCount})
        </text>
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
          <caption>Remaining consumers of {name} by day</caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Day
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Consumers
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Teams
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {burnDown.map(point => (
              <TableRow key={point.day}>
                <TableCell component="th" scope="row">
                  {point.day}
                  {point === last && point.day === currentDay && ' (today)'}
                </TableCell>
                <TableCell align="right">{point.consumerCount}</TableCell>
                <TableCell align="right">{point.teamCount}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
