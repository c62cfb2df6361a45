import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityRoadmap,
  IncomingRoadmap,
  isPlatformTeamEntity,
  MAX_THEMES_PER_YEAR,
  periodRange,
  quarterOf,
  shiftQuarter,
  TeamRoadmap,
  Theme,
  ThemeView,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import {
  CatalogReader,
  entityKey,
  ownerRefs,
  refKey,
  relationTargets,
} from '../catalog/CatalogReader';
import { SUMMARY_FIELDS, toEntitySummary } from '../catalog/entitySummary';
import { RoadmapStore } from '../database/RoadmapStore';
import { LIST_LIMITS, RequestsService } from '../requests/RequestsService';
import { checkEntities } from '../catalog/checkEntities';
import { mergeTeamsImpacted } from './mergeTeamsImpacted';

const TEAM_FIELDS = [...SUMMARY_FIELDS, 'metadata.annotations'];
const ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'relations',
];

/**
 * Which of the entity's dependencies (owned by the theme's team) a theme
 * comes through: those it names, or all of them when it names none of them.
 */
function themeVia(theme: Theme, dependencies: string[]): string[] {
  const named = dependencies.filter(ref =>
    theme.entityRefs.includes(refKey(ref)),
  );
  return named.length ? named : dependencies;
}

/**
 * What a platform team publishes — themes, OKRs, commitments — assembled
 * for the pages that show it, on behalf of the caller.
 */
export class RoadmapService {
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      store: RoadmapStore;
      requests: RequestsService;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * The Roadmap tab: themes of the quarter and of its year with their OKRs,
   * planned requests and teams impacted, and the quarter's commitments.
   */
  async teamRoadmap(
    teamRef: string,
    quarter: string | undefined,
    credentials: BackstageCredentials,
  ): Promise<TeamRoadmap> {
    await this.requirePlatformTeam(teamRef, credentials);
    const { store } = this.deps;
    const current = quarterOf(this.now());
    const shown = quarter ?? current;
    const year = shown.slice(0, 4);
    // One query for the year's themes: the count for the flag, and the
    // ones shown (the year's own and the quarter's).
    const [yearThemes, commitments, periods] = await Promise.all([
      store.listThemes({
        teamRefs: [teamRef],
        periods: [year, ...[1, 2, 3, 4].map(q => `${year}-Q${q}`)],
      }),
      store.listCommitments({ teamRefs: [teamRef], quarters: [shown] }),
      store.periodsOf(teamRef),
    ]);
    const themes = yearThemes.filter(
      t => t.period === year || t.period === shown,
    );
    const quarters = new Set([
      shiftQuarter(current, -1),
      current,
      shiftQuarter(current, 1),
      shown,
      ...periods.filter(p => p.includes('-Q')),
    ]);
    const count = yearThemes.filter(t => t.status !== 'deprioritized').length;
    return {
      teamRef: refKey(teamRef),
      quarter: shown,
      quarters: [...quarters].sort().reverse(),
      themes: await this.themeViews(themes, credentials),
      commitments,
      themesInYear: { year, count, overLimit: count > MAX_THEMES_PER_YEAR },
    };
  }

  /**
   * Themes with their objectives, key results, linked requests (ranked) and
   * the union of those requests' teams impacted: three queries and one
   * ranking, whatever the number of themes.
   */
  async themeViews(
    themes: Theme[],
    credentials: BackstageCredentials,
    options: { withRequests?: boolean } = {},
  ): Promise<ThemeView[]> {
    if (themes.length === 0) return [];
    const { store, requests } = this.deps;
    const themeIds = themes.map(t => t.id);
    const objectives = await store.listObjectives(themeIds);
    const [keyResults, ranked] = await Promise.all([
      store.listKeyResults(objectives.map(o => o.id)),
      options.withRequests === false
        ? Promise.resolve([])
        : requests
            // Every team (a theme counts them all), few reasons each.
            .rank({ themeIds }, credentials, {
              reasonsPerTeam: LIST_LIMITS.reasonsPerTeam,
            })
            .then(page => page.items),
    ]);
    return themes.map(theme => {
      const linked = ranked.filter(r => r.request.themeId === theme.id);
      return {
        theme,
        objectives: objectives
          .filter(o => o.themeId === theme.id)
          .map(o => ({
            ...o,
            keyResults: keyResults.filter(kr => kr.objectiveId === o.id),
          })),
        requests: linked,
        teamsImpacted: mergeTeamsImpacted(linked.map(r => r.teamsImpacted)),
      };
    });
  }

  /**
   * The themes and key results that concern a platform entity: themes of
   * its owning platform team, not yet over, that name it, plan a request
   * about it, or measure it.
   */
  async entityRoadmap(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityRoadmap> {
    const reader = new CatalogReader(this.deps.catalog, credentials);
    const entity = (await reader.byRefs([entityRef], ENTITY_FIELDS)).get(
      refKey(entityRef),
    );
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    const owners = await reader.byRefs(ownerRefs(entity), TEAM_FIELDS);
    const team = [...owners.values()].find(isPlatformTeamEntity);
    const key = entityKey(entity);
    if (!team) return { entityRef: key, themes: [] };
    const teamRef = entityKey(team);
    const themes = await this.currentThemes([teamRef]);
    const views = await this.themeViews(themes, credentials);
    return {
      entityRef: key,
      teamRef,
      themes: views.filter(
        view =>
          view.theme.entityRefs.includes(key) ||
          view.requests.some(r => r.request.aboutEntityRefs.includes(key)) ||
          view.objectives.some(o =>
            o.keyResults.some(
              kr =>
                kr.measure?.type === 'consuming-teams' &&
                kr.measure.entityRef === key,
            ),
          ),
      ),
    };
  }

  /**
   * "Coming from your platforms": the committed and in-progress themes of
   * the platform teams owning what an entity depends on or consumes. Three
   * batched catalog calls.
   */
  async incomingRoadmap(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<IncomingRoadmap> {
    const reader = new CatalogReader(this.deps.catalog, credentials);
    const entity = (await reader.byRefs([entityRef], ENTITY_FIELDS)).get(
      refKey(entityRef),
    );
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    const usedRefs = [
      ...relationTargets(entity, RELATION_DEPENDS_ON),
      ...relationTargets(entity, RELATION_CONSUMES_API),
    ].map(refKey);
    const used = await reader.byRefs(usedRefs, ENTITY_FIELDS);
    const ownersOf = (e: Entity) => ownerRefs(e).map(refKey);
    const ownKeys = new Set(ownersOf(entity));
    const owners = await reader.byRefs(
      [...used.values()].flatMap(ownersOf),
      TEAM_FIELDS,
    );
    const platformTeams = [...owners.values()].filter(
      team => isPlatformTeamEntity(team) && !ownKeys.has(entityKey(team)),
    );
    const themes = await this.currentThemes(platformTeams.map(entityKey), [
      'committed',
      'in-progress',
    ]);
    const views = await this.themeViews(themes, credentials, {
      withRequests: false,
    });
    return {
      entityRef: entityKey(entity),
      teams: platformTeams
        .map(team => {
          const teamRef = entityKey(team);
          const via = [...used.values()]
            .filter(e => ownersOf(e).includes(teamRef))
            .map(e => stringifyEntityRef(e));
          const summary = toEntitySummary(team);
          return {
            teamRef,
            ...(summary.title && { title: summary.title }),
            themes: views
              .filter(v => v.theme.teamRef === teamRef)
              .map(v => ({
                theme: v.theme,
                via: themeVia(v.theme, via),
                keyResults: v.objectives.flatMap(o => o.keyResults),
              })),
          };
        })
        .sort((a, b) =>
          (a.title ?? a.teamRef).localeCompare(b.title ?? b.teamRef),
        ),
    };
  }

  /** Themes of these teams whose period has not ended. */
  private async currentThemes(
    teamRefs: string[],
    statuses?: Theme['status'][],
  ): Promise<Theme[]> {
    if (teamRefs.length === 0) return [];
    const today = this.now().toISOString().slice(0, 10);
    const current = quarterOf(this.now());
    const year = current.slice(0, 4);
    const periods = [
      year,
      String(Number(year) + 1),
      ...[0, 1, 2, 3, 4].map(offset => shiftQuarter(current, offset)),
    ];
    const themes = await this.deps.store.listThemes({
      teamRefs,
      periods,
      ...(statuses && { statuses }),
    });
    return themes.filter(t => periodRange(t.period).end >= today);
  }

  /**
   * Checks that the entities a theme or key result names exist for the
   * caller and belong to the team; InputError naming the field otherwise.
   */
  async checkTeamEntities(
    teamRef: string,
    entityRefs: string[],
    field: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await checkEntities(
      this.deps.catalog,
      teamRef,
      entityRefs.map(ref => ({ field, ref, owned: true })),
      credentials,
    );
  }

  /** NotFoundError unless the caller can read the team and it is a platform team. */
  async requirePlatformTeam(
    teamRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const reader = new CatalogReader(this.deps.catalog, credentials);
    const team = (await reader.byRefs([teamRef], TEAM_FIELDS)).get(
      refKey(teamRef),
    );
    if (!team || !isPlatformTeamEntity(team)) {
      throw new NotFoundError(`No platform team ${teamRef}`);
    }
    return team;
  }
}
