/*
 * The legacy exports of the plugin, wired the way an adopter wires them in
 * `App.tsx` and `EntityPage.tsx` (README, "4. Frontend, legacy app"), inside
 * a real legacy Backstage app from `createApp` of `@backstage/app-defaults`.
 *
 * Nothing of the app is mocked: no API is overridden in `createApp`. The
 * Platform Roadmap API comes from the plugin's own factory (discovery + fetch),
 * the entity comes from the catalog plugin's `CatalogClient` through
 * `CatalogEntityPage` (which also mounts `entityRouteRef`, which the entity
 * links of the plugin need), and permissions go through the default
 * `IdentityPermissionApi` with `permission.enabled: true`. Every one of them
 * talks HTTP to `backend.baseUrl`, which msw answers; any other request fails
 * the test.
 */
import { createApp } from '@backstage/app-defaults';
import { Entity } from '@backstage/catalog-model';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { AlertDisplay, OAuthRequestDialog } from '@backstage/core-components';
import {
  CatalogEntityPage,
  CatalogIndexPage,
  EntityLayout,
  EntitySwitch,
  isKind,
} from '@backstage/plugin-catalog';
import Grid from '@material-ui/core/Grid';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route } from 'react-router-dom';
import {
  EntityDeprecationWarningCard,
  EntityPlatformRequestsCard,
  EntityPlatformRoadmapContent,
  EntityReleaseNotesContent,
  isPlatformTeamEntity,
  PlatformRoadmapPage,
  platformRoadmapPlugin,
} from './index';
import { plannedBudget } from './components/Capacity/testData';
import { channels, platformTeam } from './components/ContactChannels/testData';
import { deprecationWarning } from './components/Deprecations/testData';
import { orgOverview } from './components/OrgRoadmapPage/testData';
import { notesPage, teamNotes } from './components/ReleaseNotes/testData';
import { surveySummary } from './components/Satisfaction/testData';
import { stakeholdersFixture } from './components/Stakeholders/testData';
import { roadmapFixture } from './components/TeamRoadmap/testData';

// Where the app's default discovery API (FrontendHostDiscovery) sends
// plugin `x`: `${backend.baseUrl}/api/x`.
const BACKEND = 'http://localhost:7007';
const ROADMAP = `${BACKEND}/api/platform-roadmap`;
const CATALOG = `${BACKEND}/api/catalog`;
const PERMISSION = `${BACKEND}/api/permission`;

const CI_BUILD = 'group:default/ci-build';
const CHECKOUT_WEB = 'component:default/checkout-web';

const ciBuild: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'ci-build',
    namespace: 'default',
    title: 'CI & Build',
    annotations: { 'platform-roadmap/platform-team': 'true' },
  },
  spec: { type: 'team', children: [] },
};

// A Group like any other: not a platform team.
const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'checkout', namespace: 'default', title: 'Checkout' },
  spec: { type: 'team', children: [] },
};

const checkoutWeb: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-web', namespace: 'default' },
  spec: {
    type: 'website',
    lifecycle: 'production',
    owner: 'group:default/checkout',
  },
};

const catalog = new Map(
  [ciBuild, checkout, checkoutWeb].map(entity => [
    `${entity.kind}:${entity.metadata.namespace}/${entity.metadata.name}`.toLocaleLowerCase(
      'en-US',
    ),
    entity,
  ]),
);

/** What the backend was asked, e.g. `GET /api/platform-roadmap/teams/...`. */
let requests: string[] = [];
let permissionRequests: {
  permission: { name: string };
  resourceRef?: string;
}[] = [];
let unhandled: string[] = [];

function seen(request: Request) {
  const url = new URL(request.url);
  requests.push(`${request.method} ${url.pathname}${url.search}`);
}

const roadmapPaths = () =>
  requests.filter(r => r.includes('/api/platform-roadmap/'));

const server = setupServer(
  // The catalog backend, for CatalogEntityPage and the entity links.
  http.get(
    `${CATALOG}/entities/by-name/:kind/:namespace/:name`,
    ({ request, params }) => {
      seen(request);
      const entity = catalog.get(
        `${params.kind}:${params.namespace}/${params.name}`.toLocaleLowerCase(
          'en-US',
        ),
      );
      return entity
        ? HttpResponse.json(entity)
        : HttpResponse.json(
            { error: { name: 'NotFoundError', message: 'no such entity' } },
            { status: 404 },
          );
    },
  ),
  http.post(`${CATALOG}/entities/by-refs`, async ({ request }) => {
    seen(request);
    const { entityRefs } = (await request.json()) as { entityRefs: string[] };
    return HttpResponse.json({
      items: entityRefs.map(
        ref => catalog.get(ref.toLocaleLowerCase('en-US')) ?? null,
      ),
    });
  }),
  // The permission backend: everything is allowed.
  http.post(`${PERMISSION}/authorize`, async ({ request }) => {
    seen(request);
    const body = (await request.json()) as {
      items: {
        id: string;
        permission: { name: string };
        resourceRef?: string;
      }[];
    };
    permissionRequests.push(...body.items);
    return HttpResponse.json({
      items: body.items.map(({ id }) => ({ id, result: 'ALLOW' })),
    });
  }),
  // The Platform Roadmap backend.
  http.get(`${ROADMAP}/teams/default/ci-build`, ({ request }) => {
    seen(request);
    return HttpResponse.json(platformTeam(CI_BUILD, channels()));
  }),
  http.get(
    `${ROADMAP}/teams/default/ci-build/capacity/:quarter`,
    ({ request, params }) => {
      seen(request);
      return HttpResponse.json(
        plannedBudget(CI_BUILD, params.quarter as string),
      );
    },
  ),
  http.get(`${ROADMAP}/teams/default/ci-build/roadmap`, ({ request }) => {
    seen(request);
    return HttpResponse.json(roadmapFixture(CI_BUILD));
  }),
  http.get(`${ROADMAP}/teams/default/ci-build/deprecations`, ({ request }) => {
    seen(request);
    return HttpResponse.json({ items: [] });
  }),
  http.get(`${ROADMAP}/teams/default/ci-build/metrics`, ({ request }) => {
    seen(request);
    return HttpResponse.json({ items: [] });
  }),
  http.get(`${ROADMAP}/teams/default/ci-build/survey`, ({ request }) => {
    seen(request);
    return HttpResponse.json(surveySummary(CI_BUILD));
  }),
  http.get(`${ROADMAP}/teams/default/ci-build/stakeholders`, ({ request }) => {
    seen(request);
    return HttpResponse.json(stakeholdersFixture(CI_BUILD));
  }),
  http.get(`${ROADMAP}/teams/default/ci-build/backlog`, ({ request }) => {
    seen(request);
    return HttpResponse.json({ items: [], totalItems: 0 });
  }),
  http.get(`${ROADMAP}/teams/default/ci-build/release-notes`, ({ request }) => {
    seen(request);
    return HttpResponse.json(
      notesPage(teamNotes(CI_BUILD), { teamRefs: [CI_BUILD] }),
    );
  }),
  http.get(`${ROADMAP}/requests`, ({ request }) => {
    seen(request);
    const entityRef = new URL(request.url).searchParams.get('entityRef');
    return HttpResponse.json({
      items:
        entityRef === CHECKOUT_WEB
          ? roadmapFixture(CI_BUILD).themes[0].requests
          : [],
    });
  }),
  http.get(`${ROADMAP}/entities/deprecation-warnings`, ({ request }) => {
    seen(request);
    const entityRef = new URL(request.url).searchParams.get('entityRef');
    return HttpResponse.json({
      entityRef,
      items: entityRef === CHECKOUT_WEB ? [deprecationWarning()] : [],
    });
  }),
  http.get(`${ROADMAP}/overview`, ({ request }) => {
    seen(request);
    return HttpResponse.json(orgOverview());
  }),
);

beforeAll(() =>
  server.listen({
    onUnhandledRequest(request, print) {
      unhandled.push(`${request.method} ${request.url}`);
      print.error();
    },
  }),
);
afterAll(() => server.close());
beforeEach(() => {
  requests = [];
  permissionRequests = [];
  unhandled = [];
});
afterEach(() => {
  server.resetHandlers();
  window.localStorage.clear();
  // Nothing the app asked went unanswered (msw only logs those).
  if (unhandled.length > 0) {
    throw new Error(`Requests msw did not answer:\n${unhandled.join('\n')}`);
  }
});

// packages/app/src/components/catalog/EntityPage.tsx
const groupPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <div>The group's profile and members</div>
    </EntityLayout.Route>
    <EntityLayout.Route
      path="/roadmap"
      title="Roadmap"
      if={isPlatformTeamEntity}
    >
      <EntityPlatformRoadmapContent />
    </EntityLayout.Route>
    <EntityLayout.Route
      path="/release-notes"
      title="Release notes"
      if={isPlatformTeamEntity}
    >
      <EntityReleaseNotesContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const componentPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        <Grid item md={6} xs={12}>
          <EntityDeprecationWarningCard />
        </Grid>
        <Grid item md={6} xs={12}>
          <EntityPlatformRequestsCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
    <EntityLayout.Route path="/release-notes" title="Release notes">
      <EntityReleaseNotesContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('group')}>{groupPage}</EntitySwitch.Case>
    <EntitySwitch.Case if={isKind('component')}>
      {componentPage}
    </EntitySwitch.Case>
  </EntitySwitch>
);

/** A fresh legacy app (an app's root can only be created once) at `path`. */
function renderApp(path: string) {
  // packages/app/src/App.tsx
  const app = createApp({
    plugins: [platformRoadmapPlugin],
    configLoader: async () => [
      {
        context: 'legacyApp.test',
        data: {
          app: { title: 'Test portal', baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: BACKEND },
          permission: { enabled: true },
        },
      },
    ],
  });
  const routes = (
    <FlatRoutes>
      <Route path="/catalog" element={<CatalogIndexPage />} />
      <Route
        path="/catalog/:namespace/:kind/:name"
        element={<CatalogEntityPage />}
      >
        {entityPage}
      </Route>
      <Route path="/platform-roadmap" element={<PlatformRoadmapPage />} />
    </FlatRoutes>
  );
  const App = app.createRoot(
    <>
      <AlertDisplay />
      <OAuthRequestDialog />
      <AppRouter>{routes}</AppRouter>
    </>,
  );
  // The legacy app routes with a BrowserRouter.
  window.history.pushState({}, '', path);
  return render(<App />);
}

describe('the legacy plugin in a legacy app', () => {
  it('shows a platform team its Roadmap and Release notes tabs, with data from the backend', async () => {
    const user = userEvent.setup();
    renderApp('/catalog/default/group/ci-build');

    // The entity came from the catalog backend.
    expect(
      await screen.findByRole('heading', { name: /CI & Build/ }),
    ).toBeInTheDocument();
    expect(requests).toContain(
      'GET /api/catalog/entities/by-name/group/default/ci-build',
    );

    await user.click(await screen.findByRole('tab', { name: 'Roadmap' }));
    expect(window.location.pathname).toBe(
      '/catalog/default/group/ci-build/roadmap',
    );

    // From GET /teams/default/ci-build: how to reach the team.
    const contact = await screen.findByRole('list', {
      name: 'How to reach CI & Build',
    });
    expect(
      within(contact).getByRole('link', { name: /^Weekly drop-in/ }),
    ).toBeInTheDocument();
    // From GET /teams/default/ci-build/roadmap: the themes.
    expect(
      await screen.findByRole('heading', { name: 'Fast and reliable CI' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Self-service build onboarding' }),
    ).toBeInTheDocument();
    // The permission backend allowed managing the team, so members' buttons
    // show.
    expect(
      await screen.findByRole('button', { name: 'Add theme' }),
    ).toBeInTheDocument();
    expect(permissionRequests).toContainEqual(
      expect.objectContaining({
        permission: expect.objectContaining({
          name: 'platform-roadmap.team.manage',
        }),
        resourceRef: CI_BUILD,
      }),
    );
    expect(roadmapPaths()).toEqual(
      expect.arrayContaining([
        'GET /api/platform-roadmap/teams/default/ci-build',
        'GET /api/platform-roadmap/teams/default/ci-build/roadmap',
      ]),
    );

    await user.click(screen.getByRole('tab', { name: 'Release notes' }));
    expect(window.location.pathname).toBe(
      '/catalog/default/group/ci-build/release-notes',
    );
    expect(
      await screen.findByText('Remote cache v2 is generally available'),
    ).toBeInTheDocument();
    expect(screen.getByText('Runner images drop Node 18')).toBeInTheDocument();
    expect(roadmapPaths()).toContain(
      'GET /api/platform-roadmap/teams/default/ci-build/release-notes',
    );
  });

  it('shows no Roadmap tab on the page of a group that is not a platform team', async () => {
    renderApp('/catalog/default/group/checkout');

    // The page is there, with its tabs...
    expect(
      await screen.findByRole('tab', { name: 'Overview' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText("The group's profile and members"),
    ).toBeInTheDocument();
    // ...but not those of a platform team, and nobody asked the plugin's
    // backend anything.
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Overview',
    ]);
    expect(
      screen.queryByRole('tab', { name: 'Roadmap' }),
    ).not.toBeInTheDocument();
    expect(roadmapPaths()).toEqual([]);
  });

  it('shows the deprecation warning and the platform requests on a component overview', async () => {
    renderApp('/catalog/default/component/checkout-web');

    expect(
      await screen.findByText('Deprecations affecting this component'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('article', {
        name: 'Build cache v1 deprecation',
      }),
    ).toBeInTheDocument();

    const requestsTable = await screen.findByRole('table', {
      name: 'Platform requests',
    });
    expect(
      within(requestsTable).getByText('Remote cache misses on every CI run'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'File a request' }),
    ).toBeInTheDocument();

    expect(roadmapPaths()).toEqual(
      expect.arrayContaining([
        `GET /api/platform-roadmap/entities/deprecation-warnings?entityRef=${encodeURIComponent(
          CHECKOUT_WEB,
        )}`,
        `GET /api/platform-roadmap/requests?entityRef=${encodeURIComponent(
          CHECKOUT_WEB,
        )}`,
      ]),
    );
  });

  it('shows the org-wide page at /platform-roadmap', async () => {
    renderApp('/platform-roadmap');

    expect(
      await screen.findByRole('heading', { name: 'Platform roadmap' }),
    ).toBeInTheDocument();
    const teams = await screen.findByRole('region', {
      name: 'Platform teams',
    });
    expect(
      within(teams).getByRole('link', { name: 'CI & Build' }),
    ).toBeInTheDocument();
    expect(
      within(teams).getByRole('link', { name: 'Developer Portal' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Faster builds')).toBeInTheDocument();
    await waitFor(() =>
      expect(roadmapPaths()).toEqual(['GET /api/platform-roadmap/overview']),
    );
  });
});
