import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { PlatformRequest } from '@platform-roadmap/plugin-platform-roadmap-common';
import { buildCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { ReleaseStore } from '../database/ReleaseStore';
import { RequestStore } from '../database/RequestStore';
import { DeprecationService } from '../deprecations/DeprecationService';
import { sendDeprecationReminders } from '../tasks/DeprecationReminderTask';
import { entityPath } from '../catalog/entityPath';
import { askingTeams, Notifier } from './Notifier';

jest.setTimeout(60_000);

function recorder() {
  const sent: NotificationSendOptions[] = [];
  const notifier = new Notifier({
    notifications: {
      send: async options => {
        sent.push(options);
      },
    },
    logger: mockServices.logger.mock(),
  });
  return { sent, notifier };
}

const request: PlatformRequest = {
  id: 'r1',
  version: 4,
  title: 'Remote cache misses on every CI run',
  description: '',
  kind: 'slowdown',
  impactType: 'velocity-tax',
  severity: 'high',
  cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 14 },
  requestingEntityRef: 'component:default/checkout-service',
  requestingTeamRef: 'group:default/checkout',
  platformTeamRef: 'group:default/ci-build',
  aboutEntityRefs: [],
  status: 'planned',
  endorsements: [
    {
      entityRef: 'component:default/order-service',
      teamRef: 'group:default/Orders',
      cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 9 },
      createdBy: 'user:default/a',
      createdAt: '2026-11-01T00:00:00Z',
    },
  ],
  createdBy: 'user:default/donald',
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-02T00:00:00Z',
};

describe('Notifier', () => {
  it('tells the platform team of a new request, and the requesting team of its status, never the person who acted', async () => {
    const { sent, notifier } = recorder();
    await notifier.requestFiled(request, 'user:default/donald');
    await notifier.requestStatusChanged(
      { ...request, status: 'deprioritized', statusReason: 'Bazel first' },
      'user:default/grace',
    );
    expect(sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: 'group:default/ci-build',
          excludeEntityRef: 'user:default/donald',
        },
        payload: expect.objectContaining({
          title: 'New request: Remote cache misses on every CI run',
          link: '/catalog/default/group/ci-build/roadmap',
        }),
      },
      {
        recipients: {
          type: 'entity',
          entityRef: 'group:default/checkout',
          excludeEntityRef: 'user:default/grace',
        },
        payload: expect.objectContaining({
          title:
            'Your request was deprioritized: Remote cache misses on every CI run',
          description: 'Why: Bazel first',
          link: '/catalog/default/component/checkout-service',
        }),
      },
    ]);
  });

  it('counts the distinct asking teams, and links entity pages', () => {
    expect(
      askingTeams({
        ...request,
        endorsements: [
          ...request.endorsements,
          { ...request.endorsements[0], teamRef: 'group:default/orders' },
        ],
      }),
    ).toEqual(['group:default/checkout', 'group:default/orders']);
    expect(entityPath('API:default/build-api', 'release-notes')).toBe(
      '/catalog/default/api/build-api/release-notes',
    );
  });

  it('never fails the change when the notifications service does', async () => {
    const logger = mockServices.logger.mock();
    const notifier = new Notifier({
      notifications: {
        send: async () => {
          throw new Error('notifications backend is down');
        },
      },
      logger,
    });
    await expect(
      notifier.requestFiled(request, 'user:default/x'),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalled();
  });
});

describe('deprecation reminders', () => {
  const databases = createTestDatabases();

  async function setUp(databaseId: TestDatabaseId, sunsetOn: string) {
    const knex = await databases.init(databaseId);
    const database = { getClient: async () => knex };
    const store = await ReleaseStore.create({
      database,
      requests: await RequestStore.create({ database }),
    });
    const { catalog } = fakeCatalog(
      buildCatalog([
        { kind: 'Group', name: 'security' },
        { kind: 'Group', name: 'checkout' },
        {
          kind: 'Component',
          name: 'legacy-sdk',
          owner: 'group:default/security',
        },
        {
          kind: 'Component',
          name: 'checkout-service',
          owner: 'group:default/checkout',
          dependsOn: ['component:default/legacy-sdk'],
        },
      ]),
    );
    const deprecation = await store.announceDeprecation(
      'group:default/security',
      {
        entityRef: 'component:default/legacy-sdk',
        announcedOn: '2026-10-01',
        sunsetOn,
        migrationGuideUrl: 'https://wiki.acme.example/sdk',
        description: '',
        status: 'migrating',
        consumerDepth: 1,
      },
      { title: 'legacy-sdk is deprecated', body: '' },
      undefined,
      { by: 'user:default/sec', at: new Date('2026-10-01T00:00:00Z') },
    );
    const { sent, notifier } = recorder();
    const run = (day: string) =>
      sendDeprecationReminders({
        auth: mockServices.auth(),
        deprecations: new DeprecationService({ catalog, store }),
        store,
        notifier,
        now: () => new Date(`${day}T09:00:00Z`),
      });
    return { sent, run, deprecation };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('reminds the consumers’ owners 30 and 7 days before the sunset, each once even from concurrent runs', async () => {
      const { sent, run } = await setUp(databaseId, '2026-12-31');
      expect(await run('2026-11-20')).toBe(0); // 41 days left: nothing yet
      // Two replicas run at the same time on day 30.
      const [a, b] = await Promise.all([run('2026-12-01'), run('2026-12-01')]);
      expect(a + b).toBe(1);
      expect(await run('2026-12-02')).toBe(0);
      expect(await run('2026-12-24')).toBe(1); // 7 days left
      expect(await run('2026-12-25')).toBe(0);
      expect(sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: ['component:default/checkout-service'],
            excludeEntityRef: 'group:default/security',
          },
          payload: expect.objectContaining({
            title: '30 days left to move off legacy-sdk (sunset 2026-12-31)',
            link: '/catalog/default/component/legacy-sdk',
            severity: 'normal',
          }),
        },
        expect.objectContaining({
          payload: expect.objectContaining({
            title: '7 days left to move off legacy-sdk (sunset 2026-12-31)',
            severity: 'high',
          }),
        }),
      ]);
    });

    it('sends only the 7-day reminder for a deprecation found inside 7 days', async () => {
      const { sent, run } = await setUp(databaseId, '2026-12-31');
      expect(await run('2026-12-27')).toBe(1);
      expect(await run('2026-12-28')).toBe(0);
      expect(sent.map(s => s.payload.title)).toEqual([
        '4 days left to move off legacy-sdk (sunset 2026-12-31)',
      ]);
    });
  });
});

describe('strong signal', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'is claimed once per request on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await RequestStore.create({
        database: { getClient: async () => knex },
      });
      const filed = await store.createRequest(
        {
          title: 'Remote cache misses',
          description: '',
          kind: 'slowdown',
          impactType: 'velocity-tax',
          severity: 'high',
          cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 3 },
          requestingEntityRef: 'component:default/a',
          platformTeamRef: 'group:default/ci-build',
          aboutEntityRefs: [],
        },
        { by: 'user:default/a', at: new Date('2026-11-01T00:00:00Z') },
      );
      const at = new Date('2026-11-02T00:00:00Z');
      const claims = await Promise.all([
        store.claimStrongSignal(filed.id, at),
        store.claimStrongSignal(filed.id, at),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimStrongSignal(filed.id, at)).toBe(false);
    },
  );
});
