/** What each score means, from 1 to 5. */
export const SCORE_LABELS: Record<number, string> = {
  1: 'Very dissatisfied',
  2: 'Dissatisfied',
  3: 'Neutral',
  4: 'Satisfied',
  5: 'Very satisfied',
};

export const SCORES = [1, 2, 3, 4, 5] as const;

/** "4.2 / 5" */
export function averageLabel(average: number): string {
  return `${average.toFixed(1)} / 5`;
}

/** "1 rating", "12 ratings" */
export function ratingsLabel(count: number): string {
  return `${count} ${count === 1 ? 'rating' : 'ratings'}`;
}
