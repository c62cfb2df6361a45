import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityRefLink,
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { platformRoadmapApiRef } from '../../api';
import { ThemeSummary } from './ThemeSummary';

/**
 * The themes and key results of the owning platform team that concern the
 * current entity (a Component, API or System), with a link to the team's
 * Roadmap tab. Renders nothing when the entity is not owned by a platform
 * team.
 *
 * @public
 */
export function EntityThemesCard() {
  const { entity } = useEntity();
  const api = useApi(platformRoadmapApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const entityRef = stringifyEntityRef(entity);

  const roadmap = useAsync(
    () => api.getEntityRoadmap(entityRef),
    [api, entityRef],
  );

  const teamRef = roadmap.value?.teamRef;
  // Not owned by a platform team: no card, rather than an empty one.
  if (roadmap.value && !teamRef) {
    return null;
  }

  let content;
  if (roadmap.loading) {
    content = <Progress />;
  } else if (roadmap.error) {
    content = <ResponseErrorPanel error={roadmap.error} />;
  } else if (teamRef && roadmap.value?.themes.length === 0) {
    content = (
      <Typography variant="body2">
        No themes or key results of <EntityRefLink entityRef={teamRef} />{' '}
        concern this entity yet.
      </Typography>
    );
  } else {
    content = roadmap.value?.themes.map(view => (
      <ThemeSummary
        key={view.theme.id}
        theme={view.theme}
        keyResults={view.objectives.flatMap(objective => objective.keyResults)}
      />
    ));
  }

  return (
    <InfoCard
      title="Platform roadmap"
      subheader={
        teamRef && (
          <>
            Owned by <EntityRefLink entityRef={teamRef} />
          </>
        )
      }
      deepLink={
        teamRef
          ? {
              title: "See the team's roadmap",
              link: `${entityRoute(
                entityRouteParams(teamRef, { encodeParams: true }),
              )}/roadmap`,
            }
          : undefined
      }
    >
      {content}
    </InfoCard>
  );
}
