import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  AskKind,
  CAPACITY_DISCIPLINES,
  CapacityBudget,
  CapacityDiscipline,
  ReviewAsk,
  Stakeholder,
  StakeholderKind,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { migratedClient } from './migrations';
import { deleteVersioned, updateVersioned, VersionedTable } from './versioned';
import { Actor } from './RoadmapStore';

export interface StakeholderFields {
  kind: StakeholderKind;
  name: string;
  entityRef?: string | null;
  contact?: string;
  notes: string;
}

export interface AskFields {
  quarter: string;
  kind: AskKind;
  text: string;
}

type CapacityRow = {
  team_ref: string;
  quarter: string;
  version: number;
  on_call: number;
  maintenance: number;
  documentation: number;
  onboarding: number;
  roadmap: number;
  updated_by: string;
  updated_at: Date | string;
};

type StakeholderRow = {
  id: string;
  version: number;
  team_ref: string;
  kind: string;
  name: string;
  entity_ref: string | null;
  contact: string | null;
  notes: string;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
};

type AskRow = {
  id: string;
  version: number;
  team_ref: string;
  quarter: string;
  kind: string;
  text: string;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
};

const TABLES = {
  stakeholders: { table: 'stakeholders', noun: 'Stakeholder' },
  review_asks: { table: 'review_asks', noun: 'Ask' },
} satisfies Record<string, VersionedTable>;

const COLUMNS: Record<CapacityDiscipline, keyof CapacityRow> = {
  onCall: 'on_call',
  maintenance: 'maintenance',
  documentation: 'documentation',
  onboarding: 'onboarding',
  roadmap: 'roadmap',
};

const key = (ref: string) => ref.toLocaleLowerCase('en-US');
const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Capacity budgets, the stakeholders a team writes down and the asks of its
 * customer review. No SQL about them lives elsewhere.
 */
export class ProductStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<ProductStore> {
    return new ProductStore(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  // Capacity

  /** A team's budget for a quarter; version 0 and all zeros when unwritten. */
  async getCapacity(teamRef: string, quarter: string): Promise<CapacityBudget> {
    const [budget] = await this.listCapacity([teamRef], [quarter]);
    return budget ?? emptyBudget(teamRef, quarter);
  }

  /** The written budgets of these teams and quarters. */
  async listCapacity(
    teamRefs: string[],
    quarters: string[],
  ): Promise<CapacityBudget[]> {
    if (teamRefs.length === 0 || quarters.length === 0) return [];
    const rows = await this.db<CapacityRow>('capacity_budgets')
      .whereIn('team_ref', teamRefs.map(key))
      .whereIn('quarter', quarters);
    return rows.map(toBudget);
  }

  /**
   * Writes a quarter's budget made on `version` (0: the quarter had none).
   * A concurrent first write, or an edit on a stale version, is a 409.
   */
  async setCapacity(
    teamRef: string,
    quarter: string,
    version: number,
    shares: Record<CapacityDiscipline, number>,
    actor: Actor,
  ): Promise<CapacityBudget> {
    const columns = Object.fromEntries(
      CAPACITY_DISCIPLINES.map(d => [COLUMNS[d], shares[d]]),
    );
    const stale = () =>
      new ConflictError(
        `The capacity budget of ${teamRef} for ${quarter} changed since you loaded it; reload and try again`,
      );
    if (version === 0) {
      try {
        await this.db<CapacityRow>('capacity_budgets').insert({
          team_ref: key(teamRef),
          quarter,
          version: 1,
          ...columns,
          updated_by: actor.by,
          updated_at: actor.at,
        });
      } catch (error) {
        // The primary key: someone wrote the first budget meanwhile.
        if (await this.hasCapacity(teamRef, quarter)) throw stale();
        throw error;
      }
    } else {
      const updated = await this.db<CapacityRow>('capacity_budgets')
        .where({ team_ref: key(teamRef), quarter, version })
        .update({
          ...columns,
          version: version + 1,
          updated_by: actor.by,
          updated_at: actor.at,
        });
      if (updated === 0) throw stale();
    }
    return this.getCapacity(teamRef, quarter);
  }

  private async hasCapacity(teamRef: string, quarter: string) {
    return !!(await this.db<CapacityRow>('capacity_budgets')
      .where({ team_ref: key(teamRef), quarter })
      .first('version'));
  }

  // Stakeholders

  async createStakeholder(
    teamRef: string,
    input: StakeholderFields,
    actor: Actor,
  ): Promise<Stakeholder> {
    const id = randomUUID();
    await this.db<StakeholderRow>('stakeholders').insert({
      id,
      version: 1,
      team_ref: key(teamRef),
      ...stakeholderColumns(input),
      created_by: actor.by,
      created_at: actor.at,
      updated_at: actor.at,
    });
    return this.getStakeholder(id);
  }

  async getStakeholder(id: string): Promise<Stakeholder> {
    const row = await this.db<StakeholderRow>('stakeholders')
      .where('id', id)
      .first();
    if (!row) throw new NotFoundError(`No stakeholder ${id}`);
    return toStakeholder(row);
  }

  async listStakeholders(teamRef: string): Promise<Stakeholder[]> {
    const rows = await this.db<StakeholderRow>('stakeholders')
      .where('team_ref', key(teamRef))
      .orderBy([
        { column: 'kind', order: 'asc' },
        { column: 'name', order: 'asc' },
      ]);
    return rows.map(toStakeholder);
  }

  async updateStakeholder(
    id: string,
    version: number,
    input: StakeholderFields,
    actor: Actor,
  ): Promise<Stakeholder> {
    await updateVersioned(
      this.db,
      TABLES.stakeholders,
      id,
      version,
      actor.at,
      stakeholderColumns(input),
    );
    return this.getStakeholder(id);
  }

  async deleteStakeholder(id: string, version: number): Promise<void> {
    await deleteVersioned(this.db, TABLES.stakeholders, id, version);
  }

  // Asks

  async createAsk(
    teamRef: string,
    input: AskFields,
    actor: Actor,
  ): Promise<ReviewAsk> {
    const id = randomUUID();
    await this.db<AskRow>('review_asks').insert({
      id,
      version: 1,
      team_ref: key(teamRef),
      ...input,
      created_by: actor.by,
      created_at: actor.at,
      updated_at: actor.at,
    });
    return this.getAsk(id);
  }

  async getAsk(id: string): Promise<ReviewAsk> {
    const row = await this.db<AskRow>('review_asks').where('id', id).first();
    if (!row) throw new NotFoundError(`No ask ${id}`);
    return toAsk(row);
  }

  async listAsks(teamRef: string, quarter: string): Promise<ReviewAsk[]> {
    const rows = await this.db<AskRow>('review_asks')
      .where({ team_ref: key(teamRef), quarter })
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toAsk);
  }

  async updateAsk(
    id: string,
    version: number,
    input: AskFields,
    actor: Actor,
  ): Promise<ReviewAsk> {
    await updateVersioned(this.db, TABLES.review_asks, id, version, actor.at, {
      ...input,
    });
    return this.getAsk(id);
  }

  async deleteAsk(id: string, version: number): Promise<void> {
    await deleteVersioned(this.db, TABLES.review_asks, id, version);
  }

  /** Whether any budget, stakeholder or ask exists (for the demo seed). */
  async hasAny(): Promise<boolean> {
    const found = await Promise.all([
      this.db('capacity_budgets').first('team_ref'),
      this.db('stakeholders').first('id'),
      this.db('review_asks').first('id'),
    ]);
    return found.some(Boolean);
  }
}

function zeroDisciplines(shares: Record<CapacityDiscipline, number>) {
  return CAPACITY_DISCIPLINES.filter(d => shares[d] === 0);
}

function emptyBudget(teamRef: string, quarter: string): CapacityBudget {
  const shares = Object.fromEntries(
    CAPACITY_DISCIPLINES.map(d => [d, 0]),
  ) as Record<CapacityDiscipline, number>;
  return {
    teamRef: key(teamRef),
    quarter,
    version: 0,
    shares,
    // Nothing is planned yet: nothing to flag either.
    zeroDisciplines: [],
  };
}

function toBudget(row: CapacityRow): CapacityBudget {
  const shares = Object.fromEntries(
    CAPACITY_DISCIPLINES.map(d => [d, Number(row[COLUMNS[d]])]),
  ) as Record<CapacityDiscipline, number>;
  return {
    teamRef: row.team_ref,
    quarter: row.quarter,
    version: Number(row.version),
    shares,
    zeroDisciplines: zeroDisciplines(shares),
    updatedBy: row.updated_by,
    updatedAt: iso(row.updated_at),
  };
}

function stakeholderColumns(input: StakeholderFields) {
  return {
    kind: input.kind,
    name: input.name,
    entity_ref: input.entityRef ? key(input.entityRef) : null,
    contact: input.contact || null,
    notes: input.notes,
  };
}

function toStakeholder(row: StakeholderRow): Stakeholder {
  return {
    id: row.id,
    version: Number(row.version),
    teamRef: row.team_ref,
    kind: row.kind as StakeholderKind,
    name: row.name,
    ...(row.entity_ref && { entityRef: row.entity_ref }),
    ...(row.contact && { contact: row.contact }),
    notes: row.notes,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function toAsk(row: AskRow): ReviewAsk {
  return {
    id: row.id,
    version: Number(row.version),
    teamRef: row.team_ref,
    quarter: row.quarter,
    kind: row.kind as AskKind,
    text: row.text,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
