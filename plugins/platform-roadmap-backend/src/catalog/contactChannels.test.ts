import { Entity } from '@backstage/catalog-model';
import { contactChannels } from './contactChannels';

const group = (metadata: Partial<Entity['metadata']>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'ci-build', ...metadata },
  spec: { type: 'team', children: [] },
});

describe('contactChannels', () => {
  it('reads typed links and platform-roadmap annotations, office hours first', () => {
    expect(
      contactChannels(
        group({
          links: [
            {
              url: 'https://chat.acme.example/ci-build',
              title: '#ci-build',
              type: 'chat',
            },
            {
              url: 'https://wiki.acme.example/ci',
              title: 'Wiki',
              type: 'docs',
            },
            // A script URL is never offered as a way to reach a team.
            // eslint-disable-next-line no-script-url
            { url: 'javascript:alert(1)', type: 'newsletter' },
          ],
          annotations: {
            'platform-roadmap/office-hours': 'Tuesdays 14:00 CET',
            'platform-roadmap/newsletter': 'https://news.acme.example/ci',
          },
        }),
      ),
    ).toEqual([
      {
        kind: 'office-hours',
        title: 'Office hours',
        text: 'Tuesdays 14:00 CET',
      },
      {
        kind: 'chat',
        title: '#ci-build',
        url: 'https://chat.acme.example/ci-build',
      },
      {
        kind: 'newsletter',
        title: 'Newsletter',
        url: 'https://news.acme.example/ci',
      },
    ]);
  });

  it('invents nothing for a team that wrote nothing down', () => {
    expect(contactChannels(group({}))).toEqual([]);
  });
});
