import {
  ConsumerHistory,
  PlatformTeam,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { ConsumerSnapshot } from '../database/ConsumerSnapshotStore';

/** How far back the roadmap looks for "new consuming teams". */
export const HISTORY_WINDOW_DAYS = 30;

/** The UTC day of a moment, as stored in snapshots (YYYY-MM-DD). */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The UTC day `days` before `at`. */
export function daysBefore(at: Date, days: number): string {
  return utcDay(new Date(at.getTime() - days * 24 * 60 * 60 * 1000));
}

/** The snapshot of a team as computed now. */
export function snapshotOf(team: PlatformTeam, at: Date): ConsumerSnapshot {
  const consumerEntities = new Set<string>();
  for (const consumer of team.consumingTeams) {
    for (const edge of consumer.via)
      consumerEntities.add(edge.consumer.entityRef);
  }
  return {
    teamRef: team.team.entityRef,
    takenOn: utcDay(at),
    consumingTeamRefs: team.consumingTeams.map(c => c.team.entityRef),
    consumerEntityCount: consumerEntities.size + team.unownedConsumerCount,
  };
}

/**
 * Compares a team's current (caller-visible) consumers with a snapshot.
 * Only teams in the current list are named, so nothing the caller cannot
 * read is revealed by the snapshot, which was taken with the plugin's own
 * credentials.
 */
export function consumerHistory(
  team: PlatformTeam,
  baseline: ConsumerSnapshot | undefined,
): ConsumerHistory | undefined {
  if (!baseline) return undefined;
  const before = new Set(
    baseline.consumingTeamRefs.map(r => r.toLocaleLowerCase('en-US')),
  );
  return {
    since: baseline.takenOn,
    newConsumingTeams: team.consumingTeams
      .map(c => c.team)
      .filter(t => !before.has(t.entityRef.toLocaleLowerCase('en-US'))),
  };
}
