import {
  CapacityBudget,
  CAPACITY_DISCIPLINES,
  periodLabel,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/Warning';
import {
  DISCIPLINE_COLORS,
  DISCIPLINE_DETAILS,
  DISCIPLINE_LABELS,
  percentLabel,
  sharesSummary,
  zeroWarning,
} from './labels';

/** Shares narrower than this carry no number inside the bar. */
const MIN_LABELLED_SHARE = 8;

// Printers drop background colours unless told to keep them.
const keepColors = {
  WebkitPrintColorAdjust: 'exact',
  printColorAdjust: 'exact',
} as const;

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    height: 32,
    borderRadius: theme.shape.borderRadius,
    overflow: 'hidden',
    border: `1px solid ${theme.palette.divider}`,
  },
  segment: {
    ...keepColors,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: theme.typography.caption.fontSize,
    fontWeight: theme.typography.fontWeightBold as number,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
  legend: {
    listStyle: 'none',
    margin: theme.spacing(1, 0, 0),
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1, 3),
  },
  legendItem: {
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(1),
  },
  swatch: {
    ...keepColors,
    display: 'inline-block',
    width: 12,
    height: 12,
    borderRadius: 2,
    flexShrink: 0,
    alignSelf: 'center',
  },
  warnings: {
    marginTop: theme.spacing(1),
    color: theme.palette.warning.dark,
  },
  warning: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
}));

/**
 * A capacity budget as a 100 % stacked bar with a legend of every share,
 * and a warning for each discipline left at 0 %. Read-only.
 *
 * @public
 */
export function CapacityBar({ budget }: { budget: CapacityBudget }) {
  const classes = useStyles();
  const zero = CAPACITY_DISCIPLINES.filter(d =>
    budget.zeroDisciplines.includes(d),
  );
  return (
    <Box>
      <div
        role="img"
        aria-label={`Capacity budget for ${periodLabel(
          budget.quarter,
        )}: ${sharesSummary(budget)}`}
        className={classes.bar}
      >
        {CAPACITY_DISCIPLINES.filter(d => budget.shares[d] > 0).map(d => (
          <div
            key={d}
            className={classes.segment}
            style={{
              width: `${budget.shares[d]}%`,
              backgroundColor: DISCIPLINE_COLORS[d].background,
              color: DISCIPLINE_COLORS[d].text,
            }}
            title={`${DISCIPLINE_LABELS[d]}: ${percentLabel(budget.shares[d])}`}
          >
            {budget.shares[d] >= MIN_LABELLED_SHARE &&
              percentLabel(budget.shares[d])}
          </div>
        ))}
      </div>
      <ul className={classes.legend} aria-label="Capacity budget legend">
        {CAPACITY_DISCIPLINES.map(d => (
          <li key={d} className={classes.legendItem}>
            <span
              className={classes.swatch}
              style={{ backgroundColor: DISCIPLINE_COLORS[d].background }}
              aria-hidden
            />
            <Typography variant="body2" component="span">
              <strong>{DISCIPLINE_LABELS[d]}</strong>{' '}
              {percentLabel(budget.shares[d])}{' '}
              <Typography
                variant="caption"
                color="textSecondary"
                component="span"
              >
                ({DISCIPLINE_DETAILS[d]})
              </Typography>
            </Typography>
          </li>
        ))}
      </ul>
      {zero.length > 0 && (
        <div role="alert" className={classes.warnings}>
          {zero.map(d => (
            <Typography
              key={d}
              variant="body2"
              className={classes.warning}
              color="inherit"
            >
              <WarningIcon fontSize="small" aria-hidden />
              {zeroWarning(d)}
            </Typography>
          ))}
        </div>
      )}
    </Box>
  );
}
