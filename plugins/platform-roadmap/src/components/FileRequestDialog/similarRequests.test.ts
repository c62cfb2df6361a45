import { RankedRequest } from '@platform-roadmap/plugin-platform-roadmap-common';
import { findSimilarRequests, significantWords } from './similarRequests';

function ranked(id: string, title: string, mergedIntoId?: string) {
  return {
    rank: 1,
    request: { id, title, mergedIntoId },
  } as RankedRequest;
}

describe('significantWords', () => {
  it('keeps lower-cased words of 4+ letters that are not common words', () => {
    expect([
      ...significantWords("The CI's build-cache is SLOW with Node"),
    ]).toEqual(['build', 'cache', 'slow', 'node']);
  });
});

describe('findSimilarRequests', () => {
  const candidates = [
    ranked('a', 'Deploys are flaky'),
    ranked('b', 'Flaky deploys on Fridays'),
    ranked('c', 'Deploys need approval'),
    ranked('d', 'Friday deploys freeze'),
    ranked('e', 'Unrelated thing entirely'),
  ];

  it('ranks by shared words, then backlog order, and keeps three', () => {
    expect(
      findSimilarRequests('Flaky deploys on Fridays', candidates).map(
        c => c.request.id,
      ),
    ).toEqual(['b', 'a', 'c']);
  });

  it('ignores short and common words, and case', () => {
    expect(
      findSimilarRequests('THIS should have WORKED', [
        ranked('x', 'this should have been better'),
        ranked('y', 'Worked yesterday'),
      ]).map(c => c.request.id),
    ).toEqual(['y']);
    expect(findSimilarRequests('Make it so', candidates)).toEqual([]);
  });

  it('leaves out merged requests', () => {
    expect(
      findSimilarRequests('Cache misses', [
        ranked('m', 'Cache misses', 'other'),
        ranked('n', 'Cache is cold'),
      ]).map(c => c.request.id),
    ).toEqual(['n']);
  });
});
