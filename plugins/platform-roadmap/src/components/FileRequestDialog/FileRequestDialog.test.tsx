import { ResponseError } from '@backstage/errors';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  PlatformRequest,
  RankedRequest,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { FileRequestDialog, PlatformTeamOption } from './FileRequestDialog';

const ENTITY_REF = 'component:default/checkout';

const teams: PlatformTeamOption[] = [
  {
    entityRef: 'group:default/ci-build',
    title: 'CI & Build',
    dependedOn: true,
  },
  { entityRef: 'group:default/data', title: 'Data Platform', dependedOn: true },
  { entityRef: 'group:default/identity', title: 'Identity', dependedOn: false },
];

function request(overrides: Partial<PlatformRequest> = {}): PlatformRequest {
  return {
    id: 'req-1',
    version: 1,
    title: 'Build cache misses',
    description: '',
    kind: 'slowdown',
    impactType: 'velocity-tax',
    severity: 'medium',
    cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 1 },
    requestingEntityRef: 'component:default/ledger',
    platformTeamRef: 'group:default/ci-build',
    aboutEntityRefs: [],
    status: 'open',
    endorsements: [],
    createdBy: 'user:default/someone',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function ranked(overrides: Partial<PlatformRequest>, rank = 1): RankedRequest {
  return {
    rank,
    request: request(overrides),
    teamsImpacted: {
      teams: [],
      orgUnits: [],
      askingTeamCount: 1,
      strongSignal: false,
    },
    score: { total: 1, parts: [] },
  };
}

async function renderDialog(
  api: PlatformRoadmapApi,
  props: {
    onFiled?: jest.Mock;
    onClose?: jest.Mock;
    platformTeams?: PlatformTeamOption[];
    platformTeamsLoading?: boolean;
    platformTeamsError?: Error;
  } = {},
) {
  const onFiled = props.onFiled ?? jest.fn();
  const onClose = props.onClose ?? jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
      <FileRequestDialog
        open
        onClose={onClose}
        onFiled={onFiled}
        entityRef={ENTITY_REF}
        platformTeams={props.platformTeams ?? teams}
        platformTeamsLoading={props.platformTeamsLoading}
        platformTeamsError={props.platformTeamsError}
      />
    </TestApiProvider>,
  );
  return { onFiled, onClose, user: userEvent.setup({ delay: null }) };
}

const field = {
  team: () => screen.getByRole('combobox', { name: 'Platform team' }),
  title: () => screen.getByRole('textbox', { name: 'Title' }),
  kind: () => screen.getByRole('combobox', { name: 'Kind' }),
  impactType: () => screen.getByRole('combobox', { name: 'Impact type' }),
  severity: () => screen.getByRole('combobox', { name: 'Severity' }),
  hours: () =>
    screen.getByRole('spinbutton', {
      name: 'Hours lost per engineer per week',
    }),
  engineers: () =>
    screen.getByRole('spinbutton', { name: 'Engineers affected' }),
  evidence: () => screen.getByRole('textbox', { name: 'Evidence' }),
  description: () => screen.getByRole('textbox', { name: 'Description' }),
};

/** A backlog whose getBacklog never finds anything similar. */
const emptyBacklog = async () => ({ items: [], totalItems: 0 });

describe('FileRequestDialog', () => {
  it('preselects the first depended-on team and lists depended-on teams first', async () => {
    await renderDialog(mockPlatformRoadmapApi({ getBacklog: emptyBacklog }), {
      // Even when a caller lists them in another order.
      platformTeams: [
        {
          entityRef: 'group:default/identity',
          title: 'Identity',
          dependedOn: false,
        },
        {
          entityRef: 'group:default/data',
          title: 'Data Platform',
          dependedOn: true,
        },
        {
          entityRef: 'group:default/ci-build',
          title: 'CI & Build',
          dependedOn: true,
        },
      ],
    });

    expect(
      screen.getByRole('dialog', { name: 'File a platform request' }),
    ).toBeInTheDocument();
    expect(field.team()).toHaveValue('group:default/data');
    const groups = within(field.team()).getAllByRole('group');
    expect(groups.map(g => g.getAttribute('label'))).toEqual([
      'Teams this entity depends on',
      'Other platform teams',
    ]);
    expect(
      within(groups[0])
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Data Platform', 'CI & Build']);
    expect(
      within(groups[1])
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Identity']);
  });

  it('preselects the first team when none is depended on', async () => {
    await renderDialog(mockPlatformRoadmapApi(), {
      platformTeams: [
        {
          entityRef: 'group:default/identity',
          title: 'Identity',
          dependedOn: false,
        },
        { entityRef: 'group:default/data', title: 'Data', dependedOn: false },
      ],
    });
    expect(field.team()).toHaveValue('group:default/identity');
  });

  it('offers the kinds, impact types and severities with readable labels', async () => {
    await renderDialog(mockPlatformRoadmapApi());

    const labels = (select: HTMLElement) =>
      within(select)
        .getAllByRole('option')
        .map(o => o.textContent);
    expect(labels(field.kind())).toEqual([
      'Something is slow',
      'A capability is missing',
      'We would build it ourselves',
      'A bug',
      'Something else',
    ]);
    expect(labels(field.impactType())).toEqual([
      'Velocity tax',
      'Reliability risk',
      'Compliance gap',
      'Cost',
    ]);
    expect(labels(field.severity())).toEqual([
      'Low',
      'Medium',
      'High',
      'Critical',
    ]);
    expect(field.evidence()).toHaveAttribute(
      'placeholder',
      'compile takes 12 minutes',
    );
  });

  it('shows the weekly engineer-hours as the cost is typed', async () => {
    const { user } = await renderDialog(mockPlatformRoadmapApi());

    const total = screen.getByRole('status');
    expect(total).toHaveTextContent('≈ 0 engineer-hours per week');
    await user.type(field.hours(), '3');
    expect(total).toHaveTextContent('≈ 0 engineer-hours per week');
    await user.type(field.engineers(), '12');
    expect(total).toHaveTextContent('≈ 36 engineer-hours per week');
    await user.clear(field.hours());
    await user.type(field.hours(), '1.5');
    expect(total).toHaveTextContent('≈ 18 engineer-hours per week');
  });

  it('shows each problem next to its field and does not file an invalid request', async () => {
    const api = mockPlatformRoadmapApi();
    const { user, onFiled } = await renderDialog(api);

    await user.type(field.title(), 'slow');
    await user.type(field.engineers(), '0');
    await user.click(screen.getByRole('button', { name: 'File request' }));

    expect(field.title()).toHaveAttribute('aria-invalid', 'true');
    expect(field.title()).toHaveAccessibleDescription(
      'title: must be at least 5 characters',
    );
    expect(field.hours()).toHaveAttribute('aria-invalid', 'true');
    expect(field.hours()).toHaveAccessibleDescription(
      'cost.hoursPerEngineerPerWeek: is required',
    );
    expect(field.engineers()).toHaveAccessibleDescription(
      'cost.engineersAffected: must be at least 1',
    );
    // Valid fields keep their hints.
    expect(field.evidence()).toHaveAttribute('aria-invalid', 'false');
    expect(field.evidence()).toHaveAccessibleDescription(
      'How you know: what you measured or observed',
    );
    // The first invalid field gets the focus.
    expect(field.title()).toHaveFocus();
    expect(api.fileRequest).not.toHaveBeenCalled();
    expect(onFiled).not.toHaveBeenCalled();
  });

  it('files a valid request and reports it', async () => {
    const created = request({ id: 'req-new', title: 'Compile is slow' });
    const api = mockPlatformRoadmapApi({
      getBacklog: emptyBacklog,
      fileRequest: async () => created,
    });
    const { user, onFiled } = await renderDialog(api);

    await user.selectOptions(field.team(), 'Identity');
    await user.type(field.title(), '  Compile is slow  ');
    await user.selectOptions(field.kind(), 'A capability is missing');
    await user.selectOptions(field.impactType(), 'Reliability risk');
    await user.selectOptions(field.severity(), 'High');
    await user.type(field.hours(), '2.5');
    await user.type(field.engineers(), '40');
    await user.type(field.evidence(), 'compile takes 12 minutes');
    await user.type(field.description(), 'We **wait**');
    await user.click(screen.getByRole('button', { name: 'File request' }));

    await waitFor(() => expect(onFiled).toHaveBeenCalledWith(created));
    expect(api.fileRequest).toHaveBeenCalledTimes(1);
    expect(api.fileRequest).toHaveBeenCalledWith(expect.anything(), {
      idempotencyKey: expect.stringMatching(/^[\w-]{16,}$/),
    });
    expect(api.fileRequest).toHaveBeenCalledWith(
      {
        title: 'Compile is slow',
        description: 'We **wait**',
        kind: 'missing-capability',
        impactType: 'reliability-risk',
        severity: 'high',
        cost: {
          hoursPerEngineerPerWeek: 2.5,
          engineersAffected: 40,
          evidence: 'compile takes 12 minutes',
        },
        requestingEntityRef: ENTITY_REF,
        platformTeamRef: 'group:default/identity',
        aboutEntityRefs: [],
      },
      expect.anything(),
    );
    expect(api.endorse).not.toHaveBeenCalled();
  });

  it('submits with the keyboard', async () => {
    const api = mockPlatformRoadmapApi({
      getBacklog: emptyBacklog,
      fileRequest: async () => request(),
    });
    const { user, onFiled } = await renderDialog(api);

    await user.type(field.title(), 'Flaky deploys');
    await user.type(field.hours(), '1');
    await user.type(field.engineers(), '3{Enter}');

    await waitFor(() => expect(onFiled).toHaveBeenCalled());
    expect(api.fileRequest).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Flaky deploys',
        kind: 'slowdown',
        impactType: 'velocity-tax',
        severity: 'medium',
        cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 3 },
        platformTeamRef: 'group:default/ci-build',
      }),
      expect.anything(),
    );
  });

  it("shows the backend's message when filing fails", async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'InputError',
            message:
              'platformTeamRef: group:default/ci-build is not a platform team',
          },
          request: { method: 'POST', url: '/requests' },
          response: { statusCode: 400 },
        }),
        {
          status: 400,
          statusText: 'Bad Request',
          headers: { 'Content-Type': 'application/json' },
        },
      ),
    );
    const api = mockPlatformRoadmapApi({
      getBacklog: emptyBacklog,
      fileRequest: () => Promise.reject(error),
    });
    const { user, onFiled } = await renderDialog(api);

    await user.type(field.title(), 'Flaky deploys');
    await user.type(field.hours(), '1');
    await user.type(field.engineers(), '3');
    await user.click(screen.getByRole('button', { name: 'File request' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'platformTeamRef: group:default/ci-build is not a platform team',
    );
    expect(api.fileRequest).toHaveBeenCalledTimes(1);
    expect(onFiled).not.toHaveBeenCalled();
    // The form stays usable to try again: the same filing is sent with the
    // same idempotency key (it may have been filed after all), a changed
    // one with a new key.
    expect(screen.getByRole('button', { name: 'File request' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'File request' }));
    await waitFor(() => expect(api.fileRequest).toHaveBeenCalledTimes(2));
    await user.type(field.title(), ' again');
    await user.click(screen.getByRole('button', { name: 'File request' }));
    await waitFor(() => expect(api.fileRequest).toHaveBeenCalledTimes(3));
    const keys = (api.fileRequest as jest.Mock).mock.calls.map(
      ([, options]) => options.idempotencyKey,
    );
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('shows similar open requests and "+1"s one instead of filing', async () => {
    const similar = ranked({
      id: 'req-cache',
      title: 'Build cache is slow for monorepos',
      status: 'triaged',
    });
    const endorsed = request({ id: 'req-cache', version: 2 });
    const api = mockPlatformRoadmapApi({
      getBacklog: async () => ({
        items: [
          ranked({ id: 'req-other', title: 'Rotate signing keys' }),
          similar,
          ranked({
            id: 'req-merged',
            title: 'Cache misses',
            mergedIntoId: 'x',
          }),
        ],
        totalItems: 3,
      }),
      endorse: async () => endorsed,
    });
    const { user, onFiled } = await renderDialog(api);

    await user.type(field.title(), 'Remote cache for builds');

    const list = await screen.findByRole('list', { name: 'Similar requests' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('Build cache is slow for monorepos');
    expect(items[0]).toHaveTextContent('Triaged');
    expect(api.getBacklog).toHaveBeenCalledWith('group:default/ci-build', {
      status: ['open', 'triaged', 'planned'],
      limit: 100,
    });

    // The cost is checked before endorsing.
    await user.click(
      within(items[0]).getByRole('button', { name: '+1 instead' }),
    );
    expect(field.hours()).toHaveAccessibleDescription(
      'cost.hoursPerEngineerPerWeek: is required',
    );
    expect(api.endorse).not.toHaveBeenCalled();

    await user.type(field.hours(), '4');
    await user.type(field.engineers(), '6');
    await user.click(
      within(items[0]).getByRole('button', { name: '+1 instead' }),
    );

    await waitFor(() => expect(onFiled).toHaveBeenCalledWith(endorsed));
    expect(api.endorse).toHaveBeenCalledTimes(1);
    expect(api.endorse).toHaveBeenCalledWith('req-cache', {
      entityRef: ENTITY_REF,
      cost: { hoursPerEngineerPerWeek: 4, engineersAffected: 6 },
    });
    expect(api.fileRequest).not.toHaveBeenCalled();
  });

  it('shows at most three similar requests, best match first', async () => {
    const api = mockPlatformRoadmapApi({
      getBacklog: async () => ({
        items: [
          ranked({ id: 'a', title: 'Deploys are flaky' }, 1),
          ranked({ id: 'b', title: 'Flaky deploys on Fridays' }, 2),
          ranked({ id: 'c', title: 'Deploys need approval' }, 3),
          ranked({ id: 'd', title: 'Friday deploys freeze' }, 4),
          ranked({ id: 'e', title: 'Unrelated thing entirely' }, 5),
        ],
        totalItems: 5,
      }),
    });
    const { user } = await renderDialog(api);

    await user.type(field.title(), 'Flaky deploys on Fridays');

    const list = await screen.findByRole('list', { name: 'Similar requests' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    [
      'Flaky deploys on Fridays',
      'Deploys are flaky',
      'Deploys need approval',
    ].forEach((title, index) =>
      expect(within(items[index]).getByText(title)).toBeInTheDocument(),
    );
  });

  it('does not look for similar requests until the title has 5 characters', async () => {
    const api = mockPlatformRoadmapApi({
      getBacklog: async () => ({
        items: [ranked({ title: 'Logs are lost' })],
        totalItems: 1,
      }),
    });
    const { user } = await renderDialog(api);

    await user.type(field.title(), 'Logs');
    // Longer than the debounce.
    await act(() => new Promise(resolve => setTimeout(resolve, 400)));
    expect(api.getBacklog).not.toHaveBeenCalled();
    expect(
      screen.queryByRole('list', { name: 'Similar requests' }),
    ).not.toBeInTheDocument();

    await user.type(field.title(), ' lost');
    expect(
      await screen.findByRole('list', { name: 'Similar requests' }),
    ).toHaveTextContent('Logs are lost');
    expect(api.getBacklog).toHaveBeenCalledTimes(1);
  });

  it('waits for typing to pause before looking for similar requests', async () => {
    const api = mockPlatformRoadmapApi({
      getBacklog: async () => ({
        items: [ranked({ title: 'Logs are lost' })],
        totalItems: 1,
      }),
    });
    await renderDialog(api);
    jest.useFakeTimers();
    try {
      const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
      await user.type(field.title(), 'Logs get lost');
      await act(async () => {
        jest.advanceTimersByTime(250);
      });
      expect(api.getBacklog).not.toHaveBeenCalled();
      await act(async () => {
        jest.advanceTimersByTime(100);
      });
      expect(api.getBacklog).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
    expect(
      await screen.findByRole('list', { name: 'Similar requests' }),
    ).toHaveTextContent('Logs are lost');
  });

  it("looks in the selected team's backlog", async () => {
    const api = mockPlatformRoadmapApi({
      getBacklog: async teamRef => ({
        items:
          teamRef === 'group:default/identity'
            ? [ranked({ title: 'Tokens expire too early' })]
            : [],
        totalItems: 1,
      }),
    });
    const { user } = await renderDialog(api);

    await user.type(field.title(), 'Tokens expire');
    await waitFor(() =>
      expect(api.getBacklog).toHaveBeenCalledWith(
        'group:default/ci-build',
        expect.anything(),
      ),
    );
    expect(
      screen.queryByRole('list', { name: 'Similar requests' }),
    ).not.toBeInTheDocument();

    await user.selectOptions(field.team(), 'Identity');
    expect(
      await screen.findByRole('list', { name: 'Similar requests' }),
    ).toHaveTextContent('Tokens expire too early');
  });

  it('does not offer to "+1" a request this entity already endorsed', async () => {
    const api = mockPlatformRoadmapApi({
      getBacklog: async () => ({
        items: [
          ranked({
            title: 'Artifact uploads time out',
            endorsements: [
              {
                entityRef: 'Component:default/Checkout',
                cost: { hoursPerEngineerPerWeek: 1, engineersAffected: 1 },
                createdBy: 'user:default/me',
                createdAt: '2026-01-01T00:00:00.000Z',
              },
            ],
          }),
        ],
        totalItems: 1,
      }),
    });
    const { user } = await renderDialog(api);

    await user.type(field.title(), 'Uploads time out');
    const list = await screen.findByRole('list', { name: 'Similar requests' });
    expect(list).toHaveTextContent('Already endorsed');
    expect(
      within(list).queryByRole('button', { name: '+1 instead' }),
    ).not.toBeInTheDocument();
  });

  it('shows progress while the platform teams load, and their error', async () => {
    await renderDialog(mockPlatformRoadmapApi(), {
      platformTeams: [],
      platformTeamsLoading: true,
    });
    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('textbox', { name: 'Title' }),
    ).not.toBeInTheDocument();
  });

  it('says when the platform teams could not be loaded', async () => {
    const { user, onClose } = await renderDialog(mockPlatformRoadmapApi(), {
      platformTeams: [],
      platformTeamsError: new Error('Catalog is unreachable'),
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not load the platform teams: Catalog is unreachable',
    );
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('closes on cancel without filing', async () => {
    const api = mockPlatformRoadmapApi();
    const { user, onClose, onFiled } = await renderDialog(api);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onFiled).not.toHaveBeenCalled();
    expect(api.fileRequest).not.toHaveBeenCalled();
  });
});
