import { ReactNode, useId, useState } from 'react';
import {
  CodeSnippet,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { discoveryApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Metric,
  MetricPoint,
  platformRoadmapTeamManagePermission,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformRoadmapApiRef } from '../../api';
import { errorMessage } from '../FileRequestDialog/helpers';
import {
  curlCommand,
  METRIC_DIRECTION_LABELS,
  METRIC_KIND_LABELS,
  pointLabel,
  pointsUrl,
} from './labels';
import { MetricChart } from './MetricChart';
import { MetricDialog } from './MetricDialog';
import { MetricPointDialog } from './MetricPointDialog';

/** The newer of two points, either of which may be missing. */
function newer(a?: MetricPoint, b?: MetricPoint): MetricPoint | undefined {
  if (!a || !b) return a ?? b;
  return Date.parse(b.at) > Date.parse(a.at) ? b : a;
}

/** How a CI job posts values of a metric: the command, and the token. */
function PostFromCi(props: {
  metric: Metric;
  url?: string;
  /** Why the URL is unknown. */
  urlError?: Error;
}) {
  const { metric, url, urlError } = props;
  const [open, setOpen] = useState(false);
  const helpId = useId();
  return (
    <Box mt={1}>
      <Button
        size="small"
        aria-expanded={open}
        aria-controls={open ? helpId : undefined}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide how to post from CI' : 'Post from CI'}
      </Button>
      {open && (
        <Box id={helpId} mt={1} data-testid={`post-from-ci-${metric.key}`}>
          <Typography variant="body2" paragraph>
            A CI job (or any script) posts a value of {metric.name}, in{' '}
            {metric.unit}, with a static token that the Backstage admins add
            under <code>backend.auth.externalAccess</code>, limited to the{' '}
            <code>platform-roadmap</code> plugin. Store it in CI as{' '}
            <code>PLATFORM_ROADMAP_TOKEN</code>. The value is measured now
            unless the body also has <code>"at"</code> (an ISO date-time).
          </Typography>
          {url && (
            <CodeSnippet
              language="bash"
              text={curlCommand(url)}
              showCopyCodeButton
              customStyle={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
            />
          )}
          {!url && urlError && (
            <Typography variant="body2" color="error">
              Could not find the backend's URL: {errorMessage(urlError)}
            </Typography>
          )}
          {!url && !urlError && <Progress />}
        </Box>
      )}
    </Box>
  );
}

/**
 * One metric: what it is, its latest value, its values over time, and for
 * members the buttons to add a value and to edit it. Its values come with
 * the card's one request, and are loaded again here after a value is added.
 */
function MetricArticle(props: {
  teamRef: string;
  metric: Metric;
  /** The values the card's request brought, if it did. */
  points?: MetricPoint[];
  canManage: boolean;
  /** The backend's URL, once known. */
  baseUrl: { value?: string; error?: Error };
  onEdit: () => void;
}) {
  const { teamRef, metric, canManage, baseUrl, onEdit } = props;
  const api = useApi(platformRoadmapApiRef);
  const [adding, setAdding] = useState(false);
  // 0 until a value is added: until then the card's points are shown.
  const [reloads, setReloads] = useState(0);
  const given = props.points;
  const points = useAsyncRetry(
    async () =>
      reloads === 0 && given
        ? { metric, items: given }
        : api.getMetricPoints(metric.id),
    [api, metric, given, reloads],
  );
  const latest = newer(metric.latest, points.value?.metric.latest);

  let chart: ReactNode;
  if (points.loading && !points.value) chart = <Progress />;
  else if (points.error) {
    chart = (
      <Box display="flex" alignItems="center" mt={1}>
        <Typography variant="body2" color="error">
          Could not load the values: {errorMessage(points.error)}
        </Typography>
        <Button size="small" onClick={points.retry}>
          Retry
        </Button>
      </Box>
    );
  } else {
    chart = (
      <MetricChart
        name={metric.name}
        unit={metric.unit}
        points={points.value?.items ?? []}
      />
    );
  }

  return (
    <Box component="article" aria-label={metric.name} py={2}>
      <Box display="flex" alignItems="flex-start" flexWrap="wrap">
        <Box flexGrow={1}>
          <Typography variant="h6" component="h3">
            {metric.name}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {METRIC_KIND_LABELS[metric.kind]} · in {metric.unit} ·{' '}
            {METRIC_DIRECTION_LABELS[metric.direction].toLocaleLowerCase(
              'en-US',
            )}{' '}
            · key <code>{metric.key}</code>
          </Typography>
        </Box>
        {canManage && (
          <Box>
            <Button
              size="small"
              color="primary"
              variant="outlined"
              aria-label={`Add value to ${metric.name}`}
              onClick={() => setAdding(true)}
            >
              Add value
            </Button>{' '}
            <Button
              size="small"
              aria-label={`Edit metric: ${metric.name}`}
              onClick={onEdit}
            >
              Edit
            </Button>
          </Box>
        )}
      </Box>
      {metric.description && (
        <Typography variant="body2">{metric.description}</Typography>
      )}
      <Typography variant="body1">
        {latest ? (
          <>
            Latest: <strong>{pointLabel(latest, metric.unit)}</strong>
          </>
        ) : (
          'No values yet'
        )}
      </Typography>
      {chart}
      <PostFromCi
        metric={metric}
        url={baseUrl.value && pointsUrl(baseUrl.value, teamRef, metric.key)}
        urlError={baseUrl.error}
      />
      {adding && (
        <MetricPointDialog
          teamRef={teamRef}
          metric={{ ...metric, latest }}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            setReloads(n => n + 1);
          }}
        />
      )}
    </Box>
  );
}

/**
 * A team's metrics: each with its latest value and a chart of its values
 * over time, and how CI posts them. Members add metrics, add values by
 * hand, and edit or delete metrics.
 *
 * @public
 */
export function TeamMetricsCard({ teamRef }: { teamRef: string }) {
  const api = useApi(platformRoadmapApiRef);
  const discoveryApi = useApi(discoveryApiRef);
  const { allowed: canManage } = usePermission({
    permission: platformRoadmapTeamManagePermission,
    resourceRef: teamRef,
  });
  // Undefined: closed; `{}`: a new metric; `{ metric }`: editing it.
  const [editing, setEditing] = useState<{ metric?: Metric }>();
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.listMetrics(teamRef, { points: 'recent' }),
    [api, teamRef],
  );
  const baseUrl = useAsync(
    () => discoveryApi.getBaseUrl('platform-roadmap'),
    [discoveryApi],
  );

  const newButton = canManage && (
    <Button variant="contained" color="primary" onClick={() => setEditing({})}>
      New metric
    </Button>
  );

  const items = value?.items;
  let content: ReactNode;
  if (loading && !value) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (!items?.length) {
    content = (
      <EmptyState
        missing="content"
        title="No metrics yet"
        description="Track the numbers that show a platform's value over time: time to build, deployment frequency, mean time to restore (MTTR), incident count, infra cost per unit of work, and consumer satisfaction. CI posts values with a token, members can add them by hand, and key results can follow a metric."
        action={newButton || undefined}
      />
    );
  } else {
    content = items.map((metric, index) => (
      <Box key={metric.id}>
        {index > 0 && <Divider />}
        <MetricArticle
          teamRef={teamRef}
          metric={metric}
          points={value?.points?.[metric.id]}
          canManage={canManage}
          baseUrl={baseUrl}
          onEdit={() => setEditing({ metric })}
        />
      </Box>
    ));
  }

  return (
    <InfoCard
      title="Metrics"
      subheader="How the platform is doing, measured over time"
      action={
        items?.length && newButton ? <Box p={1}>{newButton}</Box> : undefined
      }
    >
      {content}
      {editing && (
        <MetricDialog
          teamRef={teamRef}
          metric={editing.metric}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            retry();
          }}
        />
      )}
    </InfoCard>
  );
}
