import { ReactNode } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ContactChannel,
  ContactKind,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChatIcon from '@material-ui/icons/Chat';
import EventIcon from '@material-ui/icons/Event';
import MailIcon from '@material-ui/icons/Mail';
import useAsync from 'react-use/esm/useAsync';
import { platformRoadmapApiRef } from '../../api';
import { WebLink } from '../UserContent';
import { CONTACT_KIND_LABELS } from './labels';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  icon: { color: theme.palette.text.secondary, marginTop: 2 },
}));

const ICONS: Record<ContactKind, typeof ChatIcon> = {
  'office-hours': EventIcon,
  chat: ChatIcon,
  newsletter: MailIcon,
};

/**
 * One way of reaching a team: its kind, then its title (a link when it has
 * a web address) and its words.
 */
function ChannelItem({ channel }: { channel: ContactChannel }) {
  const classes = useStyles();
  const Icon = ICONS[channel.kind];
  const kind = CONTACT_KIND_LABELS[channel.kind];
  return (
    <li className={classes.item}>
      <Icon fontSize="small" className={classes.icon} aria-hidden />
      <Typography variant="body2" component="span">
        <strong>{kind}:</strong>{' '}
        <WebLink url={channel.url}>{channel.title}</WebLink>
        {channel.text && ` — ${channel.text}`}
      </Typography>
    </li>
  );
}

/** The channels of a team as a list, in the order they are given. */
function ContactChannelList(props: {
  channels: ContactChannel[];
  label: string;
}) {
  const classes = useStyles();
  return (
    <ul className={classes.list} aria-label={props.label}>
      {props.channels.map(channel => (
        <ChannelItem
          key={`${channel.kind}:${channel.url ?? ''}:${channel.title}`}
          channel={channel}
        />
      ))}
    </ul>
  );
}

/**
 * "How to reach <team>": the team's office hours, chat channel and
 * newsletter, each a link when it has a URL. Renders nothing when the team
 * has none.
 *
 * @public
 */
export function ContactChannels(props: {
  channels: ContactChannel[];
  /** The team's name; "the team" when absent. */
  teamName?: string;
  /** The level of the block's heading (default 3). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}) {
  const { channels, teamName, headingLevel = 3 } = props;
  if (channels.length === 0) return null;
  const title = `How to reach ${teamName ?? 'the team'}`;
  return (
    <section aria-label={title}>
      <Typography variant="subtitle2" component={`h${headingLevel}`}>
        {title}
      </Typography>
      <ContactChannelList channels={channels} label={title} />
    </section>
  );
}

/**
 * An entity card with the ways to reach a platform team, read from its
 * Group entity; explains the convention when there are none.
 *
 * @public
 */
export function ContactCard({ teamRef }: { teamRef: string }) {
  const api = useApi(platformRoadmapApiRef);
  const { value, loading, error } = useAsync(
    () => api.getTeam(teamRef),
    [api, teamRef],
  );

  let content: ReactNode;
  if (loading) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (value) {
    const channels = value.contact ?? [];
    const name = value.team.title ?? value.team.name;
    content =
      channels.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No office hours, chat channel or newsletter yet. Add links of type
          office-hours, chat or newsletter to the team's Group entity, or the
          annotations platform-roadmap/office-hours, platform-roadmap/chat or
          platform-roadmap/newsletter, and they appear here.
        </Typography>
      ) : (
        <ContactChannelList
          channels={channels}
          label={`How to reach ${name}`}
        />
      );
  }

  return (
    <InfoCard
      title="How to reach us"
      subheader="Office hours, chat and the newsletter"
    >
      {content}
    </InfoCard>
  );
}
