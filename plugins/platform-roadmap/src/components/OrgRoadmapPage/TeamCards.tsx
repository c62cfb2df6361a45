import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  ContactChannel,
  OrgOverview,
  periodLabel,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { WebLink } from '../UserContent';
import { plural, satisfactionLabel } from './labels';

const useStyles = makeStyles(theme => ({
  card: { height: '100%' },
  list: { margin: 0, paddingLeft: theme.spacing(2) },
  numbers: {
    listStyle: 'none',
    margin: theme.spacing(1, 0),
    padding: 0,
  },
}));

type TeamOverview = OrgOverview['teams'][number];

/** "Office hours: Tuesdays 14:00", the title a link when there is a URL. */
function Channel({ channel }: { channel: ContactChannel }) {
  return (
    <li>
      <Typography variant="body2">
        <WebLink url={channel.url}>{channel.title}</WebLink>
        {channel.text && `: ${channel.text}`}
      </Typography>
    </li>
  );
}

function TeamCard(props: { item: TeamOverview; period: string }) {
  const { item, period } = props;
  const { team, contact, satisfaction } = item;
  const classes = useStyles();
  const entityRoute = useRouteRef(entityRouteRef);
  const name = team.title ?? team.name;
  const headingId = `org-roadmap-team-${team.namespace}-${team.name}`;
  const roadmapLink = `${entityRoute(
    entityRouteParams(team.entityRef, { encodeParams: true }),
  )}/roadmap`;
  return (
    <Card
      variant="outlined"
      component="article"
      aria-labelledby={headingId}
      className={classes.card}
    >
      <CardContent>
        <Typography id={headingId} variant="h6" component="h3">
          <Link to={roadmapLink}>{name}</Link>
        </Typography>
        {team.description && (
          <Typography variant="body2" color="textSecondary">
            {team.description}
          </Typography>
        )}
        <ul className={classes.numbers} aria-label={`${name} in numbers`}>
          <li>
            <Typography variant="body2">
              {plural(item.consumingTeamCount, 'consuming team')}
            </Typography>
          </li>
          <li>
            <Typography variant="body2">
              {plural(item.themeCount, 'theme')} in {periodLabel(period)}
            </Typography>
          </li>
          <li>
            <Typography variant="body2">
              {plural(item.activeDeprecationCount, 'active deprecation')}
            </Typography>
          </li>
          {satisfaction && satisfaction.count > 0 && (
            <li>
              <Typography variant="body2">
                Satisfaction:{' '}
                {satisfactionLabel(satisfaction.average, satisfaction.count)}
              </Typography>
            </li>
          )}
        </ul>
        {contact.length > 0 && (
          <>
            <Typography variant="subtitle2" component="h4">
              Contact
            </Typography>
            <ul className={classes.list} aria-label={`Contact ${name}`}>
              {contact.map(channel => (
                <Channel
                  key={`${channel.kind} ${channel.title}`}
                  channel={channel}
                />
              ))}
            </ul>
          </>
        )}
      </CardContent>
    </Card>
  );
}

/** One card per platform team; its name opens the team's Roadmap tab. */
export function TeamCards(props: { overview: OrgOverview }) {
  const { teams, period } = props.overview;
  return (
    <Grid container spacing={2}>
      {teams.map(item => (
        <Grid key={item.team.entityRef} item xs={12} sm={6} md={4}>
          <TeamCard item={item} period={period} />
        </Grid>
      ))}
    </Grid>
  );
}
