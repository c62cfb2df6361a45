import { mockServices } from '@backstage/backend-test-utils';
import path from 'node:path';
import { createTestDatabases } from '../__testUtils__/databases';
import { RequestStore } from '../database/RequestStore';
import { seedExampleRequests } from './seedExampleRequests';

const file = path.resolve(__dirname, '../../../../examples/requests.yaml');

describe('seedExampleRequests', () => {
  const databases = createTestDatabases();

  it('loads the example requests once, with their history', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await RequestStore.create({
      database: { getClient: async () => knex },
    });
    const logger = mockServices.logger.mock();
    const now = new Date('2026-11-23T12:00:00Z');

    const count = await seedExampleRequests({ file, store, logger, now });
    expect(count).toBeGreaterThanOrEqual(10);
    expect(await seedExampleRequests({ file, store, logger, now })).toBe(0);

    const ciBuild = await store.listRequests({
      platformTeamRef: 'group:default/ci-build',
    });
    const cache = ciBuild.find(r => r.title.startsWith('Remote cache'))!;
    expect(cache.status).toBe('planned');
    expect(cache.endorsements).toHaveLength(2);
    expect(cache.triage).toEqual({
      costToShip: 1,
      strategicFit: 5,
      reversibility: 4,
    });
    expect((await store.history(cache.id)).map(h => h.action)).toEqual([
      'filed',
      'endorsed',
      'endorsed',
      'triaged',
      'status',
    ]);
    const deprioritized = ciBuild.find(r => r.status === 'deprioritized')!;
    expect(deprioritized.statusReason).toMatch(/Storage migration/);
    expect(deprioritized.revisitOn).toBe('2027-04-01');
  });
});
