import { ReactNode, useId, useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import {
  periodLabel,
  SurveyResponse,
  SurveySummary,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformRoadmapApiRef } from '../../api';
import { averageLabel, ratingsLabel, SCORE_LABELS, SCORES } from './labels';
import { RatingForm } from './RatingForm';

const useStyles = makeStyles(theme => ({
  track: {
    flexGrow: 1,
    height: 12,
    marginRight: theme.spacing(1),
    backgroundColor: theme.palette.action.hover,
    borderRadius: 2,
  },
  bar: {
    height: '100%',
    backgroundColor: theme.palette.primary.main,
    borderRadius: 2,
  },
  barCell: { width: '60%' },
}));

/** How many rated 5, 4, … 1, as bars with the numbers beside them. */
function Distribution(props: { summary: SurveySummary }) {
  const { distribution, count, period } = props.summary;
  const classes = useStyles();
  return (
    <Table size="small">
      <caption>Ratings by score in {periodLabel(period)}</caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            Score
          </TableCell>
          <TableCell component="th" scope="col" className={classes.barCell}>
            Ratings
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...SCORES].reverse().map(score => {
          const n = distribution[score - 1];
          const percent = count ? Math.round((n / count) * 100) : 0;
          return (
            <TableRow key={score}>
              <TableCell component="th" scope="row">
                {score} – {SCORE_LABELS[score]}
              </TableCell>
              <TableCell className={classes.barCell}>
                <Box display="flex" alignItems="center">
                  <div className={classes.track} aria-hidden>
                    <div
                      className={classes.bar}
                      style={{ width: `${percent}%` }}
                    />
                  </div>
                  <Typography variant="body2" component="span" noWrap>
                    {n} ({percent}%)
                  </Typography>
                </Box>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The average of each quarter, oldest first, ending with this one. */
function Trend(props: { summary: SurveySummary }) {
  const { trend, period } = props.summary;
  const headingId = useId();
  return (
    <Box mt={2}>
      <Typography variant="subtitle1" component="h3" id={headingId}>
        Over the last quarters
      </Typography>
      <List dense aria-labelledby={headingId}>
        {trend.map(point => (
          <ListItem key={point.period} disableGutters>
            <ListItemText
              primary={`${periodLabel(point.period)}${
                point.period === period ? ' (this quarter)' : ''
              }: ${
                point.average === undefined
                  ? 'no ratings'
                  : `${averageLabel(point.average)} from ${ratingsLabel(
                      point.count,
                    )}`
              }`}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

/** What consumers wrote; only the team's members get them. */
function Comments(props: { comments: NonNullable<SurveySummary['comments']> }) {
  const { comments } = props;
  const headingId = useId();
  return (
    <Box mt={2}>
      <Typography variant="subtitle1" component="h3" id={headingId}>
        Comments ({comments.length})
      </Typography>
      <Typography variant="caption" color="textSecondary" component="p">
        Only the team's members see them.
      </Typography>
      {comments.length === 0 ? (
        <Typography variant="body2">No comments this quarter.</Typography>
      ) : (
        <List dense aria-labelledby={headingId}>
          {comments.map(c => (
            <ListItem
              key={`${c.respondentTeamRef}-${c.createdAt}`}
              disableGutters
              alignItems="flex-start"
            >
              <ListItemText
                primary={c.comment}
                secondaryTypographyProps={{ component: 'div' }}
                secondary={
                  <>
                    {c.score} / 5 from{' '}
                    <EntityRefLink entityRef={c.respondentTeamRef} /> on{' '}
                    {c.createdAt.slice(0, 10)}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}

/**
 * How satisfied a platform team's consumers are: this quarter's average
 * and distribution of 1–5 ratings, the trend over the last quarters, the
 * comments (for the team's members), and for people in a consuming team a
 * form to rate the team once a quarter.
 *
 * @public
 */
export function SatisfactionCard({ teamRef }: { teamRef: string }) {
  const api = useApi(platformRoadmapApiRef);
  const { primaryTitle: teamName } = useEntityPresentation(teamRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getSurvey(teamRef),
    [api, teamRef],
  );
  // The rating just sent, until the survey is loaded again with it.
  const [rated, setRated] = useState<SurveyResponse>();

  let content: ReactNode;
  if (loading && !value) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (value) {
    const mine = value.mine ?? rated;
    const quarter = periodLabel(value.period);
    content = (
      <>
        {value.count > 0 && value.average !== undefined ? (
          <>
            <Typography variant="h4" component="p">
              {averageLabel(value.average)}
            </Typography>
            <Typography variant="body2" color="textSecondary" paragraph>
              Average of {ratingsLabel(value.count)} in {quarter}
            </Typography>
            <Distribution summary={value} />
          </>
        ) : (
          <Typography variant="body1">No ratings yet this quarter.</Typography>
        )}
        {value.trend.length > 1 && <Trend summary={value} />}
        {value.comments && <Comments comments={value.comments} />}
        {mine && (
          <Box mt={2}>
            <Typography variant="body1">
              You rated {mine.score} / 5 for {periodLabel(mine.period)}.
            </Typography>
            {mine.comment && (
              <Typography variant="body2" color="textSecondary">
                Your comment: {mine.comment}
              </Typography>
            )}
          </Box>
        )}
        {!mine && value.respondAs.length > 0 && (
          <RatingForm
            teamRef={teamRef}
            teamName={teamName}
            period={value.period}
            respondAs={value.respondAs}
            onRated={response => {
              setRated(response);
              retry();
            }}
            onReload={retry}
          />
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Consumer satisfaction"
      subheader="How consuming teams rate the platform, from 1 to 5, each quarter"
    >
      {content}
    </InfoCard>
  );
}
