import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { migratedClient } from './migrations';

/**
 * Which replica loads each part of the example data: the first to claim a
 * part loads it, whichever replica that is; the others skip it. A part that
 * failed to load is not tried again (demo data only).
 */
export class ExampleDataClaims {
  static async create(options: {
    database: DatabaseService;
  }): Promise<ExampleDataClaims> {
    return new ExampleDataClaims(await migratedClient(options.database));
  }

  private constructor(private readonly db: Knex) {}

  /** True for the first caller only, on any replica. */
  async claim(name: string, at: Date = new Date()): Promise<boolean> {
    const inserted = await this.db('example_data_claims')
      .insert({ name, claimed_at: at })
      .onConflict('name')
      .ignore()
      .returning('name');
    return inserted.length === 1;
  }
}
