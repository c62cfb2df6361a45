import { Entity } from '@backstage/catalog-model';
import { isPlatformTeamEntity } from './entities';

const group = (
  annotations?: Record<string, string>,
  kind = 'Group',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'ci-build', ...(annotations ? { annotations } : {}) },
  spec: { type: 'team', children: [] },
});

describe('isPlatformTeamEntity', () => {
  it('is true for a Group annotated platform-roadmap/platform-team: "true"', () => {
    expect(
      isPlatformTeamEntity(group({ 'platform-roadmap/platform-team': 'true' })),
    ).toBe(true);
  });

  it('is false without the annotation, or with another value', () => {
    expect(isPlatformTeamEntity(group())).toBe(false);
    expect(
      isPlatformTeamEntity(
        group({ 'platform-roadmap/platform-team': 'false' }),
      ),
    ).toBe(false);
  });

  it('is false for other kinds carrying the annotation', () => {
    expect(
      isPlatformTeamEntity(
        group({ 'platform-roadmap/platform-team': 'true' }, 'Component'),
      ),
    ).toBe(false);
  });
});
