import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  ConsumerHistory,
  ConsumingTeam,
  EntitySummary,
  PlatformTeam,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { platformRoadmapApiRef } from '../../api';

const RELATION_LABEL = {
  dependsOn: 'depends on',
  consumesApi: 'consumes',
} as const;

function name(entity: EntitySummary) {
  return entity.title ?? entity.name;
}

function PlatformEntitiesCard({ team }: { team: PlatformTeam }) {
  const teamsByEntity = new Map<string, Set<string>>();
  for (const consumer of team.consumingTeams) {
    for (const edge of consumer.via) {
      const set = teamsByEntity.get(edge.platformEntityRef) ?? new Set();
      set.add(consumer.team.entityRef);
      teamsByEntity.set(edge.platformEntityRef, set);
    }
  }
  return (
    <InfoCard title={`Platform entities (${team.platformEntities.length})`}>
      <Table size="small" aria-label="Platform entities">
        <TableHead>
          <TableRow>
            <TableCell>Entity</TableCell>
            <TableCell>Kind</TableCell>
            <TableCell>Type</TableCell>
            <TableCell align="right">Consuming teams</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {team.platformEntities.map(entity => (
            <TableRow key={entity.entityRef}>
              <TableCell>
                <EntityRefLink
                  entityRef={entity.entityRef}
                  title={name(entity)}
                />
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {entity.kind}
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {entity.type ?? '—'}
              </TableCell>
              <TableCell align="right">
                {teamsByEntity.get(entity.entityRef)?.size ?? 0}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}

function ConsumingTeamRow({
  consumer,
  platformEntities,
}: {
  consumer: ConsumingTeam;
  platformEntities: Map<string, EntitySummary>;
}) {
  return (
    <TableRow>
      <TableCell style={{ verticalAlign: 'top' }}>
        <EntityRefLink
          entityRef={consumer.team.entityRef}
          title={name(consumer.team)}
        />
      </TableCell>
      <TableCell>
        {consumer.via.map(edge => {
          const target = platformEntities.get(edge.platformEntityRef);
          return (
            <Typography
              key={`${edge.consumer.entityRef}-${edge.relation}-${edge.platformEntityRef}`}
              variant="body2"
            >
              <EntityRefLink
                entityRef={edge.consumer.entityRef}
                title={name(edge.consumer)}
              />{' '}
              {RELATION_LABEL[edge.relation]}{' '}
              <EntityRefLink
                entityRef={edge.platformEntityRef}
                title={target ? name(target) : undefined}
              />
            </Typography>
          );
        })}
      </TableCell>
    </TableRow>
  );
}

function ConsumingTeamsCard({ team }: { team: PlatformTeam }) {
  const platformEntities = new Map(
    team.platformEntities.map(e => [e.entityRef, e]),
  );
  return (
    <InfoCard
      title={`Consuming teams (${team.consumingTeams.length})`}
      subheader="Owners of entities that depend on, or consume an API of, this team's platform entities"
    >
      {team.consumingTeams.length === 0 ? (
        <Typography variant="body2">
          No team depends on this team's platform entities yet.
        </Typography>
      ) : (
        <Table size="small" aria-label="Consuming teams">
          <TableHead>
            <TableRow>
              <TableCell>Team</TableCell>
              <TableCell>
                Why: which of its entities use which of yours
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {team.consumingTeams.map(consumer => (
              <ConsumingTeamRow
                key={consumer.team.entityRef}
                consumer={consumer}
                platformEntities={platformEntities}
              />
            ))}
          </TableBody>
        </Table>
      )}
      {team.unownedConsumerCount > 0 && (
        <Box mt={1}>
          <Typography variant="caption" color="textSecondary">
            {team.unownedConsumerCount} more consuming{' '}
            {team.unownedConsumerCount === 1 ? 'entity has' : 'entities have'}{' '}
            no owner you can see.
          </Typography>
        </Box>
      )}
    </InfoCard>
  );
}

function ConsumerHistoryLine({ history }: { history: ConsumerHistory }) {
  const count = history.newConsumingTeams.length;
  return (
    <Typography variant="body2" color="textSecondary">
      {count === 0 ? (
        <>No new consuming teams since {history.since}.</>
      ) : (
        <>
          {count} new consuming {count === 1 ? 'team' : 'teams'} since{' '}
          {history.since}:{' '}
          {history.newConsumingTeams.map((team, index) => (
            <span key={team.entityRef}>
              {index > 0 && ', '}
              <EntityRefLink entityRef={team.entityRef} title={name(team)} />
            </span>
          ))}
          .
        </>
      )}
    </Typography>
  );
}

/**
 * The Roadmap tab of a platform team's Group page.
 *
 * @public
 */
export function PlatformTeamRoadmap() {
  const { entity } = useEntity();
  const api = useApi(platformRoadmapApiRef);
  const teamRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getTeam(teamRef),
    [api, teamRef],
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.platformEntities.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No platform entities yet"
        description="This team owns no Components, APIs, Systems or Resources in the catalog. Set spec.owner on the entities it runs to this group, and their consumers will appear here."
      />
    );
  }

  const edgeCount = value.consumingTeams.reduce(
    (sum, c) => sum + c.via.length,
    0,
  );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="body1">
          {value.team.title ?? value.team.name} runs{' '}
          <strong>{value.platformEntities.length}</strong> platform{' '}
          {value.platformEntities.length === 1 ? 'entity' : 'entities'} used by{' '}
          <strong>{value.consumingTeams.length}</strong> consuming{' '}
          {value.consumingTeams.length === 1 ? 'team' : 'teams'} through{' '}
          {edgeCount} {edgeCount === 1 ? 'dependency' : 'dependencies'}.
        </Typography>
        {value.consumerHistory && (
          <ConsumerHistoryLine history={value.consumerHistory} />
        )}
      </Grid>
      <Grid item xs={12} xl={5}>
        <PlatformEntitiesCard team={value} />
      </Grid>
      <Grid item xs={12} xl={7}>
        <ConsumingTeamsCard team={value} />
      </Grid>
    </Grid>
  );
}
