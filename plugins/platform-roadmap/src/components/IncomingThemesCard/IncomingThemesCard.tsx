import { useId } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityRefLink,
  EntityRefLinks,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { IncomingRoadmap } from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { platformRoadmapApiRef } from '../../api';
import { ThemeSummary } from '../EntityThemesCard/ThemeSummary';

type IncomingTeam = IncomingRoadmap['teams'][number];

/** One platform team and the themes it committed, as a named region. */
function TeamThemes(props: { team: IncomingTeam; entityKind: string }) {
  const { team, entityKind } = props;
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} mb={2}>
      <Typography id={headingId} variant="h5" component="h3" gutterBottom>
        <EntityRefLink entityRef={team.teamRef} title={team.title} />
      </Typography>
      {team.themes.map(incoming => (
        <ThemeSummary
          key={incoming.theme.id}
          theme={incoming.theme}
          keyResults={incoming.keyResults}
          headingComponent="h4"
        >
          <Typography variant="body2" paragraph>
            Because this {entityKind} uses{' '}
            <EntityRefLinks entityRefs={incoming.via} />
          </Typography>
        </ThemeSummary>
      ))}
    </Box>
  );
}

/**
 * What is coming from the platforms the current entity (a Component or
 * System) depends on: the committed and in-progress themes of their platform
 * teams, grouped by team, with the dependencies that make each one matter
 * and its key results. Renders nothing when the entity depends on no
 * platform.
 *
 * @public
 */
export function IncomingThemesCard() {
  const { entity } = useEntity();
  const api = useApi(platformRoadmapApiRef);
  const entityRef = stringifyEntityRef(entity);
  const entityKind = entity.kind.toLocaleLowerCase('en-US');

  const incoming = useAsync(
    () => api.getIncomingRoadmap(entityRef),
    [api, entityRef],
  );

  // No platform dependencies at all: no card, rather than an empty one.
  if (incoming.value && incoming.value.teams.length === 0) {
    return null;
  }

  const teams = incoming.value?.teams.filter(team => team.themes.length > 0);
  let content;
  if (incoming.loading) {
    content = <Progress />;
  } else if (incoming.error) {
    content = <ResponseErrorPanel error={incoming.error} />;
  } else if (!teams?.length) {
    content = (
      <Typography variant="body2">
        None of the platforms this {entityKind} depends on has committed themes.
      </Typography>
    );
  } else {
    content = teams.map(team => (
      <TeamThemes key={team.teamRef} team={team} entityKind={entityKind} />
    ));
  }

  return <InfoCard title="Coming from your platforms">{content}</InfoCard>;
}
