import {
  metricInputSchema,
  periodRange,
  surveyResponseInputSchema,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { MetricsStore } from '../database/MetricsStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { followMetric } from '../metrics/followMetric';
import { MetricsSeedTarget } from './seedExampleProduct';

/**
 * Loads the example metrics (with their points, binding the named key
 * results so they follow the metric) and survey responses.
 */
export function metricsSeedTarget(options: {
  store: MetricsStore;
  roadmapStore: RoadmapStore;
}): MetricsSeedTarget {
  const { store, roadmapStore } = options;
  return {
    async hasAny() {
      return (await store.listMetrics()).length > 0;
    },
    async seed(data, resolve, validate) {
      for (const seed of data.metrics) {
        const input = validate(
          metricInputSchema,
          seed,
          `metric "${seed.name}"`,
        );
        const points = [...seed.points].sort((a, b) => b.daysAgo - a.daysAgo);
        const oldest = points[0]?.daysAgo ?? 0;
        const metric = await store.createMetric(seed.team, input, {
          by: seed.by,
          at: resolve.daysAgo(oldest + 1),
        });
        for (const point of points) {
          await store.addPoint(
            metric.id,
            {
              value: point.value,
              at: resolve.daysAgo(point.daysAgo),
              note: point.note,
            },
            point.source ?? seed.by,
          );
        }
        if (!seed.bindKeyResult) continue;
        const kr = await findKeyResult(
          roadmapStore,
          seed.team,
          seed.bindKeyResult,
        );
        if (!kr) {
          throw new Error(
            `Example metric "${seed.name}" binds a key result "${seed.bindKeyResult}" that ${seed.team} does not have`,
          );
        }
        await roadmapStore.updateKeyResult(
          kr.id,
          kr.version,
          {
            title: kr.title,
            metric: kr.metric,
            unit: kr.unit,
            baseline: kr.baseline,
            target: kr.target,
            direction: kr.direction,
            startDate: kr.startDate,
            dueDate: kr.dueDate,
            guardrail: kr.guardrail,
            measure: { type: 'metric', metricId: metric.id },
          },
          { by: seed.by, at: resolve.daysAgo(0) },
        );
        await followMetric(store, roadmapStore, metric.id);
      }
      for (const seed of data.survey) {
        const period = resolve.quarter(seed.period);
        const input = validate(
          surveyResponseInputSchema,
          { ...seed, respondentTeamRef: seed.respondentTeam },
          `survey response of ${seed.respondent}`,
        );
        // Mid-quarter, or now for the current one.
        const middle = new Date(`${periodRange(period).start}T00:00:00Z`);
        middle.setUTCDate(middle.getUTCDate() + 40);
        const now = resolve.daysAgo(0);
        await store.recordSurveyResponse(
          {
            teamRef: seed.team,
            period,
            respondentRef: seed.respondent,
            respondentTeamRef: input.respondentTeamRef,
            score: input.score,
            comment: input.comment,
          },
          middle < now ? middle : now,
        );
      }
    },
  };
}

async function findKeyResult(
  store: RoadmapStore,
  teamRef: string,
  title: string,
) {
  const themes = await store.listThemes({ teamRefs: [teamRef] });
  const objectives = await store.listObjectives(themes.map(t => t.id));
  const keyResults = await store.listKeyResults(objectives.map(o => o.id));
  return keyResults.find(kr => kr.title === title);
}
