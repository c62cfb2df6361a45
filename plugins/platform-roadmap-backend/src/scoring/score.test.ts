import { ConfigReader } from '@backstage/config';
import { DEFAULT_SCORE_WEIGHTS, readScoreWeights, scoreRequest } from './score';

describe('scoreRequest', () => {
  it('adds up the rubric with its breakdown', () => {
    const score = scoreRequest(
      {
        severity: 'high',
        triage: { costToShip: 3, strategicFit: 4, reversibility: 5 },
      },
      7,
      DEFAULT_SCORE_WEIGHTS,
    );
    // 10·log2(8)=30, 8·3=24, −6·log2(4)=−12, 4·4=16, 2·5=10
    expect(score.parts.map(p => [p.factor, p.points])).toEqual([
      ['teamsImpacted', 30],
      ['severity', 24],
      ['costToShip', -12],
      ['strategicFit', 16],
      ['reversibility', 10],
    ]);
    expect(score.total).toBe(68);
    expect(score.parts.some(p => p.assumed)).toBe(false);
  });

  it('marks the triage factors as assumed before triage', () => {
    const score = scoreRequest({ severity: 'low' }, 1, DEFAULT_SCORE_WEIGHTS);
    expect(score.parts.filter(p => p.assumed).map(p => p.factor)).toEqual([
      'costToShip',
      'strategicFit',
      'reversibility',
    ]);
    // 10·1 + 8·1 − 6·1 + 4·3 + 2·3
    expect(score.total).toBe(30);
  });

  it('ranks more teams, higher severity and lower cost higher', () => {
    const base = {
      severity: 'medium' as const,
      triage: { costToShip: 1, strategicFit: 3, reversibility: 3 },
    };
    const s = (r: typeof base, teams: number) =>
      scoreRequest(r, teams, DEFAULT_SCORE_WEIGHTS).total;
    expect(s(base, 5)).toBeGreaterThan(s(base, 2));
    expect(s({ ...base, severity: 'critical' as any }, 2)).toBeGreaterThan(
      s(base, 2),
    );
    expect(
      s({ ...base, triage: { ...base.triage, costToShip: 8 } }, 2),
    ).toBeLessThan(s(base, 2));
  });
});

describe('readScoreWeights', () => {
  it('uses the defaults and overrides from config', () => {
    expect(readScoreWeights(new ConfigReader({}))).toEqual(
      DEFAULT_SCORE_WEIGHTS,
    );
    expect(
      readScoreWeights(
        new ConfigReader({
          platformRoadmap: { scoring: { weights: { severity: 20 } } },
        }),
      ),
    ).toEqual({ ...DEFAULT_SCORE_WEIGHTS, severity: 20 });
  });

  it('rejects a negative weight naming the key', () => {
    expect(() =>
      readScoreWeights(
        new ConfigReader({
          platformRoadmap: { scoring: { weights: { reversibility: -1 } } },
        }),
      ),
    ).toThrow('platformRoadmap.scoring.weights.reversibility');
  });
});
