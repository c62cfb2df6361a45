import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@platform-roadmap/plugin-platform-roadmap-backend',
  'migrations',
);

describe('migrations', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps the endorsers of existing requests on their rows', async () => {
      const knex = await databases.init(databaseId);
      // Up to the migration before the endorsers column, with data.
      for (;;) {
        const [, pending] = await knex.migrate.list({ directory });
        if (pending[0].file === '20261124120000_request_endorsers.js') break;
        await knex.migrate.up({ directory });
      }
      const at = new Date('2026-11-01T10:00:00Z');
      const request = (id: string) => ({
        id,
        version: 1,
        title: id,
        description: '',
        kind: 'slowdown',
        impact_type: 'velocity-tax',
        severity: 'high',
        hours_per_engineer_per_week: 1,
        engineers_affected: 1,
        requesting_entity_ref: 'component:default/checkout-web',
        platform_team_ref: 'group:default/ci-build',
        about_entity_refs: '[]',
        status: 'open',
        created_by: 'user:default/alice',
        created_at: at,
        updated_at: at,
      });
      await knex('requests').insert([request('endorsed'), request('alone')]);
      const endorsement = (entity: string, minutes: number) => ({
        request_id: 'endorsed',
        entity_ref: entity,
        hours_per_engineer_per_week: 1,
        engineers_affected: 1,
        created_by: 'user:default/bob',
        created_at: new Date(at.getTime() + minutes * 60_000),
      });
      await knex('request_endorsements').insert([
        endorsement('component:default/zeta', 1),
        endorsement('component:default/alpha', 2),
      ]);

      await knex.migrate.latest({ directory });
      const rows = await knex('requests')
        .select('id', 'endorsing_entity_refs')
        .orderBy('id');
      expect(
        rows.map(r => [r.id, JSON.parse(r.endorsing_entity_refs)]),
      ).toEqual([
        ['alone', []],
        ['endorsed', ['component:default/alpha', 'component:default/zeta']],
      ]);

      // and back down: the column goes, the endorsements stay
      await knex.migrate.down({
        directory,
        name: '20261124130000_team_deprecation_index.js',
      });
      await knex.migrate.down({
        directory,
        name: '20261124120000_request_endorsers.js',
      });
      expect(
        await knex.schema.hasColumn('requests', 'endorsing_entity_refs'),
      ).toBe(false);
      const [{ n }] = await knex('request_endorsements').count({ n: '*' });
      expect(Number(n)).toBe(2);
      await knex.migrate.latest({ directory });
      expect(
        JSON.parse(
          (await knex('requests').where('id', 'endorsed').first())
            .endorsing_entity_refs,
        ),
      ).toHaveLength(2);
    });
  });
});
