import { RankedRequest } from '@platform-roadmap/plugin-platform-roadmap-common';

/** Words too common to say two titles are about the same thing. */
const COMMON_WORDS = new Set([
  'about',
  'after',
  'also',
  'because',
  'been',
  'before',
  'being',
  'cannot',
  'could',
  'does',
  'doesnt',
  'dont',
  'each',
  'even',
  'every',
  'from',
  'have',
  'here',
  'into',
  'just',
  'like',
  'make',
  'many',
  'more',
  'most',
  'much',
  'need',
  'needs',
  'only',
  'other',
  'over',
  'please',
  'should',
  'some',
  'such',
  'than',
  'that',
  'their',
  'them',
  'then',
  'there',
  'these',
  'they',
  'this',
  'those',
  'very',
  'want',
  'were',
  'what',
  'when',
  'where',
  'which',
  'while',
  'will',
  'with',
  'without',
  'would',
  'your',
]);

/**
 * The distinctive words of a title: lower-cased, at least 4 letters, common
 * words left out.
 */
export function significantWords(title: string): Set<string> {
  return new Set(
    title
      .toLocaleLowerCase()
      .replace(/['’]/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(word => word.length >= 4 && !COMMON_WORDS.has(word)),
  );
}

/**
 * Up to `max` requests whose titles share a distinctive word with `title`,
 * most shared words first, then in backlog order. Merged requests are left
 * out: they cannot be endorsed usefully.
 */
export function findSimilarRequests(
  title: string,
  candidates: RankedRequest[],
  max = 3,
): RankedRequest[] {
  const words = significantWords(title);
  if (words.size === 0) return [];
  return candidates
    .filter(candidate => !candidate.request.mergedIntoId)
    .map((candidate, index) => {
      let shared = 0;
      for (const word of significantWords(candidate.request.title)) {
        if (words.has(word)) shared += 1;
      }
      return { candidate, shared, index };
    })
    .filter(match => match.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.index - b.index)
    .slice(0, max)
    .map(match => match.candidate);
}
