import {
  ImpactItem,
  ImpactSummary,
  periodRange,
  PlatformRequest,
} from '@platform-roadmap/plugin-platform-roadmap-common';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A person-week, in working hours. */
export const HOURS_PER_PERSON_WEEK = 40;

const round1 = (n: number) => Math.round(n * 10) / 10;
const key = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * What shipped requests save a consuming team in a period, in the team's
 * own figures.
 *
 * - A request counts when the team filed it (its filing cost) or, failing
 *   that, endorsed it (its largest endorsement cost: one figure per team,
 *   so engineers are not counted twice).
 * - It saves `hours per engineer per week × engineers` every week after it
 *   shipped: `weeks` is the part of the period after the ship day (a whole
 *   period for something shipped before it), up to today.
 * - Hours ÷ 40 = person-weeks.
 */
export function impactOf(
  teamRef: string,
  period: string,
  requests: PlatformRequest[],
  shippedAt: Map<string, Date>,
  now: Date = new Date(),
): ImpactSummary {
  const team = key(teamRef);
  const { start, end } = periodRange(period);
  const periodStart = Date.parse(`${start}T00:00:00Z`);
  // Weeks that have not happened yet save nothing: a quarter in progress
  // counts up to today, a future one not at all.
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const periodEnd = Math.min(
    Date.parse(`${end}T00:00:00Z`) + DAY_MS,
    today + DAY_MS,
  );
  const items: ImpactItem[] = [];
  for (const request of requests) {
    const shipped = shippedAt.get(request.id);
    if (request.status !== 'shipped' || !shipped) continue;
    // Whole days: from the start of the ship day.
    const shippedOn = shipped.toISOString().slice(0, 10);
    const shippedDay = Date.parse(`${shippedOn}T00:00:00Z`);
    if (shippedDay >= periodEnd || periodEnd <= periodStart) continue;
    const figure = teamFigure(request, team);
    if (!figure) continue;
    const from = Math.max(shippedDay, periodStart);
    const weeks = round1((periodEnd - from) / DAY_MS / 7);
    const weeklyHours = round1(
      figure.cost.hoursPerEngineerPerWeek * figure.cost.engineersAffected,
    );
    items.push({
      requestId: request.id,
      title: request.title,
      platformTeamRef: request.platformTeamRef,
      shippedOn,
      ...(request.releaseNoteId && { releaseNoteId: request.releaseNoteId }),
      via: figure.via,
      entityRef: figure.entityRef,
      hoursPerEngineerPerWeek: figure.cost.hoursPerEngineerPerWeek,
      engineersAffected: figure.cost.engineersAffected,
      weeklyHours,
      weeks,
      hoursSaved: round1(weeklyHours * weeks),
    });
  }
  items.sort((a, b) => b.hoursSaved - a.hoursSaved);
  const hoursSaved = round1(items.reduce((sum, i) => sum + i.hoursSaved, 0));
  return {
    teamRef: team,
    period,
    items,
    hoursSaved,
    personWeeksSaved: round1(hoursSaved / HOURS_PER_PERSON_WEEK),
  };
}

function teamFigure(request: PlatformRequest, team: string) {
  if (request.requestingTeamRef && key(request.requestingTeamRef) === team) {
    return {
      via: 'filed' as const,
      entityRef: request.requestingEntityRef,
      cost: request.cost,
    };
  }
  const endorsements = request.endorsements
    .filter(e => e.teamRef && key(e.teamRef) === team)
    .sort(
      (a, b) =>
        b.cost.hoursPerEngineerPerWeek * b.cost.engineersAffected -
        a.cost.hoursPerEngineerPerWeek * a.cost.engineersAffected,
    );
  const best = endorsements[0];
  return best
    ? { via: 'endorsed' as const, entityRef: best.entityRef, cost: best.cost }
    : undefined;
}
