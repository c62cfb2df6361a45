import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import { PlatformRoadmapDocument } from '@platform-roadmap/plugin-platform-roadmap-common';
// The real backend plugin serves the documents in this test (dev dependency only).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import platformRoadmapBackend from '@platform-roadmap/plugin-platform-roadmap-backend';
import { searchModulePlatformRoadmapCollator } from './module';
import { PlatformRoadmapCollatorFactory } from './PlatformRoadmapCollatorFactory';

jest.setTimeout(60_000);

const examples = (file: string) =>
  path.resolve(__dirname, '../../../examples', file);

const ciBuild = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'ci-build',
    title: 'CI & Build',
    annotations: { 'platform-roadmap/platform-team': 'true' },
  },
  spec: { type: 'team', children: [] },
};

async function collate(factory: DocumentCollatorFactory) {
  const documents: PlatformRoadmapDocument[] = [];
  for await (const document of await factory.getCollator()) {
    documents.push(document);
  }
  return documents;
}

describe('searchModulePlatformRoadmapCollator', () => {
  it('registers a scheduled collator that indexes the roadmap through the backend plugin', async () => {
    const addCollator = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [searchIndexRegistryExtensionPoint, { addCollator, addDecorator() {} }],
      ],
      features: [
        searchModulePlatformRoadmapCollator,
        platformRoadmapBackend,
        catalogServiceMock.factory({ entities: [ciBuild] }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            platformRoadmap: {
              exampleData: {
                requests: examples('requests.yaml'),
                roadmap: examples('roadmap.yaml'),
                releases: examples('releases.yaml'),
              },
            },
            search: { collators: { platformRoadmap: { pageSize: 25.5 } } },
          },
        }),
      ],
    });

    expect(addCollator).toHaveBeenCalledTimes(1);
    const { factory, schedule } = addCollator.mock.calls[0][0];
    expect(schedule).toBeDefined();
    expect(factory.type).toBe('platform-roadmap');
    expect(factory.visibilityPermission.name).toBe('catalog.entity.read');

    // The real backend plugin, over HTTP, with the search plugin's token,
    // read in pages of 25: every kind, each document once.
    const documents = await collate(factory);
    const kinds = new Map<string, number>();
    for (const d of documents) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
    expect([...kinds.keys()]).toEqual([
      'theme',
      'request',
      'deprecation',
      'release-note',
    ]);
    expect(kinds.get('deprecation')).toBe(4);
    expect(kinds.get('release-note')).toBe(64);
    expect(documents.length).toBeGreaterThan(100);
    expect(new Set(documents.map(d => `${d.kind}:${d.id}`)).size).toBe(
      documents.length,
    );
    for (const d of documents) {
      expect(d.authorization?.resourceRef).toMatch(/^[a-z]+:[^/]+\/.+$/);
      expect(d.location).toMatch(/^\/catalog\//);
    }
    expect(
      documents.filter(d => d.teamRef === 'group:default/ci-build'),
    ).not.toHaveLength(0);
  });
});

describe('PlatformRoadmapCollatorFactory', () => {
  afterEach(() => jest.restoreAllMocks());

  it('fails the collation, with the status, when the backend refuses', async () => {
    jest.spyOn(global, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          error: { name: 'NotAllowedError', message: 'services only' },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const factory = new PlatformRoadmapCollatorFactory({
      auth: mockServices.auth(),
      discovery: mockServices.discovery(),
    });
    await expect(collate(factory)).rejects.toThrow(/403/);
    expect(global.fetch).toHaveBeenCalledWith(
      new URL(
        'http://localhost:0/api/platform-roadmap/search/documents?limit=500',
      ),
      { headers: { Authorization: expect.stringMatching(/^Bearer /) } },
    );
  });
});
