import { ReactNode, useState } from 'react';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  platformRoadmapTeamManagePermission,
  Stakeholder,
  STAKEHOLDER_KINDS,
  StakeholdersResponse,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MuiLink from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformRoadmapApiRef } from '../../api';
import {
  dependsLabel,
  isEmail,
  isUrl,
  STAKEHOLDER_KIND_LABELS,
} from './labels';
import { StakeholderDialog } from './StakeholderDialog';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(2) },
  plain: { listStyle: 'none', margin: 0, padding: 0 },
  item: { marginBottom: theme.spacing(1.5) },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 8 },
  notes: { whiteSpace: 'pre-wrap' },
}));

/** What a dialog is open for: a new stakeholder, or one to edit. */
type Editing = { stakeholder?: Stakeholder };

function Contact({ contact }: { contact: string }) {
  if (isUrl(contact)) return <Link to={contact}>{contact}</Link>;
  if (isEmail(contact)) {
    // A plain link: mail opens in the mail client, not a new window.
    return <MuiLink href={`mailto:${contact.trim()}`}>{contact}</MuiLink>;
  }
  return <>{contact}</>;
}

function ConsumingTeams({ data }: { data: StakeholdersResponse }) {
  const classes = useStyles();
  const teams = data.consumingTeams;
  return (
    <section aria-labelledby="stakeholders-consuming">
      <Typography id="stakeholders-consuming" variant="h6" component="h3">
        Consuming teams ({teams.length})
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        From the catalog: the teams owning entities that depend on the team's
        platform entities or consume its APIs.
      </Typography>
      {teams.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No team depends on the platform yet.
        </Typography>
      ) : (
        <ul className={classes.list} aria-label="Consuming teams">
          {teams.map(({ team, entityCount }) => (
            <li key={team.entityRef}>
              <Typography variant="body2" component="span">
                <EntityRefLink
                  entityRef={team.entityRef}
                  title={team.title ?? team.name}
                />{' '}
                — {dependsLabel(entityCount)}
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ExplicitStakeholders(props: {
  data: StakeholdersResponse;
  canManage: boolean;
  edit: (editing: Editing) => void;
}) {
  const { data, canManage, edit } = props;
  const classes = useStyles();
  const groups = STAKEHOLDER_KINDS.map(kind => ({
    kind,
    items: data.explicit
      .filter(s => s.kind === kind)
      .sort((a, b) => a.name.localeCompare(b.name)),
  })).filter(group => group.items.length > 0);

  return (
    <section aria-labelledby="stakeholders-explicit">
      <Box mt={3} className={classes.row}>
        <Typography id="stakeholders-explicit" variant="h6" component="h3">
          Also answering to
        </Typography>
        <Box flexGrow={1} />
        {canManage && data.explicit.length > 0 && (
          <Button
            size="small"
            color="primary"
            variant="outlined"
            onClick={() => edit({})}
          >
            Add stakeholder
          </Button>
        )}
      </Box>
      {groups.length === 0 ? (
        <EmptyState
          missing="content"
          title="Nobody written down yet"
          description="Write the list explicitly: the leadership chain that funds the team, compliance, security, finance, and any vendors or customers using its APIs. You will refer to it when prioritizing."
          action={
            canManage ? (
              <Button
                variant="contained"
                color="primary"
                onClick={() => edit({})}
              >
                Add the first stakeholder
              </Button>
            ) : undefined
          }
        />
      ) : (
        groups.map(({ kind, items }) => {
          const headingId = `stakeholders-kind-${kind}`;
          return (
            <section key={kind} aria-labelledby={headingId}>
              <Box mt={2} mb={1}>
                <Typography id={headingId} variant="subtitle1" component="h4">
                  {STAKEHOLDER_KIND_LABELS[kind]}
                </Typography>
              </Box>
              <ul className={classes.plain} aria-labelledby={headingId}>
                {items.map(s => (
                  <li key={s.id} className={classes.item}>
                    <Box className={classes.row}>
                      <Typography variant="body1" component="span">
                        <strong>{s.name}</strong>
                      </Typography>
                      {s.entityRef && <EntityRefLink entityRef={s.entityRef} />}
                      {canManage && (
                        <Button
                          size="small"
                          aria-label={`Edit stakeholder: ${s.name}`}
                          onClick={() => edit({ stakeholder: s })}
                        >
                          Edit
                        </Button>
                      )}
                    </Box>
                    {s.contact && (
                      <Typography variant="body2">
                        Contact: <Contact contact={s.contact} />
                      </Typography>
                    )}
                    {s.notes && (
                      <Typography
                        variant="body2"
                        color="textSecondary"
                        className={classes.notes}
                      >
                        {s.notes}
                      </Typography>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
    </section>
  );
}

/**
 * Who a platform team answers to: the consuming teams, computed from the
 * catalog, and the list it writes down itself (the leadership that funds
 * it, compliance, security, finance, vendors, API customers). Members add
 * and edit the list from here.
 *
 * @public
 */
export function StakeholdersCard({ teamRef }: { teamRef: string }) {
  const api = useApi(platformRoadmapApiRef);
  const { allowed: canManage } = usePermission({
    permission: platformRoadmapTeamManagePermission,
    resourceRef: teamRef,
  });
  const [editing, setEditing] = useState<Editing>();
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getStakeholders(teamRef),
    [api, teamRef],
  );

  let content: ReactNode;
  if (loading && !value) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (value) {
    content = (
      <>
        <ConsumingTeams data={value} />
        <ExplicitStakeholders
          data={value}
          canManage={canManage}
          edit={setEditing}
        />
      </>
    );
  }

  return (
    <InfoCard
      title="Stakeholders"
      subheader="Who the team answers to, to refer to when prioritizing"
    >
      {content}
      {editing && (
        <StakeholderDialog
          teamRef={teamRef}
          stakeholder={editing.stakeholder}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            retry();
          }}
        />
      )}
    </InfoCard>
  );
}
