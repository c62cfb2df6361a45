import { mockServices } from '@backstage/backend-test-utils';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import { PlatformRoadmapDocument } from '@platform-roadmap/plugin-platform-roadmap-common';
import { createTestDatabases } from '../__testUtils__/databases';
import { examplePath } from '../__testUtils__/examples';
import { ReleaseStore } from '../database/ReleaseStore';
import { RequestStore } from '../database/RequestStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { seedExampleReleases } from '../seed/seedExampleReleases';
import { seedExampleRequests } from '../seed/seedExampleRequests';
import { seedExampleRoadmap } from '../seed/seedExampleRoadmap';
import { entityPath } from '../catalog/entityPath';
import { plainText, SearchDocuments } from './SearchDocuments';

jest.setTimeout(60_000);

const now = new Date('2026-11-23T12:00:00Z');

describe('SearchDocuments', () => {
  const databases = createTestDatabases();

  /** The demo portal's requests, roadmap and releases, and the documents. */
  async function examplePortal(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const database = { getClient: async () => knex };
    const logger = mockServices.logger.mock();
    const requestStore = await RequestStore.create({ database });
    const roadmapStore = await RoadmapStore.create({
      database,
      now: () => now,
    });
    const releaseStore = await ReleaseStore.create({
      database,
      requests: requestStore,
    });
    await seedExampleRequests({
      file: examplePath('requests.yaml'),
      store: requestStore,
      logger,
      now,
    });
    await seedExampleRoadmap({
      file: examplePath('roadmap.yaml'),
      store: roadmapStore,
      requestStore,
      logger,
      now,
    });
    await seedExampleReleases({
      file: examplePath('releases.yaml'),
      store: releaseStore,
      requestStore,
      logger,
      now,
    });
    const documents = new SearchDocuments(
      {
        themes: (after, limit) => roadmapStore.pageThemes(after, limit),
        requests: (after, limit) => requestStore.pageRequests(after, limit),
        deprecations: (after, limit) =>
          releaseStore.pageDeprecations(after, limit),
        releaseNotes: (after, limit) =>
          releaseStore.pageReleaseNotes(after, limit),
      },
      () => now,
    );
    return { documents, requestStore, roadmapStore, releaseStore };
  }

  async function readAll(documents: SearchDocuments, limit: number) {
    const all: PlatformRoadmapDocument[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await documents.page({ cursor, limit });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      all.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 1000);
    return { all, pages };
  }

  it.each(databases.eachSupportedId())(
    'pages through every theme, unmerged request, deprecation and note exactly once, on %p',
    async databaseId => {
      const { documents, requestStore, roadmapStore, releaseStore } =
        await examplePortal(databaseId);
      const themes = await roadmapStore.listThemes({});
      const requests = await requestStore.listRequests({});
      const deprecations = await releaseStore.listDeprecations({});
      const notes = await releaseStore.pageReleaseNotes(undefined, 10_000);
      const expected =
        themes.length + requests.length + deprecations.length + notes.length;
      expect(requests.length).toBeGreaterThan(10);
      // 60 notes and the announcements of 4 deprecations
      expect(notes.length).toBe(64);

      // A page size that splits every kind, and one that fits all at once.
      const paged = await readAll(documents, 7);
      const whole = await readAll(documents, 1000);
      expect(whole.pages).toBe(1);
      // A last page that ends exactly on a kind's boundary gives one more,
      // empty, page.
      expect(paged.pages).toBeGreaterThanOrEqual(Math.ceil(expected / 7));
      expect(paged.pages).toBeLessThanOrEqual(Math.ceil(expected / 7) + 1);
      for (const { all } of [paged, whole]) {
        expect(all).toHaveLength(expected);
        const keys = all.map(d => `${d.kind}:${d.id}`);
        expect(new Set(keys).size).toBe(expected);
        // Search engines key documents by location: each its own, and
        // never an entity page's bare path, which the catalog's result has.
        expect(new Set(all.map(d => d.location)).size).toBe(expected);
        for (const d of all) {
          expect(d.location).toMatch(
            /^\/catalog\/[^?]+\?((quarter=\d{4}-Q\d&)?theme|request|deprecation|note)=[^&]+$/,
          );
        }
      }
      expect(paged.all.map(d => d.id).sort()).toEqual(
        whole.all.map(d => d.id).sort(),
      );

      const byKind = (kind: string) => whole.all.filter(d => d.kind === kind);
      expect(byKind('theme')).toHaveLength(themes.length);
      expect(byKind('request')).toHaveLength(requests.length);
      expect(byKind('deprecation')).toHaveLength(deprecations.length);
      expect(byKind('release-note')).toHaveLength(notes.length);
    },
  );

  it('leaves merged duplicates out, and says who may read each document', async () => {
    const { documents, requestStore, roadmapStore, releaseStore } =
      await examplePortal('SQLITE_3');
    const [first, second] = await requestStore.listRequests({
      platformTeamRef: 'group:default/ci-build',
    });
    await requestStore.merge(second.id, second.version, first.id, {
      by: 'user:default/guest',
      at: now,
    });
    const { items } = await documents.page({ limit: 1000 });
    const requestDocs = items.filter(d => d.kind === 'request');
    expect(requestDocs.map(d => d.title)).toContain(first.title);
    expect(requestDocs.map(d => d.title)).not.toContain(second.title);

    // A request: found by those who may read the entity that filed it, and
    // opens that entity's page, where its status is.
    const request = requestDocs.find(d => d.title === first.title)!;
    expect(request).toMatchObject({
      teamRef: 'group:default/ci-build',
      entityRef: first.requestingEntityRef,
      status: first.status,
      category: first.kind,
      date: first.createdAt.slice(0, 10),
      authorization: { resourceRef: first.requestingEntityRef },
      location: `${entityPath(first.requestingEntityRef)}?request=${first.id}`,
    });

    // A theme: the team's Roadmap tab, readable with the team.
    // A theme of this quarter opens that quarter; a theme of this year, the
    // current quarter; a theme of another quarter, that quarter.
    const themes = await roadmapStore.listThemes({
      teamRefs: ['group:default/ci-build'],
    });
    const theme = themes.find(t => t.period === '2026')!;
    for (const other of themes) {
      const expectedQuarter =
        other.period === '2026' ? '2026-Q4' : other.period;
      expect(
        items.find(d => d.kind === 'theme' && d.id === other.id)?.location,
      ).toBe(
        `/catalog/default/group/ci-build/roadmap?quarter=${expectedQuarter}&theme=${other.id}`,
      );
    }
    expect(
      themes.some(t => t.period !== '2026-Q4' && t.period !== '2026'),
    ).toBe(true);
    expect(
      items.find(d => d.kind === 'theme' && d.title === theme.title),
    ).toMatchObject({
      location: `/catalog/default/group/ci-build/roadmap?quarter=2026-Q4&theme=${theme.id}`,
      authorization: { resourceRef: 'group:default/ci-build' },
      status: theme.status,
      category: theme.category,
      date: theme.period,
    });

    // A deprecation: the deprecated entity's page, readable with it.
    const [legacy] = await releaseStore.listDeprecations({
      entityRefs: ['component:default/legacy-auth-sdk'],
    });
    const deprecation = items.find(
      d => d.kind === 'deprecation' && d.entityRef === legacy.entityRef,
    )!;
    expect(deprecation).toMatchObject({
      location: `/catalog/default/component/legacy-auth-sdk?deprecation=${legacy.id}`,
      authorization: { resourceRef: 'component:default/legacy-auth-sdk' },
      date: legacy.sunsetOn,
      status: legacy.status,
    });
    expect(deprecation.title).toMatch(/^legacy-auth-sdk .*is deprecated$/);
    expect(deprecation.text).toContain(`Sunset on ${legacy.sunsetOn}.`);

    // A release note: its permalink on the Release notes tab.
    const notes = items.filter(d => d.kind === 'release-note');
    const entityNote = notes.find(d => d.entityRef)!;
    expect(entityNote.location).toMatch(
      /^\/catalog\/default\/[a-z]+\/[^/]+\/release-notes\?note=[^&]+$/,
    );
    expect(entityNote.authorization).toEqual({
      resourceRef: entityNote.entityRef,
    });
    const teamWide = notes.find(d => !d.entityRef)!;
    expect(teamWide.authorization).toEqual({ resourceRef: teamWide.teamRef });
    expect(teamWide.location.startsWith(entityPath(teamWide.teamRef))).toBe(
      true,
    );
  });

  it('rejects a cursor it did not give out', async () => {
    const { documents } = await examplePortal('SQLITE_3');
    for (const cursor of ['nonsense', 'widget:1', 'theme:']) {
      await expect(documents.page({ cursor, limit: 10 })).rejects.toThrow(
        /cursor must be the nextCursor/,
      );
    }
  });
});

describe('plainText', () => {
  it('keeps the words of Markdown and drops its marks and link targets', () => {
    expect(
      plainText(
        '## Faster builds\n\n- **Remote** cache for [forks](https://x.example/a)\n> `bazel` 7\n\n![chart](https://x.example/c.png)<script>x</script>',
      ),
    ).toBe('Faster builds Remote cache for forks bazel 7 chart x');
  });
});

describe('entityPath', () => {
  it('builds the default catalog route, kind in lower case', () => {
    expect(entityPath('API:payments/Billing-API', 'release-notes')).toBe(
      '/catalog/payments/api/Billing-API/release-notes',
    );
  });
});
