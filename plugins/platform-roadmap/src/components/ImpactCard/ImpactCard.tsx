import { ReactNode, useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  ImpactItem,
  ImpactSummary,
  periodLabel,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableFooter from '@material-ui/core/TableFooter';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { platformRoadmapApiRef } from '../../api';
import { ReleaseNoteLink } from '../ReleaseNoteLink';
import {
  calculation,
  hoursLabel,
  HOURS_PER_PERSON_WEEK,
  pastQuarters,
  personWeeksLabel,
} from './labels';

function ImpactRow(props: { item: ImpactItem }) {
  const { item } = props;
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        {item.releaseNoteId ? (
          <ReleaseNoteLink
            teamRef={item.platformTeamRef}
            releaseNoteId={item.releaseNoteId}
          >
            {item.title}
          </ReleaseNoteLink>
        ) : (
          item.title
        )}
      </TableCell>
      <TableCell>
        <EntityRefLink entityRef={item.platformTeamRef} />
      </TableCell>
      <TableCell style={{ whiteSpace: 'nowrap' }}>{item.shippedOn}</TableCell>
      <TableCell>
        {item.via === 'filed' ? 'Filed' : 'Endorsed'} from{' '}
        <EntityRefLink entityRef={item.entityRef} />
      </TableCell>
      <TableCell align="right">{calculation(item)}</TableCell>
    </TableRow>
  );
}

/** Every shipped request with its time saved, and the total. */
function ImpactTable(props: { summary: ImpactSummary }) {
  const { summary } = props;
  return (
    <Table size="small">
      <caption>
        How the time saved in {periodLabel(summary.period)} is calculated
      </caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            Request
          </TableCell>
          <TableCell component="th" scope="col">
            Platform team
          </TableCell>
          <TableCell component="th" scope="col">
            Shipped on
          </TableCell>
          <TableCell component="th" scope="col">
            Via
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            Time saved
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {summary.items.map(item => (
          <ImpactRow key={`${item.requestId}-${item.entityRef}`} item={item} />
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell component="th" scope="row" colSpan={4}>
            Total
          </TableCell>
          <TableCell align="right">
            {hoursLabel(summary.hoursSaved)} ÷ {HOURS_PER_PERSON_WEEK} h ={' '}
            {personWeeksLabel(summary.personWeeksSaved)}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}

/**
 * On a consuming team's Group page: what platform teams shipped for it in a
 * quarter, and the time it saves in the team's own figures ("≈ 8
 * person-weeks saved"), with the calculation behind every number.
 *
 * @public
 */
export function ImpactCard() {
  const { entity } = useEntity();
  const teamRef = stringifyEntityRef(entity);
  const api = useApi(platformRoadmapApiRef);
  const [quarters] = useState(() => pastQuarters());
  const [quarter, setQuarter] = useState(quarters[0]);
  const { value, loading, error } = useAsync(
    () => api.getImpact(teamRef, quarter),
    [api, teamRef, quarter],
  );

  let content: ReactNode;
  if (loading) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (!value?.items.length) {
    content = (
      <>
        <Typography variant="body1">
          Nothing shipped for this team in {periodLabel(quarter)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          When a platform team ships a request this team filed or +1'd, with the
          hours it loses and the engineers affected, the time it saves shows
          here.
        </Typography>
      </>
    );
  } else {
    content = (
      <>
        <Typography variant="h5" component="p">
          ≈ {personWeeksLabel(value.personWeeksSaved)} saved in{' '}
          {periodLabel(value.period)}
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          From the team's own figures when it filed or +1'd each request: hours
          lost per engineer per week × engineers affected, over the weeks of the
          quarter after it shipped; {HOURS_PER_PERSON_WEEK} hours make a
          person-week.
        </Typography>
        <ImpactTable summary={value} />
      </>
    );
  }

  return (
    <InfoCard
      title="What platforms shipped for you"
      subheader="Requests of this team that platform teams shipped, and the time they save"
      action={
        <Box p={1} minWidth={140}>
          <TextField
            id="platform-impact-quarter"
            select
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            label="Quarter"
            value={quarter}
            onChange={e => setQuarter(e.target.value)}
            size="small"
          >
            {quarters.map(q => (
              <option key={q} value={q}>
                {periodLabel(q)}
              </option>
            ))}
          </TextField>
        </Box>
      }
    >
      {content}
    </InfoCard>
  );
}
