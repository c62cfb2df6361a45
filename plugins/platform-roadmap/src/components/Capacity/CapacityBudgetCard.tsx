import { ReactNode, useState } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  periodLabel,
  platformRoadmapTeamManagePermission,
  quarterOf,
  shiftQuarter,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformRoadmapApiRef } from '../../api';
import { CapacityBar } from './CapacityBar';
import { CapacityDialog } from './CapacityDialog';

/** Last quarter, this one and the next two (planning ahead), newest first. */
export function capacityQuarters(now: Date = new Date()): string[] {
  const current = quarterOf(now);
  return [2, 1, 0, -1].map(offset => shiftQuarter(current, offset));
}

/** "alice", from "user:default/alice". */
function personName(ref: string) {
  return ref.replace(/^user:(default\/)?/, '');
}

/**
 * A platform team's capacity budget for a quarter: how its time splits
 * between on-call, maintenance, documentation, onboarding and roadmap work,
 * flagged when a discipline gets nothing. Members plan and edit it.
 *
 * @public
 */
export function CapacityBudgetCard({ teamRef }: { teamRef: string }) {
  const api = useApi(platformRoadmapApiRef);
  const { allowed: canManage } = usePermission({
    permission: platformRoadmapTeamManagePermission,
    resourceRef: teamRef,
  });
  const [quarter, setQuarter] = useState(() => quarterOf(new Date()));
  const [editing, setEditing] = useState(false);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => ({ quarter, budget: await api.getCapacity(teamRef, quarter) }),
    [api, teamRef, quarter],
  );
  // After a save the budget reloads in place; another quarter starts over.
  const budget = value?.quarter === quarter ? value.budget : undefined;
  const label = periodLabel(quarter);
  const planned = budget !== undefined && budget.version > 0;

  const header = (
    <Box display="flex" alignItems="center" p={1} style={{ gap: 8 }}>
      <TextField
        select
        id="capacity-budget-quarter"
        label="Quarter"
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        value={quarter}
        onChange={e => setQuarter(e.target.value)}
        size="small"
        variant="outlined"
        style={{ minWidth: 140 }}
      >
        {capacityQuarters().map(q => (
          <option key={q} value={q}>
            {periodLabel(q)}
          </option>
        ))}
      </TextField>
      {canManage && planned && (
        <Button
          variant="outlined"
          color="primary"
          onClick={() => setEditing(true)}
        >
          Edit budget
        </Button>
      )}
    </Box>
  );

  let content: ReactNode;
  if (loading && !budget) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (budget && !planned) {
    content = (
      <EmptyState
        missing="content"
        title={`Not planned yet for ${label}`}
        description="Split the team's time between on-call, maintenance (upgrades, patching, deprecation work), documentation, onboarding and roadmap work. Bake them in at planning time: skipping them makes the platform fragile."
        action={
          canManage ? (
            <Button
              variant="contained"
              color="primary"
              onClick={() => setEditing(true)}
            >
              Plan the budget for {label}
            </Button>
          ) : undefined
        }
      />
    );
  } else if (budget) {
    content = (
      <>
        <CapacityBar budget={budget} />
        {budget.updatedAt && (
          <Box mt={1}>
            <Typography variant="caption" color="textSecondary">
              Updated {budget.updatedAt.slice(0, 10)}
              {budget.updatedBy && ` by ${personName(budget.updatedBy)}`}
            </Typography>
          </Box>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Capacity budget"
      subheader="Where the team's time goes this quarter"
      action={header}
    >
      {content}
      {editing && budget && (
        <CapacityDialog
          teamRef={teamRef}
          budget={budget}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            retry();
          }}
        />
      )}
    </InfoCard>
  );
}
