import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { parse } from 'yaml';
import { fakeCatalog } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { examplePath, loadExampleCatalog } from '../__testUtils__/examples';
import { ReleaseStore } from '../database/ReleaseStore';
import { RequestStore } from '../database/RequestStore';
import { DeprecationService } from '../deprecations/DeprecationService';
import {
  releasesSeedSchema,
  seedExampleReleases,
} from '../seed/seedExampleReleases';
import { seedExampleRequests } from '../seed/seedExampleRequests';
import {
  DEPRECATION_SNAPSHOT_TASK_ID,
  scheduleDeprecationSnapshots,
  takeDeprecationSnapshots,
} from './DeprecationSnapshotTask';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;
const today = new Date('2026-11-23T12:00:00Z');
const tomorrow = new Date(today.getTime() + DAY);
const LEGACY = 'component:default/legacy-auth-sdk';

/** The example portal's data: catalog, requests, release notes, deprecations. */
async function examplePortal(
  databases: ReturnType<typeof createTestDatabases>,
) {
  const knex = await databases.init('SQLITE_3');
  const database = { getClient: async () => knex };
  const requestStore = await RequestStore.create({ database });
  const store = await ReleaseStore.create({ database, requests: requestStore });
  const logger = mockServices.logger.mock();
  await seedExampleRequests({
    file: examplePath('requests.yaml'),
    store: requestStore,
    logger,
    now: today,
  });
  const seeded = await seedExampleReleases({
    file: examplePath('releases.yaml'),
    store,
    requestStore,
    logger,
    now: today,
  });
  return { store, requestStore, logger, seeded };
}

describe('deprecation snapshots', () => {
  const databases = createTestDatabases();

  it('lists, for each active example deprecation, exactly the consumers the example catalog has', async () => {
    const { store } = await examplePortal(databases);
    const { catalog } = fakeCatalog(loadExampleCatalog());
    const service = new DeprecationService({ catalog, store });
    const seed = releasesSeedSchema.parse(
      parse(fs.readFileSync(examplePath('releases.yaml'), 'utf8')),
    );
    const views = await service.views(
      await store.listDeprecations({}),
      mockCredentials.user('user:default/guest'),
      '2026-11-23',
    );
    expect(views).toHaveLength(seed.deprecations.length);
    for (const example of seed.deprecations) {
      const view = views.find(v => v.entityRef === example.entity)!;
      if (view.status === 'complete' || view.status === 'cancelled') continue;
      const computed = view.consumingTeams
        .flatMap(t =>
          t.consumers.map(c => `${c.entity.entityRef} ${t.team.entityRef}`),
        )
        .sort();
      const written = example.remaining
        .map(r => `${r.entity} ${r.team}`)
        .sort();
      expect([example.entity, computed]).toEqual([example.entity, written]);
      // The seeded burn-down ends at today's count.
      expect(view.burnDown.at(-1)).toEqual({
        day: '2026-11-23',
        consumerCount: written.length,
        teamCount: new Set(example.remaining.map(r => r.team)).size,
      });
    }
  });

  it('seeds a year of notes, ships the named request, and announces each deprecation with its note', async () => {
    const { store, requestStore, seeded } = await examplePortal(databases);
    expect(seeded).toBeGreaterThan(40);
    const ciBuild = await store.listReleaseNotes(
      { teamRefs: ['group:default/ci-build'] },
      { limit: 500 },
    );
    expect(ciBuild.totalItems).toBeGreaterThanOrEqual(12);
    const types = new Set(ciBuild.items.map(n => n.type));
    expect([...types].sort()).toEqual([
      'breaking',
      'deprecation',
      'feature',
      'fix',
      'improvement',
    ]);
    const forks = ciBuild.items.find(
      n => n.title === 'Remote cache hits for pull requests from forks',
    )!;
    expect(forks.requests).toEqual([
      {
        id: expect.any(String),
        title: 'Pull requests from forks never hit the remote cache',
      },
    ]);
    const shipped = await requestStore.getRequest(forks.requests[0].id);
    expect(shipped).toMatchObject({
      status: 'shipped',
      releaseNoteId: forks.id,
    });

    const legacy = (await store.listDeprecations({ entityRefs: [LEGACY] }))[0];
    const note = await store.getReleaseNote(legacy.releaseNoteId!);
    expect(note).toMatchObject({
      type: 'deprecation',
      deprecationId: legacy.id,
    });
    // Weekly points from the announcement down to today's.
    const burnDown = (await store.burnDowns([legacy.id])).get(legacy.id)!;
    expect(burnDown[0].consumerCount).toBeGreaterThan(
      burnDown.at(-1)!.consumerCount,
    );
    expect(
      burnDown.every(
        (p, i) => i === 0 || p.consumerCount <= burnDown[i - 1].consumerCount,
      ),
    ).toBe(true);

    // Loading twice changes nothing.
    expect(
      await seedExampleReleases({
        file: examplePath('releases.yaml'),
        store,
        requestStore,
        logger: mockServices.logger.mock(),
        now: today,
      }),
    ).toBe(0);
  });

  it('shows a drop on the burn-down after an example consumer stops depending on the deprecated SDK', async () => {
    const { store } = await examplePortal(databases);
    const auth = mockServices.auth();
    const legacy = (await store.listDeprecations({ entityRefs: [LEGACY] }))[0];
    const pointsOf = async () =>
      (await store.burnDowns([legacy.id])).get(legacy.id)!;

    // Today, with the example catalog as it is.
    const before = fakeCatalog(loadExampleCatalog());
    await takeDeprecationSnapshots({
      auth,
      deprecations: new DeprecationService({
        catalog: before.catalog,
        store,
      }),
      store,
      now: () => today,
    });
    const todays = (await pointsOf()).at(-1)!;
    expect(todays.day).toBe('2026-11-23');

    // Overnight Checkout moves checkout-service to the new auth library.
    const after = fakeCatalog(
      loadExampleCatalog([], doc =>
        doc.metadata.name === 'checkout-service'
          ? {
              ...doc,
              spec: {
                ...doc.spec,
                dependsOn: [
                  ...(doc.spec?.dependsOn ?? []).filter(
                    d => !d.includes('legacy-auth-sdk'),
                  ),
                  'component:auth-library',
                ],
              },
            }
          : doc,
      ),
    );
    const service = new DeprecationService({ catalog: after.catalog, store });
    const recorded = await takeDeprecationSnapshots({
      auth,
      deprecations: service,
      store,
      now: () => tomorrow,
    });
    // The active example deprecations, in one walk for all of them: the
    // deprecated entities, then their consumers (owners come from relations).
    expect(recorded).toBe(3);
    expect(after.calls.total).toBe(2);

    const points = await pointsOf();
    expect(points.at(-1)).toEqual({
      day: '2026-11-24',
      consumerCount: todays.consumerCount - 1,
      // Checkout owns no other legacy SDK consumer, so the team is gone too.
      teamCount: todays.teamCount - 1,
    });
    const [view] = await service.views(
      [legacy],
      mockCredentials.user('user:default/guest'),
      '2026-11-24',
    );
    expect(view.consumerCount).toBe(todays.consumerCount - 1);
    expect(view.consumingTeams.map(t => t.team.entityRef)).not.toContain(
      'group:default/checkout',
    );
  });

  it('is scheduled globally, so one replica runs it each time', async () => {
    const scheduler = mockServices.scheduler.mock();
    await scheduleDeprecationSnapshots({
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      scheduler,
      deprecations: {} as DeprecationService,
      store: {} as ReleaseStore,
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 15 } },
    });
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: DEPRECATION_SNAPSHOT_TASK_ID,
        scope: 'global',
        frequency: { hours: 1 },
      }),
    );
  });
});
