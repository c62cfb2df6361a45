import { useLocation } from 'react-router-dom';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { StorageApi, storageApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ReleaseNotesScope } from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { ReleaseNotesTab } from './ReleaseNotesTab';
import {
  BUILD_CACHE,
  CI_RUNNER,
  componentEntity,
  groupEntity,
  notesPage,
  platformTeam,
  releaseNote,
  responseError,
  shippableRequests,
  teamNotes,
} from './testData';
import { lastVisitKey, STORAGE_BUCKET } from './useLastVisit';

const FEED = 'https://backstage.example.com/api/platform-roadmap/feeds';

/** The query of the current URL, to check what a shared link would hold. */
function CurrentSearch() {
  return <output aria-label="Current search">{useLocation().search}</output>;
}

/**
 * Renders the tab on an entity's page. usePermission caches decisions per
 * resource across tests (SWR), so every test uses a team of its own.
 */
async function renderTab(options: {
  entity: Entity;
  api: PlatformRoadmapApi;
  allowed?: boolean | ((resourceRef?: string) => boolean);
  storage?: StorageApi;
  /** The query of the URL the page opens with, e.g. `?note=rn-1`. */
  query?: string;
}) {
  const { entity, api, allowed = false, query = '' } = options;
  const storage = options.storage ?? mockApis.storage();
  const isAllowed = typeof allowed === 'function' ? allowed : () => allowed;
  const path = `/catalog/default/${entity.kind.toLocaleLowerCase('en-US')}/${
    entity.metadata.name
  }/release-notes`;
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [platformRoadmapApiRef, api],
        [storageApiRef, storage],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: request =>
              isAllowed(
                'resourceRef' in request ? request.resourceRef : undefined,
              )
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      <EntityProvider entity={entity}>
        <ReleaseNotesTab />
        <CurrentSearch />
      </EntityProvider>
    </TestApiProvider>,
    {
      routeEntries: [`${path}${query}`],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return { storage, path };
}

/**
 * An API whose team notes are the three fixtures, filtered by type, entity
 * and text the way the backend does.
 */
function teamApi(teamRef: string, rest: Partial<PlatformRoadmapApi> = {}) {
  return mockPlatformRoadmapApi({
    getTeamReleaseNotes: async (ref, filter = {}) =>
      notesPage(
        teamNotes(ref).filter(
          note =>
            (!filter.type || filter.type.includes(note.type)) &&
            (!filter.about || note.entityRef === filter.about) &&
            (!filter.q ||
              `${note.title} ${note.body}`
                .toLocaleLowerCase('en-US')
                .includes(filter.q.toLocaleLowerCase('en-US'))),
        ),
        { teamRefs: [teamRef] },
      ),
    getReleaseNotesFeedUrl: async target =>
      `${FEED}/teams/default/${
        'teamRef' in target ? target.teamRef.split('/')[1] : 'none'
      }.atom`,
    getReleaseNote: async id => {
      const note = teamNotes(teamRef).find(n => n.id === id);
      if (!note) throw await responseError(404, `No release note ${id}`);
      return note;
    },
    getTeam: async ref => platformTeam(ref),
    getBacklog: async ref => ({
      items: shippableRequests(ref),
      totalItems: 2,
    }),
    ...rest,
  });
}

/** Renders a Group's tab and waits for its notes. */
async function renderTeam(
  name: string,
  options: {
    allowed?: boolean;
    storage?: StorageApi;
    query?: string;
    api?: Partial<PlatformRoadmapApi>;
  } = {},
) {
  const { api: implementation, ...rest } = options;
  const entity = groupEntity(name);
  const teamRef = stringifyEntityRef(entity);
  const api = teamApi(teamRef, implementation);
  const rendered = await renderTab({ entity, api, ...rest });
  return { api, teamRef, ...rendered };
}

function titles() {
  return screen
    .queryAllByRole('article')
    .map(article => article.getAttribute('aria-label'));
}

async function waitForTitles(expected: string[]) {
  await waitFor(() => expect(titles()).toEqual(expected));
}

const CACHE_V2 = 'Remote cache v2 is generally available';
const NODE_18 = 'Runner images drop Node 18';
const EVICTION = 'Fixed flaky cache eviction';
const ALL = [CACHE_V2, NODE_18, EVICTION];

describe('ReleaseNotesTab', () => {
  it("lists a team's notes newest first, with their type, version, day, entity, body, shipped requests and permalink", async () => {
    const { api, teamRef, path, storage } = await renderTeam('read-notes');
    await waitForTitles(ALL);

    expect(api.getTeamReleaseNotes).toHaveBeenCalledTimes(1);
    expect(api.getTeamReleaseNotes).toHaveBeenCalledWith(teamRef, {});
    expect(api.getEntityReleaseNotes).not.toHaveBeenCalled();
    expect(
      screen.getByText('What this team shipped, changed and deprecated'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Atom feed/ })).toHaveAttribute(
      'href',
      `${FEED}/teams/default/read-notes.atom`,
    );
    expect(api.getReleaseNotesFeedUrl).toHaveBeenCalledWith({ teamRef });

    const [cache, node, eviction] = screen.getAllByRole('article');
    expect(
      within(cache).getByRole('heading', { name: CACHE_V2 }),
    ).toBeInTheDocument();
    expect(within(cache).getByText('Feature')).toBeInTheDocument();
    expect(within(cache).getByText('Version 2.0.0')).toBeInTheDocument();
    expect(cache).toHaveTextContent('Published on 2026-11-02');
    expect(
      within(cache).getByRole('link', { name: 'build-cache' }),
    ).toHaveAttribute('href', '/catalog/default/component/build-cache');
    // The body is Markdown.
    expect(within(cache).getByText('shared').tagName).toBe('STRONG');
    expect(within(cache).getByText('cache: v2').tagName).toBe('CODE');
    expect(
      within(cache).getByRole('list', { name: 'Shipped requests:' }),
    ).toHaveTextContent('Remote cache misses on every CI run');
    expect(
      within(cache).getByRole('link', { name: `Permalink: ${CACHE_V2}` }),
    ).toHaveAttribute('href', `${path}?note=rn-cache-v2`);

    expect(within(node).getByText('Breaking change')).toBeInTheDocument();
    expect(
      within(node).getByRole('link', { name: 'ci-runner' }),
    ).toBeInTheDocument();
    expect(within(node).queryByText('Shipped requests:')).toBeNull();

    expect(within(eviction).getByText('Fix')).toBeInTheDocument();
    expect(eviction).toHaveTextContent('Team-wide');
    expect(within(eviction).queryByText(/^Version/)).toBeNull();

    // A first visit: nothing is marked new, and the visit is remembered.
    expect(
      screen.queryByRole('img', { name: 'New since your last visit' }),
    ).toBeNull();
    await waitFor(() =>
      expect(
        storage.forBucket(STORAGE_BUCKET).snapshot(lastVisitKey(teamRef))
          .presence,
      ).toBe('present'),
    );

    // Not a member: nothing to change.
    expect(
      screen.queryByRole('button', { name: 'New release note' }),
    ).toBeNull();
    expect(screen.queryAllByRole('button', { name: /^(Edit|Delete)/ })).toEqual(
      [],
    );
  });

  it('shows the team members who may publish a New release note button, and Edit and Delete per note', async () => {
    await renderTeam('member-buttons', { allowed: true });
    expect(
      await screen.findByRole('button', { name: 'New release note' }),
    ).toBeInTheDocument();
    for (const title of ALL) {
      expect(
        screen.getByRole('button', { name: `Edit release note: ${title}` }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('button', { name: `Delete release note: ${title}` }),
      ).toBeInTheDocument();
    }
  });

  it('shows another entity the notes of the platforms it uses, with no button to publish', async () => {
    const teamRef = 'group:default/consumed-platform';
    const entity = componentEntity('checkout', 'group:default/payments');
    const scope: ReleaseNotesScope = {
      kind: 'consumer',
      teamRefs: [teamRef],
      entityRefs: [BUILD_CACHE],
    };
    const api = mockPlatformRoadmapApi({
      getEntityReleaseNotes: async () => ({
        items: [releaseNote(teamRef)],
        totalItems: 1,
        scope,
      }),
      getReleaseNotesFeedUrl: async () =>
        `${FEED}/entities/component/default/checkout.atom`,
    });
    // Even a member of the platform team publishes from the team's pages.
    await renderTab({ entity, api, allowed: true });

    await waitForTitles([CACHE_V2]);
    expect(
      screen.getByText('Release notes of the platforms this component uses'),
    ).toBeInTheDocument();
    expect(api.getEntityReleaseNotes).toHaveBeenCalledTimes(1);
    expect(api.getEntityReleaseNotes).toHaveBeenCalledWith(
      'component:default/checkout',
      {},
    );
    expect(api.getTeamReleaseNotes).not.toHaveBeenCalled();
    expect(api.getReleaseNotesFeedUrl).toHaveBeenCalledWith({
      entityRef: 'component:default/checkout',
    });
    // The team that wrote it is named.
    expect(
      within(screen.getByRole('article')).getByRole('link', {
        name: 'consumed-platform',
      }),
    ).toHaveAttribute('href', '/catalog/default/group/consumed-platform');
    expect(
      screen.queryByRole('button', { name: 'New release note' }),
    ).toBeNull();
    expect(screen.queryAllByRole('button', { name: /^(Edit|Delete)/ })).toEqual(
      [],
    );
  });

  it('filters by type on the server, with toggles that say whether they are pressed', async () => {
    const { api, teamRef } = await renderTeam('type-filter');
    await waitForTitles(ALL);

    const types = screen.getByRole('group', { name: 'Type' });
    const breaking = within(types).getByRole('button', {
      name: 'Breaking change',
    });
    expect(breaking).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(breaking);
    await waitForTitles([NODE_18]);
    expect(breaking).toHaveAttribute('aria-pressed', 'true');
    expect(api.getTeamReleaseNotes).toHaveBeenLastCalledWith(teamRef, {
      type: ['breaking'],
    });

    // With the keyboard.
    within(types).getByRole('button', { name: 'Fix' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitForTitles([NODE_18, EVICTION]);
    // In the fixed order of the types, whatever the order of the clicks.
    expect(api.getTeamReleaseNotes).toHaveBeenLastCalledWith(teamRef, {
      type: ['fix', 'breaking'],
    });
    expect(api.getTeamReleaseNotes).toHaveBeenCalledTimes(3);
    expect(screen.getByLabelText('Current search')).toHaveTextContent(
      '?type=fix&type=breaking',
    );

    await userEvent.click(breaking);
    await waitForTitles([EVICTION]);
    expect(breaking).toHaveAttribute('aria-pressed', 'false');
    expect(api.getTeamReleaseNotes).toHaveBeenLastCalledWith(teamRef, {
      type: ['fix'],
    });
    expect(api.getTeamReleaseNotes).toHaveBeenCalledTimes(4);
  });

  it('filters by the entity a note is about', async () => {
    const { api, teamRef } = await renderTeam('entity-filter');
    await waitForTitles(ALL);

    const entitySelect = screen.getByLabelText('Entity');
    expect(
      within(entitySelect)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['All', 'build-cache', 'ci-runner']);
    await userEvent.selectOptions(entitySelect, 'ci-runner');
    await waitForTitles([NODE_18]);
    expect(api.getTeamReleaseNotes).toHaveBeenLastCalledWith(teamRef, {
      about: CI_RUNNER,
    });
    expect(api.getTeamReleaseNotes).toHaveBeenCalledTimes(2);
    expect(screen.getByLabelText('Current search')).toHaveTextContent(
      `?about=${encodeURIComponent(CI_RUNNER)}`,
    );

    await userEvent.selectOptions(screen.getByLabelText('Entity'), 'All');
    await waitForTitles(ALL);
    expect(api.getTeamReleaseNotes).toHaveBeenLastCalledWith(teamRef, {});
  });

  it('searches once typing pauses', async () => {
    const { api, teamRef } = await renderTeam('search');
    await waitForTitles(ALL);

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search release notes' }),
      'node',
    );
    await waitForTitles([NODE_18]);
    expect(api.getTeamReleaseNotes).toHaveBeenLastCalledWith(teamRef, {
      q: 'node',
    });
    // Not one request per keystroke.
    expect(api.getTeamReleaseNotes).toHaveBeenCalledTimes(2);
    expect(screen.getByLabelText('Current search')).toHaveTextContent(
      '?q=node',
    );
  });

  it('opens with the filters of a shared URL, and says when nothing matches', async () => {
    const { api, teamRef } = await renderTeam('shared-filters', {
      query: '?type=breaking&q=cache',
    });
    expect(
      await screen.findByText('No release notes match these filters.'),
    ).toBeInTheDocument();
    expect(api.getTeamReleaseNotes).toHaveBeenCalledTimes(1);
    expect(api.getTeamReleaseNotes).toHaveBeenCalledWith(teamRef, {
      type: ['breaking'],
      q: 'cache',
    });
    expect(
      screen.getByRole('button', { name: 'Breaking change' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByRole('searchbox', { name: 'Search release notes' }),
    ).toHaveValue('cache');

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitForTitles(ALL);
    expect(api.getTeamReleaseNotes).toHaveBeenLastCalledWith(teamRef, {});
    expect(
      screen.getByRole('searchbox', { name: 'Search release notes' }),
    ).toHaveValue('');
    expect(screen.getByLabelText('Current search')).toBeEmptyDOMElement();
  });

  it('shows one note alone from its permalink, with a way back to all of them', async () => {
    const { api, path } = await renderTeam('permalink');
    await waitForTitles(ALL);

    await userEvent.click(
      screen.getByRole('link', { name: `Permalink: ${NODE_18}` }),
    );
    await waitForTitles([NODE_18]);
    expect(api.getReleaseNote).toHaveBeenCalledWith('rn-node-18');
    expect(screen.getByRole('heading', { name: NODE_18 })).toBeInTheDocument();
    expect(screen.queryByLabelText('Entity')).toBeNull();
    const back = screen.getByRole('link', { name: 'All release notes' });
    expect(back).toHaveAttribute('href', path);

    await userEvent.click(back);
    await waitForTitles(ALL);
    expect(api.getTeamReleaseNotes).toHaveBeenCalledTimes(2);
  });

  it('opens a shared permalink directly, without loading the list', async () => {
    const { api } = await renderTeam('permalink-shared', {
      query: '?note=rn-eviction',
    });
    await waitForTitles([EVICTION]);
    expect(api.getReleaseNote).toHaveBeenCalledTimes(1);
    expect(api.getTeamReleaseNotes).not.toHaveBeenCalled();
    expect(
      screen.getByRole('link', { name: 'All release notes' }),
    ).toBeInTheDocument();
  });

  it('says when a permalinked note no longer exists', async () => {
    const { path } = await renderTeam('permalink-gone', {
      query: '?note=rn-deleted',
    });
    expect(
      await screen.findByText('This release note no longer exists'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('article')).toBeNull();
    expect(
      screen.getByRole('link', { name: 'All release notes' }),
    ).toHaveAttribute('href', path);
  });

  it('marks the notes written since the last visit, and remembers this one', async () => {
    const teamRef = 'group:default/last-visit';
    const storage = mockApis.storage();
    const bucket = storage.forBucket(STORAGE_BUCKET);
    await bucket.set(lastVisitKey(teamRef), '2026-10-25T00:00:00Z');
    const before = Date.now();
    await renderTeam('last-visit', { storage });
    await waitForTitles(ALL);

    const [cache, node, eviction] = screen.getAllByRole('article');
    expect(
      within(cache).getByRole('img', { name: 'New since your last visit' }),
    ).toHaveTextContent('New');
    for (const article of [node, eviction]) {
      expect(
        within(article).queryByRole('img', {
          name: 'New since your last visit',
        }),
      ).toBeNull();
    }
    expect(screen.getByText('1 new since your last visit.')).toBeVisible();

    await waitFor(() => {
      const stored = bucket.snapshot<string>(lastVisitKey(teamRef)).value;
      expect(Date.parse(stored!)).toBeGreaterThanOrEqual(before);
    });
    // The marks stay while the person is here.
    expect(
      screen.getByRole('img', { name: 'New since your last visit' }),
    ).toBeInTheDocument();
  });

  it('says when a team has no release notes yet, offering members to write one', async () => {
    await renderTeam('empty', {
      allowed: true,
      api: {
        getTeamReleaseNotes: async ref =>
          notesPage([], { teamRefs: [ref], entityRefs: [] }),
      },
    });
    expect(await screen.findByText('No release notes yet')).toBeVisible();
    expect(
      screen.queryByText('No release notes match these filters.'),
    ).toBeNull();
    await waitFor(() =>
      expect(
        screen.getAllByRole('button', { name: 'New release note' }),
      ).toHaveLength(2),
    );
  });

  it('shows the error when the notes cannot be loaded', async () => {
    await renderTeam('broken', {
      api: {
        getTeamReleaseNotes: async () => {
          throw await responseError(500, 'release notes exploded');
        },
      },
    });
    expect(
      (await screen.findAllByText(/release notes exploded/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows progress while the notes load', async () => {
    await renderTeam('loading', {
      api: { getTeamReleaseNotes: () => new Promise(() => {}) },
    });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });
});

describe('ReleaseNotesTab dialogs', () => {
  async function open(buttonName: string, dialogName: string) {
    await userEvent.click(
      await screen.findByRole('button', { name: buttonName }),
    );
    return screen.findByRole('dialog', { name: dialogName });
  }

  it('publishes a note, validating it and showing server errors under the field named', async () => {
    const createReleaseNote = jest
      .fn()
      .mockRejectedValueOnce(
        await responseError(
          400,
          'entityRef: is not a platform entity of this team',
        ),
      )
      .mockResolvedValue(releaseNote('group:default/x'));
    const { api, teamRef } = await renderTeam('create', {
      allowed: true,
      api: { createReleaseNote },
    });
    await waitForTitles(ALL);

    const dialog = await open('New release note', 'New release note');
    const field = (label: RegExp) => within(dialog).getByLabelText(label);
    expect(field(/Published on/)).toHaveValue(
      new Date().toLocaleDateString('en-CA'),
    );
    expect(field(/Type/)).toHaveValue('feature');
    expect(field(/Entity/)).toHaveValue('');
    expect(
      within(field(/Entity/))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'None: a team-wide note',
      'Build cache (component)',
      'ci-runner (component)',
    ]);
    expect(api.getTeam).toHaveBeenCalledWith(teamRef);
    expect(api.getBacklog).toHaveBeenCalledWith(teamRef, {
      status: ['planned'],
      limit: 100,
    });

    await userEvent.type(field(/Title/), 'Node');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Publish release note' }),
    );
    expect(field(/Title/)).toHaveAttribute('aria-invalid', 'true');
    expect(field(/Title/)).toHaveAccessibleDescription(
      'title: must be at least 5 characters',
    );
    expect(field(/Title/)).toHaveFocus();
    expect(createReleaseNote).not.toHaveBeenCalled();

    await userEvent.type(field(/Title/), ' 20 is no longer supported');
    await userEvent.selectOptions(field(/Type/), 'Breaking change');
    await userEvent.type(field(/Release version/), '6.0.0');
    await userEvent.clear(field(/Published on/));
    await userEvent.type(field(/Published on/), '2026-11-05');
    await userEvent.selectOptions(field(/Entity/), 'ci-runner (component)');
    await userEvent.type(field(/Body/), 'Use **Node 22** images.');
    await userEvent.click(
      within(dialog).getByRole('checkbox', {
        name: 'ARM runners for the mobile builds (Planned)',
      }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Publish release note' }),
    );
    const expected = {
      type: 'breaking',
      title: 'Node 20 is no longer supported',
      releaseVersion: '6.0.0',
      publishedOn: '2026-11-05',
      entityRef: CI_RUNNER,
      body: 'Use **Node 22** images.',
      shipsRequestIds: ['r-arm'],
    };
    await waitFor(() =>
      expect(createReleaseNote).toHaveBeenCalledWith(teamRef, expected),
    );
    await waitFor(() =>
      expect(field(/Entity/)).toHaveAccessibleDescription(
        'entityRef: is not a platform entity of this team',
      ),
    );
    expect(field(/Entity/)).toHaveAttribute('aria-invalid', 'true');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Publish release note' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(createReleaseNote).toHaveBeenCalledTimes(2);
    expect(createReleaseNote).toHaveBeenLastCalledWith(teamRef, expected);
    await waitFor(() =>
      expect(api.getTeamReleaseNotes).toHaveBeenCalledTimes(2),
    );
  });

  it("proposes a platform entity's own page entity for a new note", async () => {
    const teamRef = 'group:default/entity-scope';
    const entity = componentEntity('build-cache', teamRef);
    const api = mockPlatformRoadmapApi({
      getEntityReleaseNotes: async () => ({
        items: [releaseNote(teamRef)],
        totalItems: 1,
        scope: {
          kind: 'entity',
          teamRefs: [teamRef],
          entityRefs: [BUILD_CACHE],
        },
      }),
      getReleaseNotesFeedUrl: async () => `${FEED}/entities/x.atom`,
      getTeam: async ref => platformTeam(ref),
      getBacklog: async ref => ({
        items: shippableRequests(ref),
        totalItems: 2,
      }),
    });
    // Only members of the note's team may publish.
    await renderTab({
      entity,
      api,
      allowed: resourceRef => resourceRef === teamRef,
    });
    await waitForTitles([CACHE_V2]);
    expect(
      screen.getByText(
        "Release notes of this component, and its team's team-wide notes",
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', {
        name: `Edit release note: ${CACHE_V2}`,
      }),
    ).toBeInTheDocument();

    const dialog = await open('New release note', 'New release note');
    expect(within(dialog).getByLabelText(/Entity/)).toHaveValue(BUILD_CACHE);
    expect(api.getTeam).toHaveBeenCalledWith(teamRef);
  });

  it('edits a note with the version seen, and offers a reload when someone else changed it', async () => {
    const conflict = await responseError(
      409,
      'release note rn-node-18 was changed by someone else (version 2, not 1)',
    );
    const { api, teamRef } = await renderTeam('edit-conflict', {
      allowed: true,
      api: {
        updateReleaseNote: async () => {
          throw conflict;
        },
      },
    });
    await waitForTitles(ALL);

    const dialog = await open(
      `Edit release note: ${NODE_18}`,
      `Edit release note: ${NODE_18}`,
    );
    expect(within(dialog).getByLabelText(/Title/)).toHaveValue(NODE_18);
    expect(within(dialog).getByLabelText(/Entity/)).toHaveValue(CI_RUNNER);
    // What a note shipped is set when it is published.
    expect(within(dialog).queryByText('Ships requests')).toBeNull();
    expect(api.getBacklog).not.toHaveBeenCalled();

    await userEvent.type(within(dialog).getByLabelText(/Title/), ' and 20');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save release note' }),
    );
    await waitFor(() =>
      expect(api.updateReleaseNote).toHaveBeenCalledWith('rn-node-18', {
        version: 1,
        type: 'breaking',
        title: `${NODE_18} and 20`,
        releaseVersion: '5.0.0',
        publishedOn: '2026-10-20',
        entityRef: CI_RUNNER,
        body: 'Move your pipelines to Node 22 before upgrading.',
      }),
    );
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('was changed by someone else');
    expect(alert).toHaveTextContent(
      'Someone else changed this release note since the list was loaded.',
    );
    expect(alert).not.toHaveTextContent('roadmap');
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Reload the release notes' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(api.getTeamReleaseNotes).toHaveBeenCalledTimes(2),
    );
    expect(api.getTeamReleaseNotes).toHaveBeenLastCalledWith(teamRef, {});
  });

  it('makes a note team-wide by clearing its entity', async () => {
    const { api } = await renderTeam('edit-team-wide', {
      allowed: true,
      api: { updateReleaseNote: async () => releaseNote('group:default/x') },
    });
    await waitForTitles(ALL);
    const dialog = await open(
      `Edit release note: ${CACHE_V2}`,
      `Edit release note: ${CACHE_V2}`,
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Entity/),
      'None: a team-wide note',
    );
    await userEvent.clear(within(dialog).getByLabelText(/Release version/));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save release note' }),
    );
    await waitFor(() =>
      expect(api.updateReleaseNote).toHaveBeenCalledWith(
        'rn-cache-v2',
        expect.objectContaining({ version: 2, entityRef: null }),
      ),
    );
    expect(api.updateReleaseNote.mock.calls[0][1].releaseVersion).toBe(
      undefined,
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('deletes a note only after confirmation', async () => {
    const { api } = await renderTeam('delete', {
      allowed: true,
      api: { deleteReleaseNote: async () => undefined },
    });
    await waitForTitles(ALL);

    let dialog = await open(
      `Delete release note: ${EVICTION}`,
      `Delete release note: ${EVICTION}`,
    );
    expect(dialog).toHaveTextContent(`Delete the release note “${EVICTION}”?`);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.deleteReleaseNote).not.toHaveBeenCalled();

    dialog = await open(
      `Delete release note: ${EVICTION}`,
      `Delete release note: ${EVICTION}`,
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Yes, delete' }),
    );
    await waitFor(() =>
      expect(api.deleteReleaseNote).toHaveBeenCalledWith('rn-eviction', 3),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(api.getTeamReleaseNotes).toHaveBeenCalledTimes(2),
    );
  });
});
