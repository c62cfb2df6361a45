import { TestDatabaseId } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/databases';
import { RequestStore, RequestToCreate } from './RequestStore';

jest.setTimeout(60_000);

const filed: RequestToCreate = {
  title: 'Remote cache misses on every CI run',
  description: 'Builds **never** hit the cache.',
  kind: 'slowdown',
  impactType: 'velocity-tax',
  severity: 'high',
  cost: {
    hoursPerEngineerPerWeek: 2,
    engineersAffected: 12,
    evidence: 'compile takes 12 minutes',
  },
  requestingEntityRef: 'component:default/Checkout-Web',
  requestingTeamRef: 'group:default/checkout',
  platformTeamRef: 'group:default/ci-build',
  aboutEntityRefs: ['component:default/build-cache'],
};

const alice = {
  by: 'user:default/alice',
  at: new Date('2026-11-01T10:00:00Z'),
};
const bob = { by: 'user:default/bob', at: new Date('2026-11-02T10:00:00Z') };

describe('RequestStore', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    return RequestStore.create({ database: { getClient: async () => knex } });
  }

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('files a request and reads it back with its history', async () => {
      const store = await createStore(databaseId);
      const request = await store.createRequest(filed, alice);

      expect(request).toEqual({
        id: expect.any(String),
        version: 1,
        title: filed.title,
        description: filed.description,
        kind: 'slowdown',
        impactType: 'velocity-tax',
        severity: 'high',
        cost: filed.cost,
        requestingEntityRef: 'component:default/checkout-web',
        requestingTeamRef: 'group:default/checkout',
        platformTeamRef: 'group:default/ci-build',
        aboutEntityRefs: ['component:default/build-cache'],
        status: 'open',
        endorsements: [],
        createdBy: 'user:default/alice',
        createdAt: '2026-11-01T10:00:00.000Z',
        updatedAt: '2026-11-01T10:00:00.000Z',
      });
      expect(await store.history(request.id)).toEqual([
        {
          requestId: request.id,
          at: '2026-11-01T10:00:00.000Z',
          by: 'user:default/alice',
          action: 'filed',
          toStatus: 'open',
        },
      ]);
      await expect(store.getRequest('nope')).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it('lists what one team filed or endorsed, by team', async () => {
      const store = await createStore(databaseId);
      const ours = await store.createRequest(filed, alice);
      const theirs = await store.createRequest(
        {
          ...filed,
          title: 'Flaky runners',
          requestingEntityRef: 'component:default/order-service',
          requestingTeamRef: 'group:default/orders',
        },
        alice,
      );
      await store.createRequest(
        {
          ...filed,
          title: 'Slow checkouts of the monorepo',
          requestingEntityRef: 'component:default/order-service',
          requestingTeamRef: 'group:default/orders',
        },
        alice,
      );
      await store.addEndorsement(
        theirs.id,
        {
          entityRef: 'component:default/checkout-web',
          teamRef: 'group:default/checkout',
          cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 3 },
        },
        bob,
      );
      const listed = await store.listRequests({
        askingTeamRef: 'group:default/Checkout',
      });
      expect(listed.map(r => r.id).sort()).toEqual([ours.id, theirs.id].sort());
      // the impact card reads only the team's own endorsements
      await store.addEndorsement(
        theirs.id,
        {
          entityRef: 'component:default/fraud-scorer',
          teamRef: 'group:default/risk',
          cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 2 },
        },
        bob,
      );
      const withOurs = await store.listRequests(
        { askingTeamRef: 'group:default/checkout' },
        { endorsementsOf: 'group:default/Checkout' },
      );
      expect(
        withOurs.map(r => [r.id, r.endorsements.map(e => e.entityRef)]),
      ).toEqual(
        expect.arrayContaining([
          [ours.id, []],
          [theirs.id, ['component:default/checkout-web']],
        ]),
      );
      expect(
        await store.listRequests({
          askingTeamRef: 'group:default/checkout',
          statuses: ['shipped'],
        }),
      ).toEqual([]);
    });

    it('takes one endorsement per entity, never from the requester', async () => {
      const store = await createStore(databaseId);
      const { id } = await store.createRequest(filed, alice);
      const endorsement = {
        entityRef: 'component:default/order-service',
        teamRef: 'group:default/orders',
        cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 8 },
        comment: 'Same for us',
      };

      const endorsed = await store.addEndorsement(id, endorsement, bob);
      expect(endorsed.endorsements).toEqual([
        {
          ...endorsement,
          createdBy: 'user:default/bob',
          createdAt: '2026-11-02T10:00:00.000Z',
        },
      ]);
      expect(endorsed.version).toBe(1);
      await expect(
        store.addEndorsement(id, endorsement, bob),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        store.addEndorsement(
          id,
          { ...endorsement, entityRef: 'component:default/checkout-web' },
          bob,
        ),
      ).rejects.toBeInstanceOf(ConflictError);

      const listed = await store.listRequests({
        entityRef: 'component:default/order-service',
      });
      expect(listed.map(r => r.id)).toEqual([id]);
    });

    it('keeps the endorsing entities on the request row, also when endorsements race', async () => {
      const store = await createStore(databaseId);
      const { id } = await store.createRequest(filed, alice);
      const entities = Array.from(
        { length: 12 },
        (_, i) => `component:default/Consumer-${String(i).padStart(2, '0')}`,
      );
      const results = await Promise.allSettled(
        entities.map(entityRef =>
          store.addEndorsement(
            id,
            {
              entityRef,
              cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 1 },
            },
            bob,
          ),
        ),
      );
      expect(results.filter(r => r.status === 'rejected')).toEqual([]);

      const [toRank] = await store.listToRank({
        platformTeamRef: 'group:default/ci-build',
      });
      expect(toRank.request.id).toBe(id);
      expect(toRank.request).not.toHaveProperty('description');
      const expected = entities.map(e => e.toLocaleLowerCase('en-US')).sort();
      expect([...toRank.endorsingEntityRefs].sort()).toEqual(expected);
      const full = await store.getRequest(id);
      expect(full.endorsements.map(e => e.entityRef).sort()).toEqual(expected);
    });

    it('files once per idempotency key and person', async () => {
      const store = await createStore(databaseId);
      const first = await store.createRequestOnce(filed, alice, 'key-1');
      expect(first.replayed).toBe(false);
      // racing retries all get the first filing
      const retries = await Promise.all(
        [1, 2, 3, 4, 5].map(() =>
          store.createRequestOnce(filed, alice, 'key-1'),
        ),
      );
      expect(retries.map(r => [r.request.id, r.replayed])).toEqual(
        Array(5).fill([first.request.id, true]),
      );
      const racing = await Promise.all(
        [1, 2, 3, 4, 5].map(() =>
          store.createRequestOnce(filed, alice, 'key-2'),
        ),
      );
      expect(new Set(racing.map(r => r.request.id)).size).toBe(1);
      expect(racing.filter(r => !r.replayed)).toHaveLength(1);
      // the same key is another person's own
      const bobs = await store.createRequestOnce(filed, bob, 'key-1');
      expect(bobs.replayed).toBe(false);
      await expect(
        store.createRequestOnce({ ...filed, title: 'Other' }, alice, 'key-1'),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await store.listRequests({})).toHaveLength(3);
    });

    it('triages with optimistic concurrency', async () => {
      const store = await createStore(databaseId);
      const { id } = await store.createRequest(filed, alice);
      const estimate = { costToShip: 2, strategicFit: 4, reversibility: 3 };

      const triaged = await store.triage(id, 1, estimate, bob);
      expect(triaged.status).toBe('triaged');
      expect(triaged.triage).toEqual(estimate);
      expect(triaged.version).toBe(2);

      // A second edit made on version 1 is refused, and nothing changes.
      await expect(
        store.triage(id, 1, { ...estimate, costToShip: 9 }, alice),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await store.getRequest(id)).triage?.costToShip).toBe(2);
    });

    it('moves along the lifecycle and refuses illegal transitions', async () => {
      const store = await createStore(databaseId);
      const { id } = await store.createRequest(filed, alice);

      await expect(
        store.changeStatus(id, { version: 1, status: 'shipped' }, bob),
      ).rejects.toThrow(InputError);
      await store.changeStatus(id, { version: 1, status: 'triaged' }, bob);
      const deprioritized = await store.changeStatus(
        id,
        {
          version: 2,
          status: 'deprioritized',
          reason: 'Not this quarter',
          revisitOn: '2027-04-01',
        },
        bob,
      );
      expect(deprioritized).toMatchObject({
        status: 'deprioritized',
        statusReason: 'Not this quarter',
        revisitOn: '2027-04-01',
        version: 3,
      });
      expect((await store.history(id)).map(h => h.toStatus)).toEqual([
        'open',
        'triaged',
        'deprioritized',
      ]);
      expect(
        (
          await store.listRequests({
            platformTeamRef: 'group:default/CI-Build',
            statuses: ['deprioritized'],
          })
        ).map(r => r.id),
      ).toEqual([id]);
      expect(
        await store.listRequests({
          platformTeamRef: 'group:default/ci-build',
          statuses: ['open'],
        }),
      ).toEqual([]);
    });

    it('merges a duplicate, keeping every endorser and both histories', async () => {
      const store = await createStore(databaseId);
      const target = await store.createRequest(filed, alice);
      const duplicate = await store.createRequest(
        {
          ...filed,
          title: 'CI cache is useless',
          requestingEntityRef: 'component:default/invoicing',
          requestingTeamRef: 'group:default/billing',
        },
        bob,
      );
      await store.addEndorsement(
        duplicate.id,
        {
          entityRef: 'component:default/fraud-scorer',
          cost: { hoursPerEngineerPerWeek: 3, engineersAffected: 4 },
        },
        bob,
      );
      // already endorses the target: not added twice
      await store.addEndorsement(
        target.id,
        {
          entityRef: 'component:default/fraud-scorer',
          cost: { hoursPerEngineerPerWeek: 3, engineersAffected: 4 },
        },
        bob,
      );

      const merged = await store.merge(duplicate.id, 1, target.id, bob);

      expect(merged.endorsements.map(e => e.entityRef).sort()).toEqual([
        'component:default/fraud-scorer',
        'component:default/invoicing',
      ]);
      const [toRank] = await store.listToRank({
        platformTeamRef: 'group:default/ci-build',
      });
      expect(toRank.endorsingEntityRefs.sort()).toEqual([
        'component:default/fraud-scorer',
        'component:default/invoicing',
      ]);
      expect((await store.getRequest(duplicate.id)).mergedIntoId).toBe(
        target.id,
      );
      const history = await store.history(target.id);
      expect(history.map(h => [h.requestId === target.id, h.action])).toEqual(
        expect.arrayContaining([
          [true, 'filed'],
          [false, 'filed'],
          [false, 'endorsed'],
          [true, 'merged'],
        ]),
      );
      // merged requests leave the lists
      expect(
        (
          await store.listRequests({
            platformTeamRef: 'group:default/ci-build',
          })
        ).map(r => r.id),
      ).toEqual([target.id]);
      await expect(
        store.merge(duplicate.id, 2, target.id, bob),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        store.merge(target.id, 1, target.id, bob),
      ).rejects.toBeInstanceOf(InputError);
    });
  });
});
