import { useState } from 'react';
import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  isPeriod,
  OrgOverview,
  periodLabel,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { platformRoadmapApiRef } from '../../api';
import { DeprecationCalendar } from './DeprecationCalendar';
import { periodOptions, yearOf } from './labels';
import { MetricsOverview } from './MetricsOverview';
import { OrgBacklog } from './OrgBacklog';
import { Section } from './Section';
import { TeamCards } from './TeamCards';
import { ThemesByCategory } from './ThemesByCategory';

/** The period in the URL (`?period=2026` or `?period=2026-Q4`), if valid. */
function usePeriodParam(): [string | undefined, (period: string) => void] {
  const [params, setParams] = useSearchParams();
  const requested = params.get('period') ?? undefined;
  const period = requested && isPeriod(requested) ? requested : undefined;
  function setPeriod(next: string) {
    setParams(
      previous => {
        const updated = new URLSearchParams(previous);
        updated.set('period', next);
        return updated;
      },
      { replace: true },
    );
  }
  return [period, setPeriod];
}

function PeriodFilter(props: {
  value: string;
  now: Date;
  onChange: (period: string) => void;
}) {
  const { value, now, onChange } = props;
  const options = periodOptions(now, value);
  const group = (name: 'year' | 'quarter') =>
    options
      .filter(o => o.group === name)
      .map(o => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ));
  return (
    <TextField
      select
      id="org-roadmap-period"
      label="Period"
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      value={value}
      onChange={e => onChange(e.target.value)}
      size="small"
      variant="outlined"
      style={{ minWidth: 220 }}
    >
      <optgroup label="Years">{group('year')}</optgroup>
      <optgroup label="Quarters">{group('quarter')}</optgroup>
    </TextField>
  );
}

function Overview({ overview }: { overview: OrgOverview }) {
  if (overview.teams.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No platform teams yet"
        description='A platform team is a catalog Group with the annotation platform-roadmap/platform-team: "true". Once one is marked, its roadmap, backlog, deprecations and metrics appear here.'
      />
    );
  }
  const period = periodLabel(overview.period);
  return (
    <>
      <Section
        id="teams"
        title="Platform teams"
        subtitle="Open a team to see its roadmap, backlog and deprecations."
      >
        <TeamCards overview={overview} />
      </Section>
      <Section
        id="themes"
        title="Themes by category"
        subtitle={`What every team promises for ${period}, by the kind of outcome.`}
      >
        <ThemesByCategory overview={overview} />
      </Section>
      <Section
        id="backlog"
        title="Org-wide backlog"
        subtitle="Requests from consuming teams, ranked by score across every platform team."
      >
        <OrgBacklog overview={overview} />
      </Section>
      <Section
        id="deprecations"
        title="Deprecation calendar"
        subtitle="Active deprecations by the month they sunset, with the consumers that remain."
      >
        <DeprecationCalendar overview={overview} />
      </Section>
      <Section
        id="metrics"
        title="Metrics"
        subtitle="The latest value of every team's metrics, and how it moved since the one before."
      >
        <MetricsOverview overview={overview} />
      </Section>
    </>
  );
}

/**
 * The page at `/platform-roadmap`: every platform team side by side, for
 * leadership. The period is kept in the URL (`?period=2026-Q4`) so that a
 * view can be shared; without one, the backend shows the current year.
 *
 * @public
 */
export function OrgRoadmapPage() {
  const api = useApi(platformRoadmapApiRef);
  const [now] = useState(() => new Date());
  const [period, setPeriod] = usePeriodParam();
  const { value, loading, error } = useAsync(
    () => api.getOverview(period),
    [api, period],
  );

  let content;
  if (loading) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (value) content = <Overview overview={value} />;

  return (
    <Page themeId="tool">
      <Header
        title="Platform roadmap"
        subtitle="Every platform team side by side"
      />
      <Content>
        <Box mb={3}>
          <PeriodFilter
            value={period ?? value?.period ?? yearOf(now)}
            now={now}
            onChange={setPeriod}
          />
        </Box>
        {content}
      </Content>
    </Page>
  );
}
