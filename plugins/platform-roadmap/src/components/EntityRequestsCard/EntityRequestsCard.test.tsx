import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  renderInTestApp,
  TestApiProvider,
  textContentMatcher,
} from '@backstage/test-utils';
import {
  EntitySummary,
  ImpactedTeam,
  PlatformRequest,
  PlatformTeam,
  RankedRequest,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { EntityRequestsCard, platformTeamOptions } from './EntityRequestsCard';

const ENTITY_REF = 'component:default/checkout';

const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', title: 'Checkout' },
  spec: { type: 'service', owner: 'group:default/payments' },
};

function summary(entityRef: string, title?: string): EntitySummary {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return { entityRef, kind, namespace, name, title };
}

function platformTeam(
  entityRef: string,
  title: string,
  consumers: string[],
): PlatformTeam {
  const platformEntity = summary(`component:default/${title}-service`);
  return {
    team: summary(entityRef, title),
    platformEntities: [platformEntity],
    consumingTeams: consumers.map(consumer => ({
      team: summary('group:default/some-team'),
      via: [
        {
          consumer: summary(consumer),
          relation: 'dependsOn',
          platformEntityRef: platformEntity.entityRef,
        },
      ],
    })),
    unownedConsumerCount: 0,
  };
}

// Checkout depends on CI & Build only; the API lists Identity first.
const platformTeams: PlatformTeam[] = [
  platformTeam('group:default/identity', 'Identity', [
    'component:default/ledger',
  ]),
  platformTeam('group:default/ci-build', 'CI & Build', [
    'component:default/ledger',
    ENTITY_REF,
  ]),
  platformTeam('group:default/data', 'Data', []),
];

function impactedTeams(count: number): ImpactedTeam[] {
  return Array.from({ length: count }, (_, i) => ({
    team: summary(`group:default/team-${i}`),
    reasons: [],
    orgUnitRefs: [],
  }));
}

function ranked(
  overrides: Partial<PlatformRequest>,
  teams: number,
  strongSignal: boolean,
): RankedRequest {
  return {
    rank: 1,
    request: {
      id: 'req-1',
      version: 1,
      title: 'A request',
      description: '',
      kind: 'slowdown',
      impactType: 'velocity-tax',
      severity: 'medium',
      cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 1 },
      requestingEntityRef: ENTITY_REF,
      platformTeamRef: 'group:default/ci-build',
      aboutEntityRefs: [],
      status: 'open',
      endorsements: [],
      createdBy: 'user:default/someone',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      ...overrides,
    },
    teamsImpacted: {
      teams: impactedTeams(teams),
      orgUnits: [],
      askingTeamCount: strongSignal ? 3 : 1,
      strongSignal,
    },
    score: { total: 1, parts: [] },
  };
}

const filed = ranked(
  { id: 'req-filed', title: 'Compile is slow', status: 'triaged' },
  4,
  true,
);
const endorsed = ranked(
  {
    id: 'req-endorsed',
    title: 'Tokens expire too early',
    kind: 'bug',
    status: 'planned',
    platformTeamRef: 'group:default/identity',
    requestingEntityRef: 'component:default/ledger',
    endorsements: [
      {
        entityRef: ENTITY_REF,
        cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 2 },
        createdBy: 'user:default/me',
        createdAt: '2026-01-02T00:00:00.000Z',
      },
    ],
  },
  1,
  false,
);

async function renderCard(api: PlatformRoadmapApi) {
  await renderInTestApp(
    <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
      <EntityProvider entity={checkoutEntity}>
        <EntityRequestsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return userEvent.setup({ delay: null });
}

function bodyRows() {
  const table = screen.getByRole('table', { name: 'Platform requests' });
  const [, ...rows] = within(table).getAllByRole('row');
  return rows;
}

describe('EntityRequestsCard', () => {
  it('shows a progress indicator while the requests load', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityRequests: () => new Promise(() => {}),
    });
    await renderCard(api);

    expect(screen.getByText('Platform requests')).toBeInTheDocument();
    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(api.getEntityRequests).toHaveBeenCalledWith(ENTITY_REF);
  });

  it('shows the error when the requests cannot be loaded', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityRequests: () =>
        Promise.reject(new Error('Backend is unreachable')),
    });
    await renderCard(api);

    expect(
      await screen.findAllByText(textContentMatcher('Backend is unreachable')),
    ).not.toHaveLength(0);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says so when nothing was filed or endorsed from the entity', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityRequests: async () => ({ items: [], totalItems: 0 }),
    });
    await renderCard(api);

    expect(
      await screen.findByText(
        'No requests filed or endorsed from this entity yet.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'File a request' }),
    ).toBeInTheDocument();
  });

  it('lists the requests with team, status, involvement and teams impacted', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityRequests: async () => ({
        items: [filed, endorsed],
        totalItems: 2,
      }),
    });
    await renderCard(api);

    await screen.findByRole('table', { name: 'Platform requests' });
    const [first, second, ...rest] = bodyRows();
    expect(rest).toHaveLength(0);
    const texts = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent);

    expect(texts(first)).toEqual([
      'Compile is slowSomething is slow',
      'ci-build',
      'Triaged',
      'Filed',
      '4 Strong signal',
    ]);
    expect(within(first).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/group/ci-build',
    );

    expect(texts(second)).toEqual([
      'Tokens expire too earlyA bug',
      'identity',
      'Planned',
      'Endorsed',
      '1',
    ]);
    expect(within(second).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/group/identity',
    );
    expect(screen.getAllByText('Strong signal')).toHaveLength(1);
    expect(
      screen.queryByText('No requests filed or endorsed from this entity yet.'),
    ).not.toBeInTheDocument();
  });

  it('says when the list is the first page of many', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityRequests: async () => ({
        items: [ranked({}, 1, false)],
        totalItems: 1400,
      }),
    });
    await renderCard(api);
    await screen.findByRole('table', { name: 'Platform requests' });
    expect(
      screen.getByText('The 1 highest-ranked of 1400 requests.'),
    ).toBeInTheDocument();
  });

  it('says when a request was merged into another', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityRequests: async () => ({
        items: [ranked({ mergedIntoId: 'req-9' }, 1, false)],
        totalItems: 1,
      }),
    });
    await renderCard(api);
    await screen.findByRole('table', { name: 'Platform requests' });
    expect(within(bodyRows()[0]).getByText('Merged')).toBeInTheDocument();
  });

  it('links a shipped request to the release note that shipped it', async () => {
    const shipped = ranked(
      {
        status: 'shipped',
        releaseNoteId: 'note-42',
        title: 'Forks hit the cache',
      },
      2,
      false,
    );
    const api = mockPlatformRoadmapApi({
      getEntityRequests: async () => ({ items: [shipped], totalItems: 1 }),
    });
    await renderCard(api);

    const link = await screen.findByRole('link', { name: 'What shipped' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/group/ci-build/release-notes?note=note-42',
    );
  });

  it('opens the dialog with the depended-on team preselected', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityRequests: async () => ({ items: [], totalItems: 0 }),
      listTeams: async () => ({ items: platformTeams }),
    });
    const user = await renderCard(api);
    await screen.findByText(
      'No requests filed or endorsed from this entity yet.',
    );
    // The teams are only loaded when someone wants to file a request.
    expect(api.listTeams).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'File a request' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'File a platform request',
    });
    const team = await within(dialog).findByRole('combobox', {
      name: 'Platform team',
    });
    expect(team).toHaveValue('group:default/ci-build');
    expect(
      within(team)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['CI & Build', 'Identity', 'Data']);
    expect(api.listTeams).toHaveBeenCalledTimes(1);
  });

  it('does not file an invalid request', async () => {
    const api = mockPlatformRoadmapApi({
      getEntityRequests: async () => ({ items: [], totalItems: 0 }),
      listTeams: async () => ({ items: platformTeams }),
    });
    const user = await renderCard(api);
    await user.click(
      await screen.findByRole('button', { name: 'File a request' }),
    );
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('combobox', { name: 'Platform team' });

    await user.click(
      within(dialog).getByRole('button', { name: 'File request' }),
    );

    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    expect(title).toHaveAccessibleDescription(
      'title: must be at least 5 characters',
    );
    expect(api.fileRequest).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(api.getEntityRequests).toHaveBeenCalledTimes(1);
  });

  it('files a request and reloads to show it', async () => {
    const created = ranked(
      { id: 'req-new', title: 'Flaky integration tests', status: 'open' },
      1,
      false,
    );
    const getEntityRequests = jest
      .fn()
      .mockResolvedValueOnce({ items: [] })
      .mockResolvedValue({ items: [created] });
    const api = mockPlatformRoadmapApi({
      getEntityRequests,
      listTeams: async () => ({ items: platformTeams }),
      getBacklog: async () => ({ items: [], totalItems: 0 }),
      fileRequest: async () => created.request,
    });
    const user = await renderCard(api);
    await user.click(
      await screen.findByRole('button', { name: 'File a request' }),
    );
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('combobox', { name: 'Platform team' });

    await user.type(
      within(dialog).getByRole('textbox', { name: 'Title' }),
      'Flaky integration tests',
    );
    await user.type(
      within(dialog).getByRole('spinbutton', {
        name: 'Hours lost per engineer per week',
      }),
      '2',
    );
    await user.type(
      within(dialog).getByRole('spinbutton', { name: 'Engineers affected' }),
      '15',
    );
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      '≈ 30 engineer-hours per week',
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'File request' }),
    );

    expect(
      await screen.findByText('Flaky integration tests'),
    ).toBeInTheDocument();
    expect(api.fileRequest).toHaveBeenCalledWith(
      {
        title: 'Flaky integration tests',
        description: '',
        kind: 'slowdown',
        impactType: 'velocity-tax',
        severity: 'medium',
        cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 15 },
        requestingEntityRef: ENTITY_REF,
        platformTeamRef: 'group:default/ci-build',
        // the CI & Build entity this component depends on
        aboutEntityRefs: ['component:default/CI & Build-service'],
      },
      { idempotencyKey: expect.any(String) },
    );
    expect(getEntityRequests).toHaveBeenCalledTimes(2);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    const rows = bodyRows();
    expect(rows).toHaveLength(1);
    expect(
      within(rows[0]).getByText('Flaky integration tests'),
    ).toBeInTheDocument();
  });

  it('shows why the platform teams could not be loaded', async () => {
    const listTeams = jest
      .fn()
      .mockRejectedValueOnce(new Error('Catalog is unreachable'))
      .mockResolvedValue({ items: platformTeams });
    const api = mockPlatformRoadmapApi({
      getEntityRequests: async () => ({ items: [], totalItems: 0 }),
      listTeams,
    });
    const user = await renderCard(api);
    await user.click(
      await screen.findByRole('button', { name: 'File a request' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the platform teams: Catalog is unreachable',
    );
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    // Opening again tries again.
    await user.click(screen.getByRole('button', { name: 'File a request' }));
    expect(
      await screen.findByRole('combobox', { name: 'Platform team' }),
    ).toHaveValue('group:default/ci-build');
    expect(listTeams).toHaveBeenCalledTimes(2);
  });
});

describe('platformTeamOptions', () => {
  it('puts the teams the entity depends on first', () => {
    expect(platformTeamOptions(platformTeams, ENTITY_REF)).toEqual([
      {
        entityRef: 'group:default/ci-build',
        title: 'CI & Build',
        dependedOn: true,
        usedEntityRefs: ['component:default/CI & Build-service'],
      },
      {
        entityRef: 'group:default/identity',
        title: 'Identity',
        dependedOn: false,
        usedEntityRefs: [],
      },
      {
        entityRef: 'group:default/data',
        title: 'Data',
        dependedOn: false,
        usedEntityRefs: [],
      },
    ]);
  });

  it('matches entity refs case-insensitively and falls back to the name', () => {
    const untitled = platformTeam('group:default/infra', 'Infra', [
      'component:default/checkout',
    ]);
    delete untitled.team.title;
    expect(
      platformTeamOptions([untitled], 'Component:default/Checkout'),
    ).toEqual([
      {
        entityRef: 'group:default/infra',
        title: 'infra',
        dependedOn: true,
        usedEntityRefs: ['component:default/Infra-service'],
      },
    ]);
  });
});
