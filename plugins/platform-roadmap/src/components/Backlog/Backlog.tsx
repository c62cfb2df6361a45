import { Fragment, useState } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  countTeamsImpacted,
  platformRoadmapTeamManagePermission,
  RankedRequest,
  REQUEST_STATUSES,
  RequestStatus,
  weeklyHours,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformRoadmapApiRef } from '../../api';
import {
  describeReason,
  IMPACT_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from './labels';
import { ReleaseNoteLink } from '../ReleaseNoteLink';
import { TriageDialog } from './TriageDialog';
import { UserMarkdown } from '../UserContent';

const useStyles = makeStyles({
  // Numbers, statuses and buttons stay on one line; titles wrap.
  table: {
    '& th, & td:not(:nth-child(2)) ': { whiteSpace: 'nowrap' },
  },
});

const OPEN_STATUSES: RequestStatus[] = ['open', 'triaged', 'planned'];
const PAGE_SIZE = 25;

/** The statuses behind the filter's choice ('active', 'all' or one status). */
function statusesFor(choice: string): RequestStatus[] {
  if (choice === 'active') return OPEN_STATUSES;
  if (choice === 'all') return [];
  return [choice as RequestStatus];
}

function Details({ item }: { item: RankedRequest }) {
  const { request } = item;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 32 }} py={1}>
      {(request.description || request.cost.evidence) && (
        <Box minWidth={280} maxWidth={480}>
          <Typography variant="subtitle2">What they said</Typography>
          {request.cost.evidence && (
            <Typography variant="body2">
              Evidence: {request.cost.evidence}
            </Typography>
          )}
          {request.description && (
            <UserMarkdown content={request.description} />
          )}
        </Box>
      )}
      <Box minWidth={280}>
        <Typography variant="subtitle2">
          Teams impacted ({countTeamsImpacted(item.teamsImpacted)})
        </Typography>
        <ul aria-label="Teams impacted" style={{ margin: 0, paddingLeft: 16 }}>
          {item.teamsImpacted.teams.map(t => (
            <li key={t.team.entityRef}>
              <EntityRefLink
                entityRef={t.team.entityRef}
                title={t.team.title}
              />
              : {t.reasons.map(describeReason).join('; ')}
              {t.omittedReasons ? `; and ${t.omittedReasons} more` : ''}
            </li>
          ))}
        </ul>
        {item.teamsImpacted.omittedTeams ? (
          <Typography variant="body2">
            …and {item.teamsImpacted.omittedTeams} more teams
          </Typography>
        ) : null}
        {item.teamsImpacted.orgUnits.length > 0 && (
          <Typography variant="body2" color="textSecondary">
            Across{' '}
            {item.teamsImpacted.orgUnits
              .map(u => `${u.unit.title ?? u.unit.name} (${u.teamCount})`)
              .join(', ')}
          </Typography>
        )}
      </Box>
      <Box minWidth={280}>
        <Typography variant="subtitle2">
          Score {item.score.total}: how it adds up
        </Typography>
        <Table size="small" aria-label="Score breakdown">
          <TableBody>
            {item.score.parts.map(p => (
              <TableRow key={p.factor}>
                <TableCell>{p.factor}</TableCell>
                <TableCell>
                  {p.explanation}
                  {p.assumed ? ' (assumed until triage)' : ''}
                </TableCell>
                <TableCell align="right">{p.points}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {item.request.releaseNoteId && (
        <Box minWidth={280}>
          <Typography variant="subtitle2">Shipped</Typography>
          <Typography variant="body2">
            <ReleaseNoteLink
              teamRef={item.request.platformTeamRef}
              releaseNoteId={item.request.releaseNoteId}
            >
              Read the release note
            </ReleaseNoteLink>
          </Typography>
        </Box>
      )}
      {item.request.statusReason && (
        <Box minWidth={280}>
          <Typography variant="subtitle2">Why</Typography>
          <Typography variant="body2">{item.request.statusReason}</Typography>
          {item.request.revisitOn && (
            <Typography variant="body2" color="textSecondary">
              Revisit on {item.request.revisitOn}
            </Typography>
          )}
        </Box>
      )}
    </Box>
  );
}

/**
 * The platform team's ranked backlog: every request with its teams impacted
 * (and why), its score (and how it adds up); members triage from here.
 */
export function Backlog({ teamRef }: { teamRef: string }) {
  const classes = useStyles();
  const api = useApi(platformRoadmapApiRef);
  const { allowed: canManage } = usePermission({
    permission: platformRoadmapTeamManagePermission,
    resourceRef: teamRef,
  });
  const [statusFilter, setStatusFilter] = useState<string>('active');
  // Pages after the first, loaded with the cursor of the one before.
  const [more, setMore] = useState<{ items: RankedRequest[]; next?: string }>();
  const [expanded, setExpanded] = useState<string>();
  const [triaging, setTriaging] = useState<RankedRequest>();
  const statuses = statusesFor(statusFilter);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    setMore(undefined);
    return api.getBacklog(teamRef, { status: statuses, limit: PAGE_SIZE });
  }, [api, teamRef, statusFilter]);
  const items = [...(value?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.next : value?.nextCursor;
  const [moreError, setMoreError] = useState<Error>();
  async function showMore() {
    try {
      const page = await api.getBacklog(teamRef, {
        status: statuses,
        limit: PAGE_SIZE,
        cursor: nextCursor,
      });
      setMore({
        items: [...(more?.items ?? []), ...page.items],
        next: page.nextCursor,
      });
    } catch (e) {
      setMoreError(e as Error);
    }
  }

  const filter = (
    <TextField
      select
      id="backlog-status-filter"
      label="Status"
      value={statusFilter}
      onChange={e => setStatusFilter(e.target.value)}
      size="small"
      variant="outlined"
      style={{ minWidth: 180 }}
    >
      <MenuItem value="active">Open, triaged, planned</MenuItem>
      <MenuItem value="all">Every status</MenuItem>
      {REQUEST_STATUSES.map(s => (
        <MenuItem key={s} value={s}>
          {STATUS_LABELS[s]}
        </MenuItem>
      ))}
    </TextField>
  );

  let content;
  if (loading && !value) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (!value || items.length === 0) {
    content = (
      <EmptyState
        missing="content"
        title="No requests here"
        description="Consuming teams file requests from their components' pages; they appear here ranked by score."
      />
    );
  } else {
    content = (
      <>
        <Box style={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Backlog" className={classes.table}>
            <TableHead>
              <TableRow>
                <TableCell>#</TableCell>
                <TableCell>Request</TableCell>
                <TableCell>Asked by</TableCell>
                <TableCell align="right">Teams impacted</TableCell>
                <TableCell>Severity</TableCell>
                <TableCell
                  align="right"
                  title="Engineer-hours lost per week, endorsers included"
                >
                  h/week
                </TableCell>
                <TableCell
                  align="right"
                  title="Cost to ship, in engineer-quarters"
                >
                  Ship
                </TableCell>
                <TableCell align="right" title="Strategic fit, 1–5">
                  Fit
                </TableCell>
                <TableCell align="right" title="Reversibility, 1–5">
                  Rev.
                </TableCell>
                <TableCell align="right">Score</TableCell>
                <TableCell>Status</TableCell>
                {canManage && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map(item => {
                const { request, teamsImpacted, score } = item;
                const open = expanded === request.id;
                const hours =
                  weeklyHours(request.cost) +
                  request.endorsements.reduce(
                    (n, e) => n + weeklyHours(e.cost),
                    0,
                  );
                return (
                  <Fragment key={request.id}>
                    <TableRow>
                      <TableCell>{item.rank}</TableCell>
                      <TableCell>
                        <Typography variant="body2">{request.title}</Typography>
                        {teamsImpacted.strongSignal && (
                          <Chip
                            size="small"
                            color="secondary"
                            label={`Strong signal: ${teamsImpacted.askingTeamCount} teams asking`}
                          />
                        )}
                      </TableCell>
                      <TableCell>
                        {request.requestingTeamRef ? (
                          <EntityRefLink
                            entityRef={request.requestingTeamRef}
                          />
                        ) : (
                          <EntityRefLink
                            entityRef={request.requestingEntityRef}
                          />
                        )}
                        {request.endorsements.length > 0 &&
                          ` +${request.endorsements.length}`}
                      </TableCell>
                      <TableCell align="right">
                        <Button
                          size="small"
                          aria-expanded={open}
                          aria-label={`${countTeamsImpacted(
                            teamsImpacted,
                          )} teams impacted: show why`}
                          onClick={() =>
                            setExpanded(open ? undefined : request.id)
                          }
                        >
                          {countTeamsImpacted(teamsImpacted)}
                        </Button>
                      </TableCell>
                      <TableCell>
                        {SEVERITY_LABELS[request.severity]}{' '}
                        <Typography variant="caption" color="textSecondary">
                          {IMPACT_LABELS[request.impactType]}
                        </Typography>
                      </TableCell>
                      <TableCell align="right">{Math.round(hours)}</TableCell>
                      <TableCell align="right">
                        {request.triage?.costToShip ?? '—'}
                      </TableCell>
                      <TableCell align="right">
                        {request.triage?.strategicFit ?? '—'}
                      </TableCell>
                      <TableCell align="right">
                        {request.triage?.reversibility ?? '—'}
                      </TableCell>
                      <TableCell align="right">
                        <strong>{score.total}</strong>
                      </TableCell>
                      <TableCell>{STATUS_LABELS[request.status]}</TableCell>
                      {canManage && (
                        <TableCell>
                          <Button
                            size="small"
                            variant="outlined"
                            onClick={() => setTriaging(item)}
                            aria-label={`Triage ${request.title}`}
                          >
                            Triage
                          </Button>
                        </TableCell>
                      )}
                    </TableRow>
                    {open && (
                      <TableRow>
                        <TableCell colSpan={canManage ? 12 : 11}>
                          <Details item={item} />
                        </TableCell>
                      </TableRow>
                    )}
                  </Fragment>
                );
              })}
            </TableBody>
          </Table>
        </Box>
        {moreError && <ResponseErrorPanel error={moreError} />}
        {nextCursor && (
          <Box mt={1}>
            <Button onClick={showMore}>
              Show more ({value.totalItems - items.length} more)
            </Button>
          </Box>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title={`Backlog${value ? ` (${value.totalItems})` : ''}`}
      subheader="Ranked by score: teams impacted, severity, cost to ship, strategic fit, reversibility"
      action={<Box p={1}>{filter}</Box>}
    >
      {content}
      {triaging && (
        <TriageDialog
          request={triaging.request}
          open
          onClose={() => setTriaging(undefined)}
          onSaved={() => {
            setTriaging(undefined);
            retry();
          }}
        />
      )}
    </InfoCard>
  );
}
