import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { platformRoadmapApiRef } from '../../api';
import { mockPlatformRoadmapApi } from '../../__testUtils__/mockApi';
import { ContactCard, ContactChannels } from './ContactChannels';
import { channels, CHAT_URL, OFFICE_HOURS_URL, platformTeam } from './testData';

/** The text of each item of a list. */
function items(list: HTMLElement) {
  return within(list)
    .getAllByRole('listitem')
    .map(li => li.textContent);
}

describe('ContactChannels', () => {
  it('lists each way to reach the team, linking those with a URL', async () => {
    await renderInTestApp(
      <ContactChannels channels={channels()} teamName="CI & Build" />,
    );

    expect(
      screen.getByRole('heading', {
        name: 'How to reach CI & Build',
        level: 3,
      }),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'How to reach CI & Build' });
    expect(items(list)).toEqual([
      // External links say they open in a new window.
      'Office hours: Weekly drop-in, Opens in a new window — Tuesdays 14:00',
      'Chat: #ci-build, Opens in a new window',
      'Newsletter: Build notes — First Monday of the quarter, by email',
    ]);
    expect(
      within(list).getByRole('link', { name: /^Weekly drop-in/ }),
    ).toHaveAttribute('href', OFFICE_HOURS_URL);
    expect(
      within(list).getByRole('link', { name: /^#ci-build/ }),
    ).toHaveAttribute('href', CHAT_URL);
    // Words only: no link.
    expect(within(list).getAllByRole('link')).toHaveLength(2);
  });

  it('names "the team" without a name, at the heading level asked for', async () => {
    await renderInTestApp(
      <ContactChannels channels={channels().slice(1, 2)} headingLevel={4} />,
    );
    expect(
      screen.getByRole('heading', { name: 'How to reach the team', level: 4 }),
    ).toBeInTheDocument();
  });

  it('renders nothing without channels', async () => {
    const { container } = await renderInTestApp(
      <ContactChannels channels={[]} teamName="CI & Build" />,
    );
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByText(/How to reach/)).toBeNull();
  });
});

describe('ContactCard', () => {
  it("loads the team's channels", async () => {
    const teamRef = 'group:default/ci-build';
    const api = mockPlatformRoadmapApi({
      getTeam: async ref => platformTeam(ref, channels()),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
        <ContactCard teamRef={teamRef} />
      </TestApiProvider>,
    );

    const list = await screen.findByRole('list', {
      name: 'How to reach CI & Build',
    });
    expect(items(list)).toHaveLength(3);
    expect(screen.getByText('How to reach us')).toBeInTheDocument();
    expect(api.getTeam).toHaveBeenCalledWith(teamRef);
    expect(screen.queryByText(/Add links of type/)).toBeNull();
  });

  it('explains the convention when the team has no channels', async () => {
    const api = mockPlatformRoadmapApi({
      getTeam: async ref => platformTeam(ref, undefined),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
        <ContactCard teamRef="group:default/quiet" />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(
        /Add links of type office-hours, chat or newsletter to the team's Group entity/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows the error when the team cannot be loaded', async () => {
    const api = mockPlatformRoadmapApi({
      getTeam: async () => {
        throw new Error('team exploded');
      },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[platformRoadmapApiRef, api]]}>
        <ContactCard teamRef="group:default/broken" />
      </TestApiProvider>,
    );
    expect(
      (await screen.findAllByText(/team exploded/)).length,
    ).toBeGreaterThan(0);
  });
});
