import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { DeprecationWarning } from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { darken, lighten, makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { platformRoadmapApiRef } from '../../api';
import { ConsumerUsage } from '../Deprecations/DeprecationItem';
import {
  daysLeftLabel,
  deprecatedName,
  entityName,
} from '../Deprecations/labels';
import { webUrl } from '../UserContent';

const useStyles = makeStyles(theme => {
  const tint = theme.palette.type === 'light' ? lighten : darken;
  const shade = theme.palette.type === 'light' ? darken : lighten;
  return {
    warning: {
      borderLeft: `4px solid ${theme.palette.warning.main}`,
      backgroundColor: tint(theme.palette.warning.light, 0.9),
      borderRadius: theme.shape.borderRadius,
      padding: theme.spacing(1.5, 2),
      marginBottom: theme.spacing(2),
      color: shade(theme.palette.warning.light, 0.6),
      '& a': { color: 'inherit', textDecoration: 'underline' },
    },
    passed: {
      borderLeftColor: theme.palette.error.main,
      backgroundColor: tint(theme.palette.error.light, 0.9),
      color: shade(theme.palette.error.light, 0.6),
    },
    row: { display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', gap: 8 },
    daysLeft: { fontWeight: theme.typography.fontWeightBold as number },
  };
});

function WarningItem(props: { warning: DeprecationWarning; kind: string }) {
  const { warning, kind } = props;
  const { deprecation, usage, daysLeft } = warning;
  const classes = useStyles();
  const name = deprecatedName(deprecation, warning.entity);
  const guideUrl = webUrl(deprecation.migrationGuideUrl);
  return (
    <article
      className={
        daysLeft > 0 ? classes.warning : `${classes.warning} ${classes.passed}`
      }
      aria-label={`${name} deprecation`}
    >
      <Box className={classes.row}>
        <Typography variant="subtitle1" component="h3">
          <EntityRefLink
            entityRef={deprecation.entityRef}
            title={entityName(deprecation.entityRef, warning.entity)}
          />
          {deprecation.entityVersion && ` ${deprecation.entityVersion}`} is
          deprecated
        </Typography>
        <Box flexGrow={1} />
        <Typography variant="h6" component="p" className={classes.daysLeft}>
          {daysLeftLabel(daysLeft)}
        </Typography>
      </Box>
      <Typography variant="body2">
        Sunset on {deprecation.sunsetOn}. This {kind}{' '}
        <ConsumerUsage consumer={usage} />.
      </Typography>
      {(deprecation.replacementEntityRef || guideUrl) && (
        <Typography variant="body2" component="div" className={classes.row}>
          {deprecation.replacementEntityRef && (
            <span>
              Move to{' '}
              <EntityRefLink
                entityRef={deprecation.replacementEntityRef}
                title={entityName(
                  deprecation.replacementEntityRef,
                  warning.replacement,
                )}
              />
            </span>
          )}
          {guideUrl && <Link to={guideUrl}>Migration guide</Link>}
        </Typography>
      )}
    </article>
  );
}

/**
 * The active deprecations that hit the current entity (it still uses what
 * is going away): what, how it is used, by when, what to move to and how.
 * Renders nothing when none apply.
 *
 * @public
 */
export function DeprecationWarningCard() {
  const { entity } = useEntity();
  const api = useApi(platformRoadmapApiRef);
  const entityRef = stringifyEntityRef(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const warnings = useAsync(
    () => api.getDeprecationWarnings(entityRef),
    [api, entityRef],
  );

  // Nothing it uses is going away: no card, rather than an empty one.
  if (warnings.value && warnings.value.items.length === 0) return null;

  let content;
  if (warnings.loading) content = <Progress />;
  else if (warnings.error) {
    content = <ResponseErrorPanel error={warnings.error} />;
  } else {
    // Most urgent first.
    content = [...(warnings.value?.items ?? [])]
      .sort((a, b) => a.daysLeft - b.daysLeft)
      .map(warning => (
        <WarningItem
          key={`${warning.deprecation.id} ${warning.usage.targetRef}`}
          warning={warning}
          kind={kind}
        />
      ));
  }

  return (
    <InfoCard title={`Deprecations affecting this ${kind}`}>{content}</InfoCard>
  );
}
