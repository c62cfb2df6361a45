import {
  ImpactReason,
  ImpactType,
  RequestKind,
  RequestStatus,
  Severity,
} from '@platform-roadmap/plugin-platform-roadmap-common';

export const KIND_LABELS: Record<RequestKind, string> = {
  slowdown: 'Something is slow',
  'missing-capability': 'A capability is missing',
  'would-build-ourselves': 'We would build it ourselves',
  bug: 'A bug',
  other: 'Something else',
};

export const IMPACT_LABELS: Record<ImpactType, string> = {
  'velocity-tax': 'Velocity tax',
  'reliability-risk': 'Reliability risk',
  'compliance-gap': 'Compliance gap',
  cost: 'Cost',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const STATUS_LABELS: Record<RequestStatus, string> = {
  open: 'Open',
  triaged: 'Triaged',
  planned: 'Planned',
  deprioritized: 'Deprioritized',
  declined: 'Declined',
  shipped: 'Shipped',
};

/** A reason a team is impacted, in words. */
export function describeReason(reason: ImpactReason): string {
  switch (reason.type) {
    case 'requested':
      return `filed it from ${reason.entityRef}`;
    case 'endorsed':
      return `endorsed it from ${reason.entityRef}`;
    default:
      return `${reason.entityRef} ${
        reason.relation === 'consumesApi' ? 'consumes' : 'depends on'
      } ${reason.targetRef}${
        reason.depth > 1
          ? ` (${reason.depth} hops from ${reason.platformEntityRef})`
          : ''
      }`;
  }
}
