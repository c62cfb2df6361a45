import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  KeyResult,
  KeyResultMeasure,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { ReactNode } from 'react';
import { KEY_RESULT_STATUS_LABELS } from './labels';

const useStyles = makeStyles(theme => ({
  bar: { height: 10, borderRadius: 5 },
  track: { position: 'relative' },
  // Where progress should be by now, if it kept pace with time.
  pace: {
    position: 'absolute',
    top: -3,
    width: 2,
    height: 16,
    backgroundColor: theme.palette.text.primary,
  },
  'on-track': { backgroundColor: theme.palette.success.main },
  'at-risk': { backgroundColor: theme.palette.warning.main },
  'off-track': { backgroundColor: theme.palette.error.main },
}));

/** A key result value with its unit, without float noise ("12.5 min"). */
export function formatValue(value: number, unit: string): string {
  return `${Number(value.toFixed(2))} ${unit}`;
}

/** Where a measured key result gets its values from, in a sentence. */
function measureExplanation(measure: KeyResultMeasure): string {
  if (measure.type === 'metric') {
    return 'Follows a metric of the team: every value posted to the metric is recorded as a check-in';
  }
  return `Counted from the catalog: distinct teams owning entities that depend on or consume ${measure.entityRef}`;
}

/**
 * A key result as a bar from baseline through current to target, with its
 * status; the tick marks where progress should be by now.
 */
export function KeyResultProgress(props: {
  keyResult: KeyResult;
  /** Rendered after the title, e.g. edit and check-in buttons. */
  actions?: ReactNode;
}) {
  const { keyResult: kr, actions } = props;
  const classes = useStyles();
  const { progress, elapsed, status, achieved, explanation } = kr.progress;
  const percent = Math.round(progress * 100);
  return (
    <Box mb={2} data-testid={`key-result-${kr.id}`}>
      <Box display="flex" alignItems="center" flexWrap="wrap">
        <Typography variant="body1" component="span">
          {kr.title}
        </Typography>
        <Box ml={1}>
          <Chip
            size="small"
            label={achieved ? 'Achieved' : KEY_RESULT_STATUS_LABELS[status]}
            className={classes[status]}
            style={{ color: 'white' }}
          />
        </Box>
        {kr.measure && (
          <Box ml={1}>
            <Tooltip title={measureExplanation(kr.measure)}>
              <Chip
                size="small"
                variant="outlined"
                label={
                  kr.measure.type === 'metric'
                    ? 'Follows a metric'
                    : 'Measured from catalog'
                }
              />
            </Tooltip>
          </Box>
        )}
        <Box flexGrow={1} />
        {actions}
      </Box>
      <Tooltip title={explanation}>
        <Box className={classes.track} mt={1}>
          <LinearProgress
            variant="determinate"
            value={percent}
            className={classes.bar}
            classes={{ bar: classes[status] }}
            aria-label={`${kr.title}: ${percent}% of the way to target`}
            aria-valuetext={`${formatValue(
              kr.current,
              kr.unit,
            )} of ${formatValue(kr.target, kr.unit)} (${percent}%)`}
          />
          <span
            className={classes.pace}
            style={{ left: `calc(${Math.round(elapsed * 100)}% - 1px)` }}
            aria-hidden
          />
        </Box>
      </Tooltip>
      <Box display="flex" justifyContent="space-between" mt={0.5}>
        <Typography variant="caption" color="textSecondary">
          Baseline {formatValue(kr.baseline, kr.unit)}
        </Typography>
        <Typography variant="caption">
          Now <strong>{formatValue(kr.current, kr.unit)}</strong> · {percent}%
        </Typography>
        <Typography variant="caption" color="textSecondary">
          Target {formatValue(kr.target, kr.unit)} by {kr.dueDate}
        </Typography>
      </Box>
      {kr.guardrail && (
        <Typography variant="caption" color="textSecondary" component="div">
          Guardrail: {kr.guardrail}
        </Typography>
      )}
    </Box>
  );
}
