import { ElementType, ReactNode, useId } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  KeyResult,
  periodLabel,
  Theme,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import {
  CATEGORY_LABELS,
  KeyResultProgress,
  THEME_STATUS_LABELS,
} from '../KeyResultProgress';

/**
 * One theme as shown on an entity page: its title, category, status,
 * period and outcome, then `children` (e.g. why it concerns the entity) and
 * its key results as progress bars. A region named after the theme.
 */
export function ThemeSummary(props: {
  theme: Theme;
  keyResults: KeyResult[];
  /** The heading element of the theme's title. */
  headingComponent?: ElementType;
  children?: ReactNode;
}) {
  const { theme, keyResults, headingComponent = 'h3', children } = props;
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} mb={3}>
      <Box display="flex" alignItems="center" flexWrap="wrap">
        <Typography id={headingId} variant="h6" component={headingComponent}>
          {theme.title}
        </Typography>
        <Box ml={1}>
          <Chip
            size="small"
            variant="outlined"
            label={CATEGORY_LABELS[theme.category]}
          />
        </Box>
        <Box ml={1}>
          <Chip
            size="small"
            color={theme.status === 'in-progress' ? 'primary' : 'default'}
            label={THEME_STATUS_LABELS[theme.status]}
          />
        </Box>
        <Box ml={1}>
          <Typography variant="caption" color="textSecondary">
            {periodLabel(theme.period)}
          </Typography>
        </Box>
      </Box>
      <Typography variant="body2" paragraph>
        Outcome: {theme.outcome}
      </Typography>
      {children}
      {keyResults.length > 0 ? (
        keyResults.map(kr => <KeyResultProgress key={kr.id} keyResult={kr} />)
      ) : (
        <Typography variant="caption" color="textSecondary" component="p">
          No key results yet.
        </Typography>
      )}
    </Box>
  );
}
