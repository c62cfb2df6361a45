import { useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  countTeamsImpacted,
  PlatformTeam,
  RankedRequest,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformRoadmapApiRef } from '../../api';
import {
  FileRequestDialog,
  PlatformTeamOption,
} from '../FileRequestDialog/FileRequestDialog';
import { KIND_LABELS } from '../Backlog/labels';
import { ReleaseNoteLink } from '../ReleaseNoteLink';
import {
  involvement,
  sameEntityRef,
  statusLabel,
} from '../FileRequestDialog/helpers';

/**
 * The platform teams a request from `entityRef` can go to: the teams whose
 * platform entities it depends on (or whose APIs it consumes) first.
 */
export function platformTeamOptions(
  teams: PlatformTeam[],
  entityRef: string,
): PlatformTeamOption[] {
  const options = teams.map(team => {
    const used = new Set(
      team.consumingTeams.flatMap(consumer =>
        consumer.via
          .filter(edge => sameEntityRef(edge.consumer.entityRef, entityRef))
          .map(edge => edge.platformEntityRef),
      ),
    );
    return {
      entityRef: team.team.entityRef,
      title: team.team.title ?? team.team.name,
      dependedOn: used.size > 0,
      usedEntityRefs: [...used],
      ...(team.contact?.length && { contact: team.contact }),
    };
  });
  return [
    ...options.filter(option => option.dependedOn),
    ...options.filter(option => !option.dependedOn),
  ];
}

function RequestRow(props: { item: RankedRequest; entityRef: string }) {
  const { request, teamsImpacted } = props.item;
  const from = involvement(request, props.entityRef);
  const teamCount = countTeamsImpacted(teamsImpacted);
  return (
    <TableRow>
      <TableCell>
        <Typography variant="body2">{request.title}</Typography>
        <Typography variant="caption" color="textSecondary">
          {KIND_LABELS[request.kind]}
        </Typography>
      </TableCell>
      <TableCell>
        <EntityRefLink entityRef={request.platformTeamRef} />
      </TableCell>
      <TableCell>
        <Chip size="small" label={statusLabel(request)} />
        {request.releaseNoteId && (
          <Typography variant="caption" component="div">
            <ReleaseNoteLink
              teamRef={request.platformTeamRef}
              releaseNoteId={request.releaseNoteId}
            >
              What shipped
            </ReleaseNoteLink>
          </Typography>
        )}
      </TableCell>
      <TableCell>
        {from === 'filed' && 'Filed'}
        {from === 'endorsed' && 'Endorsed'}
      </TableCell>
      <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
        {teamCount}
        {teamsImpacted.strongSignal && (
          <>
            {' '}
            <Chip size="small" color="primary" label="Strong signal" />
          </>
        )}
      </TableCell>
    </TableRow>
  );
}

function RequestsTable(props: { items: RankedRequest[]; entityRef: string }) {
  return (
    <Table size="small" aria-label="Platform requests">
      <TableHead>
        <TableRow>
          <TableCell>Request</TableCell>
          <TableCell>Platform team</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>This entity</TableCell>
          <TableCell align="right">Teams impacted</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(item => (
          <RequestRow
            key={item.request.id}
            item={item}
            entityRef={props.entityRef}
          />
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The platform requests filed or endorsed from the current entity (a
 * Component, API or System), with a button to file another.
 *
 * @public
 */
export function EntityRequestsCard() {
  const { entity } = useEntity();
  const api = useApi(platformRoadmapApiRef);
  const entityRef = stringifyEntityRef(entity);

  const requests = useAsyncRetry(
    () => api.getEntityRequests(entityRef),
    [api, entityRef],
  );

  const [dialogOpen, setDialogOpen] = useState(false);
  // The platform teams are only loaded once someone wants to file a request.
  const [teamsWanted, setTeamsWanted] = useState(false);
  const teams = useAsyncRetry(
    async () =>
      teamsWanted
        ? platformTeamOptions((await api.listTeams()).items, entityRef)
        : undefined,
    [api, entityRef, teamsWanted],
  );

  const openDialog = () => {
    if (!teamsWanted) setTeamsWanted(true);
    else if (teams.error) teams.retry();
    setDialogOpen(true);
  };

  let content;
  if (requests.loading) {
    content = <Progress />;
  } else if (requests.error) {
    content = <ResponseErrorPanel error={requests.error} />;
  } else if (!requests.value?.items.length) {
    content = (
      <Typography variant="body2">
        No requests filed or endorsed from this entity yet.
      </Typography>
    );
  } else {
    const { items, totalItems } = requests.value;
    content = (
      <>
        <RequestsTable items={items} entityRef={entityRef} />
        {totalItems > items.length && (
          <Typography variant="body2" color="textSecondary">
            The {items.length} highest-ranked of {totalItems} requests.
          </Typography>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Platform requests"
      action={
        <Button color="primary" variant="outlined" onClick={openDialog}>
          File a request
        </Button>
      }
    >
      {content}
      <FileRequestDialog
        open={dialogOpen}
        onClose={() => setDialogOpen(false)}
        onFiled={() => {
          setDialogOpen(false);
          requests.retry();
        }}
        entityRef={entityRef}
        platformTeams={teams.value ?? []}
        platformTeamsLoading={
          teams.loading || (teamsWanted && !teams.value && !teams.error)
        }
        platformTeamsError={teams.error}
      />
    </InfoCard>
  );
}
