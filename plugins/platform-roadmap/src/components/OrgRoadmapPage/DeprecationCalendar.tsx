import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OrgOverview } from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { daysLeftLabel } from '../Deprecations/labels';
import { NothingHere } from './Section';
import { groupByMonth, monthLabel, refName, teamNamer } from './labels';

const useStyles = makeStyles({
  // The same column widths in every month, so the months line up.
  table: {
    tableLayout: 'fixed',
    minWidth: 640,
    '& th:nth-child(1)': { width: '34%' },
    '& th:nth-child(2)': { width: '22%' },
    '& th:nth-child(3)': { width: '14%' },
    '& th:nth-child(4)': { width: '18%' },
    '& th:nth-child(5)': { width: '12%' },
  },
});

/** Every active deprecation, by the month it sunsets. */
export function DeprecationCalendar(props: { overview: OrgOverview }) {
  const { deprecations, teams } = props.overview;
  const classes = useStyles();
  const teamName = teamNamer(teams);
  if (deprecations.length === 0) {
    return <NothingHere>No active deprecations.</NothingHere>;
  }
  return (
    <>
      {groupByMonth(deprecations, d => d.sunsetOn).map(({ month, items }) => {
        const label = monthLabel(month);
        const headingId = `org-roadmap-sunset-${month}`;
        return (
          <Box
            key={month}
            component="section"
            aria-labelledby={headingId}
            mb={3}
          >
            <Typography id={headingId} variant="h6" component="h3" gutterBottom>
              {label}
            </Typography>
            <Paper variant="outlined" style={{ overflowX: 'auto' }}>
              <Table
                size="small"
                aria-label={`Sunsets in ${label}`}
                className={classes.table}
              >
                <TableHead>
                  <TableRow>
                    <TableCell>Deprecated</TableCell>
                    <TableCell>Platform team</TableCell>
                    <TableCell>Sunset</TableCell>
                    <TableCell>Days left</TableCell>
                    <TableCell align="right">Consumers</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {items.map(d => (
                    <TableRow key={d.id}>
                      <TableCell>
                        <EntityRefLink
                          entityRef={d.entityRef}
                          title={d.entityTitle ?? refName(d.entityRef)}
                        />
                        {d.entityVersion && ` ${d.entityVersion}`}
                      </TableCell>
                      <TableCell>{teamName(d.teamRef)}</TableCell>
                      <TableCell>{d.sunsetOn}</TableCell>
                      <TableCell>
                        <Typography
                          variant="body2"
                          color={d.daysLeft <= 0 ? 'error' : 'textPrimary'}
                        >
                          {daysLeftLabel(d.daysLeft)}
                        </Typography>
                      </TableCell>
                      <TableCell
                        align="right"
                        title="Entities still using it, at the last daily count"
                      >
                        {d.consumerCount}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Paper>
          </Box>
        );
      })}
    </>
  );
}
