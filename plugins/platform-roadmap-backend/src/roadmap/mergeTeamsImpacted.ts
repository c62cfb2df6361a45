import {
  EntitySummary,
  ImpactedTeam,
  TeamsImpacted,
} from '@platform-roadmap/plugin-platform-roadmap-common';

const STRONG_SIGNAL_TEAMS = 3;

/**
 * The teams impacted across several requests: each team once, with every
 * reason it appears for, and the org units recounted over the union.
 */
export function mergeTeamsImpacted(all: TeamsImpacted[]): TeamsImpacted {
  const teams = new Map<string, ImpactedTeam>();
  const units = new Map<string, EntitySummary>();
  for (const impacted of all) {
    for (const { unit } of impacted.orgUnits) {
      units.set(unit.entityRef.toLocaleLowerCase('en-US'), unit);
    }
    for (const team of impacted.teams) {
      const k = team.team.entityRef.toLocaleLowerCase('en-US');
      const existing = teams.get(k);
      if (!existing) {
        teams.set(k, { ...team, reasons: [...team.reasons] });
        continue;
      }
      const seen = new Set(existing.reasons.map(r => JSON.stringify(r)));
      for (const reason of team.reasons) {
        if (!seen.has(JSON.stringify(reason))) existing.reasons.push(reason);
      }
      // Omitted reasons cannot be told apart; the larger count is a floor.
      const omitted = Math.max(
        existing.omittedReasons ?? 0,
        team.omittedReasons ?? 0,
      );
      if (omitted > 0) existing.omittedReasons = omitted;
    }
  }
  const merged = [...teams.values()];
  const orgUnits = [...units.entries()]
    .map(([k, unit]) => ({
      unit,
      teamCount: merged.filter(t =>
        t.orgUnitRefs.some(ref => ref.toLocaleLowerCase('en-US') === k),
      ).length,
    }))
    .filter(u => u.teamCount > 0)
    .sort((a, b) => b.teamCount - a.teamCount);
  const askingTeamCount = merged.filter(t =>
    t.reasons.some(r => r.type === 'requested' || r.type === 'endorsed'),
  ).length;
  return {
    teams: merged,
    orgUnits,
    askingTeamCount,
    strongSignal: askingTeamCount >= STRONG_SIGNAL_TEAMS,
  };
}
