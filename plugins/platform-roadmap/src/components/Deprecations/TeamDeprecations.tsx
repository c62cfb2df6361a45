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
  DeprecationView,
  platformRoadmapTeamManagePermission,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformRoadmapApiRef } from '../../api';
import { DeprecationDialog } from './DeprecationDialog';
import { DeprecationItem } from './DeprecationItem';
import { isActive } from './labels';

/** Active ones first, soonest sunset first; then the rest, latest first. */
function byUrgency(a: DeprecationView, b: DeprecationView) {
  const active = Number(isActive(b)) - Number(isActive(a));
  if (active !== 0) return active;
  return isActive(a)
    ? a.sunsetOn.localeCompare(b.sunsetOn)
    : b.sunsetOn.localeCompare(a.sunsetOn);
}

/**
 * A platform team's deprecations: what it is retiring, by when, what
 * replaces it, and who still uses it with the burn-down of remaining
 * consumers. Members announce, edit and delete them from here.
 *
 * @public
 */
export function TeamDeprecations({ teamRef }: { teamRef: string }) {
  const api = useApi(platformRoadmapApiRef);
  const { allowed: canManage } = usePermission({
    permission: platformRoadmapTeamManagePermission,
    resourceRef: teamRef,
  });
  const [announcing, setAnnouncing] = useState(false);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getTeamDeprecations(teamRef),
    [api, teamRef],
  );

  const announceButton = canManage && (
    <Button
      variant="contained"
      color="primary"
      onClick={() => setAnnouncing(true)}
    >
      Announce deprecation
    </Button>
  );

  const items = value && [...value.items].sort(byUrgency);
  const past = items?.filter(item => !isActive(item)) ?? [];
  const shownActive = (items?.length ?? 0) - past.length;
  const totals = value?.totals ?? {
    active: shownActive,
    finished: past.length,
  };
  let content: ReactNode;
  if (loading && !value) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (!items?.length) {
    content = (
      <EmptyState
        missing="content"
        title="No deprecations announced"
        description="Announce one when the team retires a platform entity, or a version of it: consumers are warned on their pages, and the burn-down shows who still has to move."
        action={announceButton || undefined}
      />
    );
  } else {
    content = (
      <>
        {totals.active > shownActive && (
          <Typography variant="body2" color="textSecondary" paragraph>
            The {shownActive} active deprecations with the soonest sunsets, of{' '}
            {totals.active}.
          </Typography>
        )}
        {items.map((item, index) => (
          <Box key={item.id}>
            {past.length > 0 && item === past[0] && (
              <Box mt={index > 0 ? 3 : 0} mb={1}>
                <Typography variant="subtitle1" component="h3">
                  Complete or cancelled ({totals.finished})
                </Typography>
                {totals.finished > past.length && (
                  <Typography variant="body2" color="textSecondary">
                    The latest {past.length} of {totals.finished}.
                  </Typography>
                )}
              </Box>
            )}
            <DeprecationItem view={item} onChanged={retry} />
          </Box>
        ))}
      </>
    );
  }

  return (
    <InfoCard
      title="Deprecations"
      subheader="What the team is retiring, by when, and who still uses it"
      action={
        items?.length && announceButton ? (
          <Box p={1}>{announceButton}</Box>
        ) : undefined
      }
    >
      {content}
      {announcing && (
        <DeprecationDialog
          teamRef={teamRef}
          onClose={() => setAnnouncing(false)}
          onSaved={() => {
            setAnnouncing(false);
            retry();
          }}
        />
      )}
    </InfoCard>
  );
}
