import { Config } from '@backstage/config';
import {
  PlatformRequest,
  ScoreBreakdown,
  ScorePart,
  Severity,
  TriageEstimate,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** Weights of the rubric's factors (app-config `platformRoadmap.scoring.weights`). */
export interface ScoreWeights {
  teamsImpacted: number;
  severity: number;
  costToShip: number;
  strategicFit: number;
  reversibility: number;
}

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = {
  teamsImpacted: 10,
  severity: 8,
  costToShip: 6,
  strategicFit: 4,
  reversibility: 2,
};

/** What an untriaged request is assumed to be until the platform team says. */
export const ASSUMED_TRIAGE: TriageEstimate = {
  costToShip: 1,
  strategicFit: 3,
  reversibility: 3,
};

const SEVERITY_LEVEL: Record<Severity, number> = {
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

export function readScoreWeights(config: Config): ScoreWeights {
  const weights = config.getOptionalConfig('platformRoadmap.scoring.weights');
  const read = (factor: keyof ScoreWeights) => {
    const value =
      weights?.getOptionalNumber(factor) ?? DEFAULT_SCORE_WEIGHTS[factor];
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(
        `platformRoadmap.scoring.weights.${factor} must be a number of 0 or more, got ${value}`,
      );
    }
    return value;
  };
  return {
    teamsImpacted: read('teamsImpacted'),
    severity: read('severity'),
    costToShip: read('costToShip'),
    strategicFit: read('strategicFit'),
    reversibility: read('reversibility'),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The rubric: more teams impacted, higher severity, better strategic fit and
 * easier partial shipping raise the score; a higher cost to ship lowers it.
 * Teams and cost count logarithmically (the 10th team matters less than the
 * 2nd; 8 engineer-quarters is not 8 times worse than 1).
 */
export function scoreRequest(
  request: Pick<PlatformRequest, 'severity' | 'triage'>,
  teamsImpacted: number,
  weights: ScoreWeights,
): ScoreBreakdown {
  const triage = request.triage ?? ASSUMED_TRIAGE;
  const assumed = request.triage ? undefined : true;
  const severity = SEVERITY_LEVEL[request.severity];
  const parts: ScorePart[] = [
    {
      factor: 'teamsImpacted',
      value: teamsImpacted,
      weight: weights.teamsImpacted,
      points: round(weights.teamsImpacted * Math.log2(1 + teamsImpacted)),
      explanation: `${weights.teamsImpacted} × log2(1 + ${teamsImpacted} teams)`,
    },
    {
      factor: 'severity',
      value: severity,
      weight: weights.severity,
      points: round(weights.severity * severity),
      explanation: `${weights.severity} × ${severity} (${request.severity})`,
    },
    {
      factor: 'costToShip',
      value: triage.costToShip,
      weight: weights.costToShip,
      points: round(-weights.costToShip * Math.log2(1 + triage.costToShip)),
      explanation: `−${weights.costToShip} × log2(1 + ${triage.costToShip} engineer-quarters)`,
      ...(assumed && { assumed }),
    },
    {
      factor: 'strategicFit',
      value: triage.strategicFit,
      weight: weights.strategicFit,
      points: round(weights.strategicFit * triage.strategicFit),
      explanation: `${weights.strategicFit} × fit ${triage.strategicFit} of 5`,
      ...(assumed && { assumed }),
    },
    {
      factor: 'reversibility',
      value: triage.reversibility,
      weight: weights.reversibility,
      points: round(weights.reversibility * triage.reversibility),
      explanation: `${weights.reversibility} × reversibility ${triage.reversibility} of 5`,
      ...(assumed && { assumed }),
    },
  ];
  return {
    total: round(parts.reduce((sum, p) => sum + p.points, 0)),
    parts,
  };
}
