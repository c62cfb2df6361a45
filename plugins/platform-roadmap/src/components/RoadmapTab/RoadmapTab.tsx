import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { Backlog } from '../Backlog';
import { CapacityBudgetCard } from '../Capacity';
import { ContactCard } from '../ContactChannels';
import { TeamDeprecations } from '../Deprecations';
import { TeamMetricsCard } from '../Metrics';
import { PlatformTeamRoadmap } from '../PlatformTeamRoadmap';
import { SatisfactionCard } from '../Satisfaction';
import { StakeholdersCard } from '../Stakeholders';
import { TeamRoadmap } from '../TeamRoadmap';

/**
 * The Roadmap tab of a platform team's Group page: how to reach the team,
 * its capacity budget and consumer satisfaction; its themes, OKRs and
 * commitments; its deprecations and metrics; who consumes the platform and
 * who else it answers to; and the ranked backlog of what consumers asked
 * for.
 *
 * @public
 */
export function RoadmapTab() {
  const { entity } = useEntity();
  const teamRef = stringifyEntityRef(entity);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <ContactCard teamRef={teamRef} />
      </Grid>
      <Grid item xs={12} md={8}>
        <CapacityBudgetCard teamRef={teamRef} />
      </Grid>
      <Grid item xs={12}>
        <TeamRoadmap teamRef={teamRef} />
      </Grid>
      <Grid item xs={12}>
        <TeamDeprecations teamRef={teamRef} />
      </Grid>
      <Grid item xs={12}>
        <TeamMetricsCard teamRef={teamRef} />
      </Grid>
      <Grid item xs={12} md={6}>
        <SatisfactionCard teamRef={teamRef} />
      </Grid>
      <Grid item xs={12} md={6}>
        <StakeholdersCard teamRef={teamRef} />
      </Grid>
      <Grid item xs={12}>
        <PlatformTeamRoadmap />
      </Grid>
      <Grid item xs={12}>
        <Backlog teamRef={teamRef} />
      </Grid>
    </Grid>
  );
}
