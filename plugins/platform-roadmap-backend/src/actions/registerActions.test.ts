import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { exampleCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { TeamsImpactedService } from '../catalog/TeamsImpactedService';
import { RequestStore } from '../database/RequestStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { Notifier } from '../notifications/Notifier';
import { RequestsService } from '../requests/RequestsService';
import { RoadmapService } from '../roadmap/RoadmapService';
import { DEFAULT_SCORE_WEIGHTS } from '../scoring/score';
import { registerActions } from './registerActions';

jest.setTimeout(60_000);

const now = () => new Date('2026-11-15T12:00:00Z');
const person = mockCredentials.user('user:default/checkout-dev');

const fileInput = {
  title: 'Remote cache misses on every CI run',
  kind: 'slowdown',
  impactType: 'velocity-tax',
  severity: 'high',
  hoursPerEngineerPerWeek: 2,
  engineersAffected: 12,
  requestingEntityRef: 'component:default/checkout-web',
  platformTeamRef: 'group:default/ci-build',
};

describe('actions', () => {
  const databases = createTestDatabases();

  async function setUp() {
    const knex = await databases.init('SQLITE_3');
    const database = { getClient: async () => knex };
    const requestStore = await RequestStore.create({ database });
    const roadmapStore = await RoadmapStore.create({ database, now });
    const { catalog } = fakeCatalog(exampleCatalog());
    const requests = new RequestsService({
      catalog,
      store: requestStore,
      teamsImpacted: new TeamsImpactedService(catalog, { dependencyDepth: 1 }),
      weights: DEFAULT_SCORE_WEIGHTS,
    });
    const actionsRegistry = actionsRegistryServiceMock();
    const auditor = mockServices.auditor.mock();
    const sent: NotificationSendOptions[] = [];
    registerActions({
      actionsRegistry,
      auditor,
      requestStore,
      requests,
      roadmap: new RoadmapService({
        catalog,
        store: roadmapStore,
        requests,
        now,
      }),
      notifier: new Notifier({
        notifications: {
          send: async n => {
            sent.push(n);
          },
        },
        logger: mockServices.logger.mock(),
      }),
      now,
    });
    return { actionsRegistry, requestStore, roadmapStore, auditor, sent };
  }

  it('lists both actions with their attributes', async () => {
    const { actionsRegistry } = await setUp();
    const { actions } = await actionsRegistry.list();
    expect(actions.map(a => [a.name, a.attributes.readOnly]).sort()).toEqual([
      ['file-platform-request', false],
      ['get-team-roadmap', true],
    ]);
  });

  it('files a request as the person, resolving the team, auditing and notifying like the API', async () => {
    const { actionsRegistry, requestStore, auditor, sent } = await setUp();
    const { output } = await actionsRegistry.invoke({
      id: 'test:file-platform-request',
      input: fileInput,
      credentials: person,
    });
    expect(output).toEqual({
      id: expect.any(String),
      status: 'open',
      requestingTeamRef: 'group:default/checkout',
    });
    const stored = await requestStore.getRequest((output as { id: string }).id);
    expect(stored).toMatchObject({
      createdBy: 'user:default/checkout-dev',
      cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 12 },
    });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'request-file' }),
    );
    expect(sent.map(n => n.recipients)).toEqual([
      expect.objectContaining({ entityRef: 'group:default/ci-build' }),
    ]);
  });

  it('refuses what the API refuses: bad input naming the field, machines, unreadable entities', async () => {
    const { actionsRegistry } = await setUp();
    const invoke = (
      input: object,
      credentials: BackstageCredentials = person,
    ) =>
      actionsRegistry.invoke({
        id: 'test:file-platform-request',
        input: { ...fileInput, ...input },
        credentials,
      });
    await expect(invoke({ title: 'Hi' })).rejects.toThrow(
      'title: must be at least 5 characters',
    );
    await expect(invoke({ engineersAffected: 0 })).rejects.toThrow(
      'cost.engineersAffected: must be at least 1',
    );
    await expect(invoke({}, mockCredentials.service())).rejects.toThrow(
      'Only a signed-in person can do this',
    );
    await expect(
      invoke({ requestingEntityRef: 'component:default/nope' }),
    ).rejects.toMatchObject({ name: expect.stringMatching(/Error$/) });
  });

  it("reads a team's roadmap with key result progress and commitments", async () => {
    const { actionsRegistry, roadmapStore } = await setUp();
    const actor = { by: 'user:default/ci-member', at: now() };
    const theme = await roadmapStore.createTheme(
      'group:default/ci-build',
      {
        period: '2026-Q4',
        category: 'velocity',
        title: 'Fast, boring CI',
        outcome: 'p99 CI build under 8 minutes',
        description: '',
        status: 'committed',
        entityRefs: [],
      },
      actor,
    );
    const objective = await roadmapStore.createObjective(
      theme,
      { title: 'Builds stop being a reason to context-switch' },
      actor,
    );
    await roadmapStore.createKeyResult(
      objective,
      {
        title: 'Reduce p99 CI build time from 18 min to 8 min',
        metric: 'p99 CI build time',
        unit: 'min',
        baseline: 18,
        target: 8,
        current: 13,
        direction: 'decrease',
        startDate: '2026-10-01',
        dueDate: '2026-12-31',
      },
      actor,
    );
    await roadmapStore.createCommitment(
      'group:default/ci-build',
      {
        quarter: '2026-Q4',
        kind: 'deprioritized',
        title: 'macOS runners',
        description: '',
        reason: 'Cache first',
      },
      actor,
    );
    const { output } = await actionsRegistry.invoke({
      id: 'test:get-team-roadmap',
      input: { teamRef: 'group:default/ci-build', quarter: '2026-Q4' },
      credentials: person,
    });
    expect(output).toEqual({
      teamRef: 'group:default/ci-build',
      quarter: '2026-Q4',
      themes: [
        expect.objectContaining({
          title: 'Fast, boring CI',
          keyResults: [
            expect.objectContaining({ current: 13, progressPercent: 50 }),
          ],
        }),
      ],
      committed: [],
      deprioritized: [{ title: 'macOS runners', reason: 'Cache first' }],
    });
    await expect(
      actionsRegistry.invoke({
        id: 'test:get-team-roadmap',
        input: { teamRef: 'group:default/checkout' },
        credentials: person,
      }),
    ).rejects.toThrow(/No platform team/);
  });
});
