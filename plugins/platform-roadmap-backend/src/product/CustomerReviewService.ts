import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ACTIVE_DEPRECATION_STATUSES,
  CustomerReview,
  daysBetween,
  Metric,
  MetricPoint,
  OrgOverview,
  periodRange,
  quarterOf,
  ReviewConsumer,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogReader, refKey } from '../catalog/CatalogReader';
import { SUMMARY_FIELDS, toEntitySummary } from '../catalog/entitySummary';
import { PlatformTeamsService } from '../catalog/PlatformTeamsService';
import { ProductStore } from '../database/ProductStore';
import { ReleaseStore } from '../database/ReleaseStore';
import { RequestStore } from '../database/RequestStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { DeprecationService } from '../deprecations/DeprecationService';
import { LIST_LIMITS, RequestsService } from '../requests/RequestsService';
import { RoadmapService } from '../roadmap/RoadmapService';
import { utcDay } from '../service/consumerHistory';
import { impactOf } from './impact';

const OPEN_STATUSES = ['open', 'triaged', 'planned'] as const;
const BACKLOG_SHOWN = 25;

/** Satisfaction of platform teams for a period (from the survey). */
export type SatisfactionSource = (
  teamRefs: string[],
  period: string,
) => Promise<Map<string, { average: number; count: number }>>;

/** Every metric with its latest two points (from the metrics store). */
export type MetricsSource = () => Promise<
  Array<{ metric: Metric; latest?: MetricPoint; previous?: MetricPoint }>
>;

/**
 * Generates what a platform team shows its consumers — the quarterly
 * customer review, the impact of shipped requests for a consuming team —
 * and the org-wide overview, from the stores and the catalog (read for the
 * caller).
 */
export class CustomerReviewService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      teams: PlatformTeamsService;
      roadmap: RoadmapService;
      roadmapStore: RoadmapStore;
      requestStore: RequestStore;
      requests: RequestsService;
      releaseStore: ReleaseStore;
      deprecations: DeprecationService;
      productStore: ProductStore;
      satisfaction?: SatisfactionSource;
      metrics?: MetricsSource;
      now?: () => Date;
    },
  ) {}

  private now() {
    return (this.deps.now ?? (() => new Date()))();
  }

  /** What platform teams shipped for a consuming team, and the time saved. */
  async impact(teamRef: string, quarter: string) {
    // Only what this team filed or endorsed, with its own endorsements (the
    // figures counted), read by team from the indexes.
    const shipped = await this.deps.requestStore.listRequests(
      { askingTeamRef: teamRef, statuses: ['shipped'] },
      { endorsementsOf: teamRef },
    );
    const shippedAt = await this.deps.requestStore.shippedAt(
      shipped.map(r => r.id),
    );
    return impactOf(teamRef, quarter, shipped, shippedAt, this.now());
  }

  /** The quarterly customer review of a platform team. */
  async review(
    teamRef: string,
    quarter: string,
    credentials: BackstageCredentials,
  ): Promise<CustomerReview> {
    const d = this.deps;
    const today = utcDay(this.now());
    const { start, end } = periodRange(quarter);
    const team = await d.teams.getTeam(teamRef, credentials);
    const key = refKey(team.team.entityRef);

    const [roadmap, asks, notes, deprecations, capacity, requests, shipped] =
      await Promise.all([
        d.roadmap.teamRoadmap(key, quarter, credentials),
        d.productStore.listAsks(key, quarter),
        d.releaseStore.listReleaseNotes({ teamRefs: [key] }, { limit: 500 }),
        d.releaseStore.listDeprecations({ teamRefs: [key] }),
        d.productStore.getCapacity(key, quarter),
        d.requestStore.listRequests({
          platformTeamRef: key,
          statuses: [...OPEN_STATUSES],
        }),
        d.requestStore.listRequests({
          platformTeamRef: key,
          statuses: ['shipped'],
        }),
      ]);
    const shippedAt = await d.requestStore.shippedAt(shipped.map(r => r.id));
    // Active deprecations, and those whose sunset fell in the quarter.
    const shownDeprecations = await d.deprecations.views(
      deprecations.filter(
        dep =>
          ACTIVE_DEPRECATION_STATUSES.includes(dep.status) ||
          (dep.sunsetOn >= start && dep.sunsetOn <= end),
      ),
      credentials,
      today,
    );
    const satisfaction = (await d.satisfaction?.([key], quarter))?.get(key);

    // The consuming teams, and the teams that asked without depending on
    // the platform yet (a capability they would otherwise build).
    const known = new Set(
      team.consumingTeams.map(c => refKey(c.team.entityRef)),
    );
    const askers = [...requests, ...shipped].flatMap(r => [
      ...(r.requestingTeamRef ? [refKey(r.requestingTeamRef)] : []),
      ...r.endorsements.flatMap(e => (e.teamRef ? [refKey(e.teamRef)] : [])),
    ]);
    const extra = [...new Set(askers)].filter(
      ref => !known.has(ref) && ref !== key,
    );
    const extraTeams = await new CatalogReader(d.catalog, credentials).byRefs(
      extra,
      SUMMARY_FIELDS,
    );
    const reviewed = [
      ...team.consumingTeams.map(c => c.team),
      ...[...extraTeams.values()].map(toEntitySummary),
    ];

    const consumers: ReviewConsumer[] = reviewed.map(consumer => {
      const mine = (r: (typeof requests)[number]) =>
        refKey(r.requestingTeamRef ?? '') === refKey(consumer.entityRef) ||
        r.endorsements.some(
          e => refKey(e.teamRef ?? '') === refKey(consumer.entityRef),
        );
      return {
        team: consumer,
        impact: impactOf(
          consumer.entityRef,
          quarter,
          shipped,
          shippedAt,
          this.now(),
        ),
        openRequests: requests
          .filter(mine)
          .map(r => ({ id: r.id, title: r.title, status: r.status })),
        pendingMigrations: shownDeprecations
          .filter(dep => ACTIVE_DEPRECATION_STATUSES.includes(dep.status))
          .flatMap(dep => {
            const uses = dep.consumingTeams.find(
              t => refKey(t.team.entityRef) === refKey(consumer.entityRef),
            );
            if (!uses) return [];
            return [
              {
                deprecationId: dep.id,
                entityRef: dep.entityRef,
                ...(dep.entity?.title && { entityTitle: dep.entity.title }),
                ...(dep.entityVersion && {
                  entityVersion: dep.entityVersion,
                }),
                sunsetOn: dep.sunsetOn,
                daysLeft: dep.daysLeft,
                consumers: uses.consumers.map(c => c.entity.entityRef),
              },
            ];
          }),
      };
    });

    return {
      team: team.team,
      quarter,
      generatedAt: this.now().toISOString(),
      contact: team.contact ?? [],
      themes: roadmap.themes,
      committed: roadmap.commitments.filter(c => c.kind === 'committed'),
      deprioritized: roadmap.commitments.filter(
        c => c.kind === 'deprioritized',
      ),
      asks,
      shipped: notes.items.filter(
        n => n.publishedOn >= start && n.publishedOn <= end,
      ),
      deprecations: shownDeprecations,
      ...(capacity.version > 0 && { capacity }),
      ...(satisfaction && {
        satisfaction: { period: quarter, ...satisfaction },
      }),
      consumers: consumers.sort(
        (a, b) =>
          b.impact.hoursSaved - a.impact.hoursSaved ||
          (a.team.title ?? a.team.name).localeCompare(
            b.team.title ?? b.team.name,
          ),
      ),
    };
  }

  /** Every platform team side by side for a year or a quarter. */
  async overview(
    period: string,
    credentials: BackstageCredentials,
  ): Promise<OrgOverview> {
    const d = this.deps;
    const today = utcDay(this.now());
    const year = period.slice(0, 4);
    const periods = period.includes('-Q')
      ? [year, period]
      : [year, ...[1, 2, 3, 4].map(q => `${year}-Q${q}`)];
    const teams = await d.teams.listTeams(credentials);
    const teamRefs = teams.map(t => refKey(t.team.entityRef));
    // A year's satisfaction is its latest quarter so far.
    let satisfactionPeriod = period;
    if (!period.includes('-Q')) {
      const current = quarterOf(this.now());
      satisfactionPeriod = current.startsWith(year) ? current : `${year}-Q4`;
    }

    const [themes, ranked, active, satisfaction, metrics] = await Promise.all([
      d.roadmapStore.listThemes({ teamRefs, periods }),
      d.requests.rank({ statuses: [...OPEN_STATUSES] }, credentials, {
        limit: BACKLOG_SHOWN,
        ...LIST_LIMITS,
      }),
      d.releaseStore.listDeprecations({
        teamRefs,
        statuses: ACTIVE_DEPRECATION_STATUSES,
      }),
      d.satisfaction?.(teamRefs, satisfactionPeriod),
      d.metrics?.(),
    ]);
    const themeViews = await d.roadmap.themeViews(themes, credentials, {
      withRequests: false,
    });
    const [burnDowns, entities] = await Promise.all([
      d.releaseStore.burnDowns(active.map(dep => dep.id)),
      new CatalogReader(d.catalog, credentials).byRefs(
        active.map(dep => dep.entityRef),
        SUMMARY_FIELDS,
      ),
    ]);
    // Only deprecations of entities the caller may read are on the calendar.
    const deprecations = active
      .filter(dep => entities.has(refKey(dep.entityRef)))
      .map(dep => {
        const entity = toEntitySummary(entities.get(refKey(dep.entityRef))!);
        return {
          id: dep.id,
          teamRef: dep.teamRef,
          entityRef: dep.entityRef,
          ...(entity.title && { entityTitle: entity.title }),
          ...(dep.entityVersion && { entityVersion: dep.entityVersion }),
          sunsetOn: dep.sunsetOn,
          daysLeft: daysBetween(today, dep.sunsetOn),
          status: dep.status,
          consumerCount: burnDowns.get(dep.id)?.at(-1)?.consumerCount ?? 0,
        };
      });

    return {
      period,
      teams: teams.map(t => {
        const ref = refKey(t.team.entityRef);
        const rating = satisfaction?.get(ref);
        return {
          team: t.team,
          contact: t.contact ?? [],
          consumingTeamCount: t.consumingTeams.length,
          themeCount: themes.filter(
            th => th.teamRef === ref && th.status !== 'deprioritized',
          ).length,
          activeDeprecationCount: deprecations.filter(
            dep => dep.teamRef === ref,
          ).length,
          ...(rating && { satisfaction: rating }),
        };
      }),
      themes: themeViews,
      backlog: ranked.items,
      backlogTotal: ranked.totalItems,
      deprecations,
      metrics: (metrics ?? []).filter(m =>
        teamRefs.includes(refKey(m.metric.teamRef)),
      ),
    };
  }
}
