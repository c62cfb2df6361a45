/* eslint-disable no-script-url -- script URLs are what is tested */
import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
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
import {
  ContactChannel,
  PlatformRoadmapDocument,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { PlatformRoadmapApi, platformRoadmapApiRef } from '../api';
import { mockPlatformRoadmapApi } from '../__testUtils__/mockApi';
import {
  findDangers,
  fireLoadEvents,
  XSS_CORPUS,
  XSS_FLAG,
} from '../__testUtils__/xssCorpus';
import { Backlog } from './Backlog';
import { ContactChannels } from './ContactChannels';
import { CustomerReviewDocument } from './CustomerReview/CustomerReviewDocument';
import { reviewFixture } from './CustomerReview/testData';
import { DeprecationItem } from './Deprecations/DeprecationItem';
import { deprecationView, deprecationWarning } from './Deprecations/testData';
import { DeprecationWarningCard } from './DeprecationWarningCard';
import { TeamCards } from './OrgRoadmapPage/TeamCards';
import { orgOverview } from './OrgRoadmapPage/testData';
import { ReleaseNoteArticle } from './ReleaseNotes/ReleaseNoteArticle';
import { releaseNote } from './ReleaseNotes/testData';
import { SatisfactionCard } from './Satisfaction';
import { surveySummary } from './Satisfaction/testData';
import { PlatformRoadmapSearchResultListItem } from './SearchResultItem';
import { StakeholdersCard } from './Stakeholders';
import { stakeholder, stakeholdersFixture } from './Stakeholders/testData';
import { TeamRoadmap } from './TeamRoadmap';
import { roadmapFixture } from './TeamRoadmap/testData';

/**
 * Every component that shows what a person wrote (Markdown, links, text),
 * rendered with each payload of the XSS corpus in each such field: the DOM
 * must be inert and nothing may run.
 */

const TEAM_REF = 'group:default/ci-build';

const checkoutWeb: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-web', namespace: 'default' },
  spec: { type: 'website', owner: 'group:default/checkout' },
};

async function renderWithApi(
  element: ReactElement,
  implementation: Partial<PlatformRoadmapApi> = {},
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [platformRoadmapApiRef, mockPlatformRoadmapApi(implementation)],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.DENY }),
        ],
      ]}
    >
      {element}
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The deprecation warning card of checkout-web, showing this warning. */
async function renderWarningCard(
  warning: ReturnType<typeof deprecationWarning>,
) {
  await renderWithApi(
    <EntityProvider entity={checkoutWeb}>
      <DeprecationWarningCard />
    </EntityProvider>,
    {
      getDeprecationWarnings: async entityRef => ({
        entityRef,
        items: [warning],
      }),
    },
  );
  await screen.findByRole('article');
}

/** A contact channel whose every field is the payload. */
function channelsOf(payload: string): ContactChannel[] {
  return [
    { kind: 'office-hours', title: payload, url: payload, text: payload },
    { kind: 'chat', title: '#ci-build', url: payload },
  ];
}

/**
 * A component, rendered with a payload in every field it shows; resolves
 * once its content is on the page (not a spinner, not an error).
 */
interface Target {
  name: string;
  render(payload: string): Promise<void>;
}

const TARGETS: Target[] = [
  {
    name: 'DeprecationItem (description, migration guide, version)',
    async render(payload) {
      const view = deprecationView(TEAM_REF, {
        description: payload,
        migrationGuideUrl: payload,
        entityVersion: payload,
        // No consumers nor burn-down: they show no text of the payload's.
        consumingTeams: [],
        unownedConsumers: [],
        burnDown: [],
      });
      await renderWithApi(<DeprecationItem view={view} />);
      screen.getByRole('article');
    },
  },
  {
    name: 'DeprecationWarningCard (migration guide, version)',
    async render(payload) {
      const warning = deprecationWarning();
      warning.deprecation = {
        ...warning.deprecation,
        description: payload,
        migrationGuideUrl: payload,
        entityVersion: payload,
      };
      await renderWarningCard(warning);
    },
  },
  {
    name: 'Backlog (title, description, evidence, reason)',
    async render(payload) {
      const [item] = roadmapFixture(TEAM_REF).themes[0].requests;
      item.request = {
        ...item.request,
        title: payload,
        description: payload,
        cost: { ...item.request.cost, evidence: payload },
        statusReason: payload,
      };
      await renderWithApi(<Backlog teamRef={TEAM_REF} />, {
        getBacklog: async () => ({ items: [item], totalItems: 1 }),
      });
      const table = await screen.findByRole('table', { name: 'Backlog' });
      fireEvent.click(
        within(table).getByRole('button', {
          name: /teams impacted: show why/,
        }),
      );
      screen.getByText('What they said');
    },
  },
  {
    name: 'TeamRoadmap (theme and commitment descriptions, reasons)',
    async render(payload) {
      // The deprioritized theme and commitment: they show every text field
      // (with the reason); the others only take time.
      const roadmap = roadmapFixture(TEAM_REF);
      const [, , runners] = roadmap.themes;
      const [, windows] = roadmap.commitments;
      roadmap.themes = [
        {
          ...runners,
          theme: {
            ...runners.theme,
            outcome: payload,
            description: payload,
            statusReason: payload,
          },
        },
      ];
      roadmap.commitments = [
        { ...windows, title: payload, description: payload, reason: payload },
      ];
      await renderWithApi(<TeamRoadmap teamRef={TEAM_REF} />, {
        getRoadmap: async () => roadmap,
      });
      await screen.findByRole('region', { name: 'Cost' });
    },
  },
  {
    name: 'CustomerReviewDocument (commitments, asks, contact links)',
    async render(payload) {
      // Only the parts with text of the team's own (the others take time);
      // what is committed shows as what is deprioritized does, with less.
      const review = reviewFixture(TEAM_REF, '2026-Q4', {
        committed: [],
        shipped: [],
        deprecations: [],
        capacity: undefined,
        consumers: [],
      });
      review.team = { ...review.team, description: payload };
      review.themes = review.themes.map(view => ({
        ...view,
        objectives: [],
        theme: { ...view.theme, outcome: payload },
      }));
      review.contact = channelsOf(payload);
      review.deprioritized = review.deprioritized.map(c => ({
        ...c,
        description: payload,
        reason: payload,
      }));
      review.asks = review.asks.map(a => ({ ...a, text: payload }));
      await renderWithApi(
        <CustomerReviewDocument
          review={review}
          canManage={false}
          onEditAsk={() => {}}
        />,
      );
      screen.getByRole('article', { name: /^Customer review/ });
    },
  },
  {
    name: 'ReleaseNoteArticle (body, title, version)',
    async render(payload) {
      const note = releaseNote(TEAM_REF, {
        title: payload,
        body: payload,
        releaseVersion: payload,
      });
      await renderWithApi(
        <ReleaseNoteArticle
          note={note}
          isNew={false}
          permalink="/catalog/default/group/ci-build/release-notes?note=x"
          showTeam
        />,
      );
      screen.getByRole('article');
    },
  },
  {
    name: 'ContactChannels (links and words)',
    async render(payload) {
      await renderWithApi(
        <ContactChannels
          channels={channelsOf(payload)}
          teamName="CI & Build"
        />,
      );
      screen.getByRole('list', { name: 'How to reach CI & Build' });
    },
  },
  {
    name: 'TeamCards of the org roadmap (contact links)',
    async render(payload) {
      const overview = orgOverview('2026');
      overview.teams = overview.teams.map(t => ({
        ...t,
        contact: channelsOf(payload),
      }));
      await renderWithApi(<TeamCards overview={overview} />);
      screen.getByRole('list', { name: 'Contact CI & Build' });
    },
  },
  {
    name: 'StakeholdersCard (name, contact, notes)',
    async render(payload) {
      await renderWithApi(<StakeholdersCard teamRef={TEAM_REF} />, {
        getStakeholders: async ref =>
          stakeholdersFixture(ref, {
            explicit: [
              stakeholder(ref, {
                name: payload,
                contact: payload,
                notes: payload,
              }),
            ],
          }),
      });
      await screen.findByRole('list', { name: 'Leadership that funds us' });
    },
  },
  {
    name: 'SatisfactionCard (comments)',
    async render(payload) {
      await renderWithApi(<SatisfactionCard teamRef={TEAM_REF} />, {
        getSurvey: async () =>
          surveySummary(TEAM_REF, {
            comments: [
              {
                score: 1,
                comment: payload,
                respondentTeamRef: 'group:default/checkout',
                createdAt: '2026-10-14T09:30:00Z',
              },
            ],
          }),
      });
      await screen.findByText('Comments (1)');
    },
  },
  {
    name: 'PlatformRoadmapSearchResultListItem (highlighted title and text)',
    async render(payload) {
      const result: PlatformRoadmapDocument = {
        kind: 'request',
        id: 'r1',
        title: payload,
        text: payload,
        location: '/catalog/default/group/ci-build/backlog?request=r1',
        teamRef: TEAM_REF,
        status: 'open',
        date: '2026-11-01',
      };
      await renderWithApi(
        <PlatformRoadmapSearchResultListItem
          result={result}
          highlight={{
            preTag: '<em>',
            postTag: '</em>',
            fields: {
              title: `<em>${payload}</em>`,
              text: `Before <em>${payload}</em> after`,
            },
          }}
        />,
      );
      screen.getByRole('link');
    },
  },
];

const globals = window as unknown as Record<string, unknown>;

describe('the inertness check (it can fail)', () => {
  function elementWith(tag: string, attributes: Record<string, string>) {
    const root = document.createElement('div');
    const element =
      tag === 'svg:a'
        ? document.createElementNS('http://www.w3.org/2000/svg', 'a')
        : document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'xlink:href') {
        element.setAttributeNS('http://www.w3.org/1999/xlink', name, value);
      } else {
        element.setAttribute(name, value);
      }
    }
    root.appendChild(element);
    return root;
  }

  it.each<[string, Record<string, string>]>([
    ['script', {}],
    ['iframe', { src: 'https://example.com' }],
    ['object', {}],
    ['embed', {}],
    ['form', {}],
    ['style', {}],
    ['base', { href: 'https://evil.example/' }],
    ['img', { src: 'x', onerror: 'alert(1)' }],
    ['a', { href: 'javascript:alert(1)' }],
    ['a', { href: ' JaVa\tScRiPt:alert(1)' }],
    ['a', { href: '\u0001javascript:alert(1)' }],
    ['a', { href: '&#106;avascript&colon;alert(1)' }],
    ['a', { href: 'vbscript:msgbox(1)' }],
    ['a', { href: 'data:text/html,<script>alert(1)</script>' }],
    ['img', { src: 'data:image/svg+xml;base64,PHN2Zz4=' }],
    ['svg:a', { 'xlink:href': 'javascript:alert(1)' }],
    ['button', { formaction: 'javascript:alert(1)' }],
    ['div', { style: 'background: url(javascript:alert(1))' }],
  ])('finds <%s> %j', (tag, attributes) => {
    expect(findDangers(elementWith(tag, attributes))).not.toEqual([]);
  });

  it('lets ordinary links and images through', () => {
    const root = elementWith('a', { href: 'https://example.com/a?b=c#d' });
    root.appendChild(elementWith('a', { href: '/catalog/default' }));
    root.appendChild(elementWith('a', { href: 'mailto:team@example.com' }));
    root.appendChild(elementWith('img', { src: 'https://example.com/x.png' }));
    expect(findDangers(root)).toEqual([]);
  });

  it('runs an inline handler that got through, setting the flag', () => {
    const root = elementWith('img', {
      src: 'x',
      onerror: `window.${XSS_FLAG}=1`,
    });
    document.body.appendChild(root);
    try {
      fireLoadEvents(root);
      expect(globals[XSS_FLAG]).toBe(1);
    } finally {
      root.remove();
      delete globals[XSS_FLAG];
    }
  });
});

describe('the XSS corpus renders inert', () => {
  let alert: jest.SpyInstance;

  beforeEach(() => {
    alert = jest.spyOn(window, 'alert').mockImplementation(() => {});
  });

  afterEach(() => {
    alert.mockRestore();
    delete globals[XSS_FLAG];
  });

  describe.each(TARGETS.map(t => [t.name, t] as const))('%s', (_, target) => {
    it.each(XSS_CORPUS.map(p => [p.name, p.payload] as const))(
      '%s',
      async (_name, payload) => {
        await target.render(payload);
        // Images and frames would load or fail in a browser: any inline
        // handler that got through runs now.
        fireLoadEvents(document.body);

        expect(findDangers(document.body)).toEqual([]);
        expect(alert).not.toHaveBeenCalled();
        expect(globals[XSS_FLAG]).toBeUndefined();
      },
    );
  });
});

/**
 * Where a person's URL becomes a link: it does only for http(s) (and, in
 * Markdown, mailto and relative) URLs; anything else shows as text, and
 * the card still renders.
 */
const LINK_SITES: Array<{
  name: string;
  render(url: string): Promise<void>;
  link: RegExp;
}> = [
  {
    name: 'DeprecationItem migration guide',
    async render(url) {
      await renderWithApi(
        <DeprecationItem
          view={deprecationView(TEAM_REF, { migrationGuideUrl: url })}
        />,
      );
      screen.getByRole('article');
    },
    link: /^Migration guide/,
  },
  {
    name: 'DeprecationWarningCard migration guide',
    async render(url) {
      const warning = deprecationWarning();
      warning.deprecation = { ...warning.deprecation, migrationGuideUrl: url };
      await renderWarningCard(warning);
    },
    link: /^Migration guide/,
  },
  {
    name: 'ContactChannels channel',
    async render(url) {
      await renderWithApi(
        <ContactChannels
          channels={[{ kind: 'chat', title: '#ci-build', url }]}
          teamName="CI & Build"
        />,
      );
      screen.getByText('#ci-build');
    },
    link: /^#ci-build/,
  },
  {
    name: 'TeamCards channel',
    async render(url) {
      const overview = orgOverview('2026');
      overview.teams = [
        {
          ...overview.teams[0],
          contact: [{ kind: 'chat', title: '#ci-build', url }],
        },
      ];
      await renderWithApi(<TeamCards overview={overview} />);
      screen.getByText('#ci-build');
    },
    link: /^#ci-build/,
  },
  {
    name: 'Markdown link in a release note body',
    async render(url) {
      const note = releaseNote(TEAM_REF, { body: `Read [the guide](${url}).` });
      await renderWithApi(
        <ReleaseNoteArticle
          note={note}
          isNew={false}
          permalink="/catalog/default/group/ci-build/release-notes?note=x"
          showTeam
        />,
      );
      screen.getByText(/the guide/);
    },
    link: /^the guide/,
  },
];

describe('links people typed', () => {
  describe.each(LINK_SITES.map(s => [s.name, s] as const))('%s', (_, site) => {
    it('links an http(s) URL', async () => {
      await site.render('https://docs.example.com/build-cache/migrate');
      expect(screen.getByRole('link', { name: site.link })).toHaveAttribute(
        'href',
        'https://docs.example.com/build-cache/migrate',
      );
    });

    it.each([
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'irc://irc.example.com/ci-build',
    ])('shows %j as text, without a link', async url => {
      await site.render(url);
      expect(screen.queryByRole('link', { name: site.link })).toBeNull();
    });
  });
});
