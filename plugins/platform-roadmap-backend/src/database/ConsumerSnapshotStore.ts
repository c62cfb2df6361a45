import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migratedClient } from './migrations';

/** Who consumed a platform team on one day. */
export interface ConsumerSnapshot {
  teamRef: string;
  /** UTC day, YYYY-MM-DD. */
  takenOn: string;
  consumingTeamRefs: string[];
  consumerEntityCount: number;
}

type SnapshotRow = {
  team_ref: string;
  taken_on: string;
  consuming_team_refs: string;
  consumer_entity_count: number;
  updated_at?: Knex.Raw | Date;
};

const key = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Daily snapshots of each platform team's consuming teams. */
export class ConsumerSnapshotStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<ConsumerSnapshotStore> {
    return new ConsumerSnapshotStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  /**
   * Records the snapshots of one day in one transaction; a second run on the
   * same day replaces that day's rows, so the last run of a day wins.
   */
  async record(snapshots: ConsumerSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.db.transaction(async tx => {
      for (const snapshot of snapshots) {
        await tx<SnapshotRow>('consumer_snapshots')
          .insert({ ...toRow(snapshot), updated_at: tx.fn.now() })
          .onConflict(['team_ref', 'taken_on'])
          .merge();
      }
    });
  }

  /**
   * For each team, the snapshot to compare today's consumers against: the
   * latest one taken on or before `onOrBefore`, or else the oldest one (the
   * day tracking started).
   */
  async baselines(
    teamRefs: string[],
    onOrBefore: string,
  ): Promise<Map<string, ConsumerSnapshot>> {
    const keys = teamRefs.map(key);
    const result = new Map<string, ConsumerSnapshot>();
    if (keys.length === 0) return result;

    const latestBefore = this.db<SnapshotRow>('consumer_snapshots')
      .select('team_ref')
      .max({ taken_on: 'taken_on' })
      .whereIn('team_ref', keys)
      .where('taken_on', '<=', onOrBefore)
      .groupBy('team_ref');
    const oldest = this.db<SnapshotRow>('consumer_snapshots')
      .select('team_ref')
      .min({ taken_on: 'taken_on' })
      .whereIn('team_ref', keys)
      .groupBy('team_ref');
    const [before, first] = await Promise.all([latestBefore, oldest]);

    const wanted = new Map<string, string>();
    for (const row of [...first, ...before]) {
      if (row.taken_on) wanted.set(row.team_ref, String(row.taken_on));
    }
    if (wanted.size === 0) return result;

    const rows = await this.db<SnapshotRow>('consumer_snapshots').where(
      builder => {
        for (const [teamRef, takenOn] of wanted) {
          builder.orWhere({ team_ref: teamRef, taken_on: takenOn });
        }
      },
    );
    for (const row of rows) result.set(row.team_ref, fromRow(row));
    return result;
  }
}

function toRow(snapshot: ConsumerSnapshot): SnapshotRow {
  return {
    team_ref: key(snapshot.teamRef),
    taken_on: snapshot.takenOn,
    consuming_team_refs: JSON.stringify(
      [...new Set(snapshot.consumingTeamRefs.map(key))].sort(),
    ),
    consumer_entity_count: snapshot.consumerEntityCount,
  };
}

function fromRow(row: SnapshotRow): ConsumerSnapshot {
  return {
    teamRef: row.team_ref,
    takenOn: row.taken_on,
    consumingTeamRefs: JSON.parse(row.consuming_team_refs),
    consumerEntityCount: Number(row.consumer_entity_count),
  };
}
