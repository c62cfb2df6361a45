import { MetricsStore } from '../database/MetricsStore';
import { RoadmapStore } from '../database/RoadmapStore';

const ATTEMPTS = 3;

/**
 * Brings every key result bound to a metric to the metric's latest point,
 * recording a check-in by the point's source. Idempotent: it always
 * follows the latest point (never the one just posted), and re-reads a key
 * result changed meanwhile, so concurrent posts and edits converge on the
 * latest value. Returns the ids of the key results that moved.
 */
export async function followMetric(
  metrics: Pick<MetricsStore, 'getMetric' | 'latestTwo'>,
  roadmap: Pick<
    RoadmapStore,
    'listKeyResultsByMetric' | 'getKeyResult' | 'checkIn'
  >,
  metricId: string,
): Promise<string[]> {
  const [metric, recent] = await Promise.all([
    metrics.getMetric(metricId),
    metrics.latestTwo([metricId]),
  ]);
  const latest = recent.get(metricId)?.latest;
  if (!latest) return [];
  const moved: string[] = [];
  for (const listed of await roadmap.listKeyResultsByMetric(metricId)) {
    let kr = listed;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (kr.current === latest.value) break;
      try {
        await roadmap.checkIn(
          kr.id,
          kr.version,
          {
            value: latest.value,
            note: `Posted to metric ${metric.name} by ${latest.source}`,
          },
          { by: latest.source, at: new Date(latest.at) },
        );
        moved.push(kr.id);
        break;
      } catch (error) {
        if (
          (error as Error)?.name !== 'ConflictError' ||
          attempt === ATTEMPTS
        ) {
          throw error;
        }
        kr = await roadmap.getKeyResult(kr.id);
      }
    }
  }
  return moved;
}
