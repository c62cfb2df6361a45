import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { Backlog } from '../Backlog';
import { TeamDeprecations } from '../Deprecations';
import { PlatformTeamRoadmap } from '../PlatformTeamRoadmap';
import { TeamRoadmap } from '../TeamRoadmap';

/**
 * The Roadmap tab of a platform team's Group page: the team's themes, OKRs
 * and commitments, its deprecations, who consumes the platform, and the ranked backlog of what
 * they asked for.
 *
 * @public
 */
export function RoadmapTab() {
  const { entity } = useEntity();
  const teamRef = stringifyEntityRef(entity);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <TeamRoadmap teamRef={teamRef} />
      </Grid>
      <Grid item xs={12}>
        <TeamDeprecations teamRef={teamRef} />
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
