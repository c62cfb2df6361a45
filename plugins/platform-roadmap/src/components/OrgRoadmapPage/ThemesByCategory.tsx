import {
  OrgOverview,
  periodLabel,
  THEME_CATEGORIES,
  ThemeView,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CATEGORY_LABELS, THEME_STATUS_LABELS } from '../KeyResultProgress';
import { NothingHere } from './Section';
import { teamNamer } from './labels';

const useStyles = makeStyles(theme => ({
  theme: {
    height: '100%',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(2),
  },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 8 },
}));

function ThemeItem(props: { view: ThemeView; teamName: string }) {
  const { view, teamName } = props;
  const { theme } = view;
  const classes = useStyles();
  return (
    <article aria-label={theme.title} className={classes.theme}>
      <Typography variant="subtitle1" component="h4">
        {theme.title}
      </Typography>
      <Box className={classes.row} mb={1}>
        <Typography variant="body2" color="textSecondary" component="span">
          {teamName}
        </Typography>
        <Chip
          size="small"
          color={theme.status === 'deprioritized' ? 'default' : 'primary'}
          label={THEME_STATUS_LABELS[theme.status]}
        />
        <Chip
          size="small"
          variant="outlined"
          label={periodLabel(theme.period)}
        />
      </Box>
      <Typography variant="body2">
        <strong>Outcome:</strong> {theme.outcome}
      </Typography>
      {theme.status === 'deprioritized' && theme.statusReason && (
        <Typography variant="body2" color="textSecondary">
          Why deprioritized: {theme.statusReason}
        </Typography>
      )}
    </article>
  );
}

/** The period's themes of every team, under the outcome they promise. */
export function ThemesByCategory(props: { overview: OrgOverview }) {
  const { themes, teams, period } = props.overview;
  const teamName = teamNamer(teams);
  const categories = THEME_CATEGORIES.map(category => ({
    category,
    views: themes.filter(view => view.theme.category === category),
  })).filter(({ views }) => views.length > 0);
  if (categories.length === 0) {
    return <NothingHere>No themes for {periodLabel(period)}.</NothingHere>;
  }
  return (
    <>
      {categories.map(({ category, views }) => {
        const headingId = `org-roadmap-category-${category}`;
        return (
          <Box
            key={category}
            component="section"
            aria-labelledby={headingId}
            mb={3}
          >
            <Typography id={headingId} variant="h6" component="h3" gutterBottom>
              {CATEGORY_LABELS[category]} ({views.length})
            </Typography>
            <Grid container spacing={2}>
              {views.map(view => (
                <Grid key={view.theme.id} item xs={12} md={6} lg={4}>
                  <ThemeItem
                    view={view}
                    teamName={teamName(view.theme.teamRef)}
                  />
                </Grid>
              ))}
            </Grid>
          </Box>
        );
      })}
    </>
  );
}
