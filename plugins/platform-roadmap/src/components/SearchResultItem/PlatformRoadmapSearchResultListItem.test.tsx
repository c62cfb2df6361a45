import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { PlatformRoadmapDocument } from '@platform-roadmap/plugin-platform-roadmap-common';
import { PlatformRoadmapSearchResultListItem } from './PlatformRoadmapSearchResultListItem';

function doc(
  overrides: Partial<PlatformRoadmapDocument>,
): PlatformRoadmapDocument {
  return {
    kind: 'theme',
    id: 't1',
    title: 'Faster builds',
    text: 'Cut the p95 build time in half.',
    location:
      '/catalog/default/group/ci-build/roadmap?quarter=2026-Q4&theme=t1',
    teamRef: 'group:default/ci-build',
    status: 'committed',
    date: '2026-Q4',
    ...overrides,
  };
}

/** The texts of the chips under the result, in order. */
function chips() {
  return within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .map(item => item.textContent);
}

describe('PlatformRoadmapSearchResultListItem', () => {
  it('renders a theme with its team title, category and period', async () => {
    // The team's title comes from the catalog, as the reader may see it.
    const entityPresentationApi = {
      forEntity: (ref: string) => {
        const snapshot = {
          entityRef: ref,
          primaryTitle: ref === 'group:default/ci-build' ? 'CI & Build' : ref,
        };
        return { snapshot, promise: Promise.resolve(snapshot) };
      },
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[[entityPresentationApiRef, entityPresentationApi]]}
      >
        <PlatformRoadmapSearchResultListItem
          result={doc({ category: 'velocity' })}
        />
      </TestApiProvider>,
    );

    expect(screen.getByRole('link', { name: 'Faster builds' })).toHaveAttribute(
      'href',
      '/catalog/default/group/ci-build/roadmap?quarter=2026-Q4&theme=t1',
    );
    expect(
      screen.getByText('Cut the p95 build time in half.'),
    ).toBeInTheDocument();
    expect(chips()).toEqual([
      'Theme',
      'Status: Committed',
      'Velocity',
      'Team: CI & Build',
      '2026-Q4',
    ]);
    expect(screen.getByTestId('theme-icon')).toBeInTheDocument();
  });

  it('renders a request with the day it was filed', async () => {
    await renderInTestApp(
      <PlatformRoadmapSearchResultListItem
        result={doc({
          kind: 'request',
          title: 'Cache Gradle dependencies',
          text: 'Every build downloads the world.',
          location: '/catalog/default/component/build-runner?request=r1',
          status: 'triaged',
          category: 'slowdown',
          entityRef: 'component:default/build-runner',
          date: '2026-10-01',
        })}
      />,
    );

    expect(
      screen.getByRole('link', { name: 'Cache Gradle dependencies' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/build-runner?request=r1',
    );
    expect(chips()).toEqual([
      'Request',
      'Status: Triaged',
      'Something is slow',
      'Team: ci-build',
      'Filed 2026-10-01',
    ]);
    expect(screen.getByTestId('request-icon')).toBeInTheDocument();
  });

  it('renders a deprecation with its sunset', async () => {
    await renderInTestApp(
      <PlatformRoadmapSearchResultListItem
        result={doc({
          kind: 'deprecation',
          title: 'Legacy SDK v1',
          text: 'Move to the v2 SDK.',
          location: '/catalog/default/component/legacy-sdk?deprecation=d1',
          teamRef: 'group:default/security',
          status: 'migrating',
          date: '2026-12-05',
        })}
      />,
    );

    expect(screen.getByRole('link', { name: 'Legacy SDK v1' })).toHaveAttribute(
      'href',
      '/catalog/default/component/legacy-sdk?deprecation=d1',
    );
    expect(chips()).toEqual([
      'Deprecation',
      'Status: Migrating',
      'Team: security',
      'Sunset 2026-12-05',
    ]);
    expect(screen.getByTestId('deprecation-icon')).toBeInTheDocument();
  });

  it('renders a release note with its type and release day', async () => {
    await renderInTestApp(
      <PlatformRoadmapSearchResultListItem
        result={doc({
          kind: 'release-note',
          title: 'Remote build cache',
          text: 'Builds now share a cache.',
          location: '/catalog/default/group/ci-build/release-notes?note=n1',
          status: 'breaking',
          date: '2026-11-20',
        })}
      />,
    );

    expect(
      screen.getByRole('link', { name: 'Remote build cache' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/ci-build/release-notes?note=n1',
    );
    expect(chips()).toEqual([
      'Release note',
      'Type: Breaking change',
      'Team: ci-build',
      'Released 2026-11-20',
    ]);
    expect(screen.getByTestId('release-note-icon')).toBeInTheDocument();
  });

  it('shows the highlighted title and text when the engine highlights them', async () => {
    await renderInTestApp(
      <PlatformRoadmapSearchResultListItem
        result={doc({})}
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: {
            title: 'Faster <em>builds</em>',
            text: 'Cut the p95 <em>build</em> time in half.',
          },
        }}
      />,
    );

    const link = screen.getByRole('link', { name: 'Faster builds' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/group/ci-build/roadmap?quarter=2026-Q4&theme=t1',
    );
    expect(within(link).getByText('builds').tagName).toBe('MARK');
    expect(screen.getByText('build').tagName).toBe('MARK');
    expect(screen.queryByText(/<em>/)).not.toBeInTheDocument();
  });

  it('uses the icon it is given, and shows unknown values as they are', async () => {
    await renderInTestApp(
      <PlatformRoadmapSearchResultListItem
        icon={<span data-testid="custom-icon" />}
        result={doc({
          status: 'brand-new',
          kind: 'milestone' as PlatformRoadmapDocument['kind'],
          teamRef: 'Platform Team',
          date: '2027-01-01',
        })}
      />,
    );

    expect(screen.getByTestId('custom-icon')).toBeInTheDocument();
    expect(screen.queryByTestId('theme-icon')).not.toBeInTheDocument();
    expect(chips()).toEqual([
      'milestone',
      'Status: brand-new',
      'Team: Platform Team',
      '2027-01-01',
    ]);
  });

  it('renders nothing without a result', async () => {
    const { container } = await renderInTestApp(
      <PlatformRoadmapSearchResultListItem />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
