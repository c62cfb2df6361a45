import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';
import {
  IMPACT_TYPES,
  newRequestSchema,
  REQUEST_KINDS,
  SEVERITIES,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { RequestStore } from '../database/RequestStore';
import { Notifier } from '../notifications/Notifier';
import { RequestsService } from '../requests/RequestsService';
import { RoadmapService } from '../roadmap/RoadmapService';
import { audited } from '../service/audit';
import { parse } from '../service/http';

/** The person an action runs for; people only, as in the HTTP API. */
function personOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
  };
  if (principal.type !== 'user' || !principal.userEntityRef) {
    throw new NotAllowedError('Only a signed-in person can do this');
  }
  return principal.userEntityRef;
}

/**
 * Registers the plugin's actions with Backstage's actions registry, for
 * automation and agents: filing a request, and reading a team's roadmap.
 * They go through the same validation, catalog checks (on behalf of the
 * caller), audit and notifications as the HTTP API.
 */
export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  requestStore: RequestStore;
  requests: RequestsService;
  roadmap: RoadmapService;
  notifier?: Notifier;
  now?: () => Date;
}) {
  const { actionsRegistry, auditor, requestStore, requests, roadmap } = options;
  const now = options.now ?? (() => new Date());

  actionsRegistry.register({
    name: 'file-platform-request',
    title: 'File a request to a platform team',
    description:
      'Files a quantified request from a catalog entity (the requesting component) to a platform team: what slows the team down or is missing, with the hours lost per engineer per week and the engineers affected. Returns the new request.',
    attributes: { destructive: false, idempotent: false, readOnly: false },
    schema: {
      input: z =>
        z.object({
          title: z.string().describe('One line: what is wrong or missing'),
          description: z.string().optional(),
          kind: z.enum(REQUEST_KINDS),
          impactType: z.enum(IMPACT_TYPES),
          severity: z.enum(SEVERITIES),
          hoursPerEngineerPerWeek: z
            .number()
            .describe('Hours lost per engineer per week'),
          engineersAffected: z.number().describe('Engineers affected'),
          evidence: z
            .string()
            .optional()
            .describe('e.g. "compile takes 12 minutes"'),
          requestingEntityRef: z
            .string()
            .describe(
              'The requesting entity, e.g. component:default/checkout-web',
            ),
          platformTeamRef: z
            .string()
            .describe('The platform team, e.g. group:default/ci-build'),
          aboutEntityRefs: z
            .array(z.string())
            .optional()
            .describe('Platform entities the request is about'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          status: z.string(),
          requestingTeamRef: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const by = personOf(credentials);
      const request = parse(newRequestSchema, {
        title: input.title,
        description: input.description,
        kind: input.kind,
        impactType: input.impactType,
        severity: input.severity,
        cost: {
          hoursPerEngineerPerWeek: input.hoursPerEngineerPerWeek,
          engineersAffected: input.engineersAffected,
          evidence: input.evidence,
        },
        requestingEntityRef: input.requestingEntityRef,
        platformTeamRef: input.platformTeamRef,
        aboutEntityRefs: input.aboutEntityRefs,
      });
      const created = await audited(
        auditor,
        {
          eventId: 'request-file',
          meta: {
            platformTeamRef: request.platformTeamRef,
            requestingEntityRef: request.requestingEntityRef,
            via: 'action',
          },
        },
        async () => {
          const { requestingTeamRef } = await requests.resolveNewRequest(
            request,
            credentials,
          );
          return requestStore.createRequest(
            { ...request, requestingTeamRef },
            { by, at: now() },
          );
        },
        r => ({ requestId: r.id }),
      );
      requests.invalidate();
      await options.notifier?.requestFiled(created, by);
      return {
        output: {
          id: created.id,
          status: created.status,
          ...(created.requestingTeamRef && {
            requestingTeamRef: created.requestingTeamRef,
          }),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-team-roadmap',
    title: "Read a platform team's roadmap",
    description:
      "Returns a platform team's themes for a quarter and its year (with outcome, status and key results with progress), and the quarter's commitments: what is committed, and what is deprioritized and why.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          teamRef: z
            .string()
            .describe('The platform team, e.g. group:default/ci-build'),
          quarter: z
            .string()
            .regex(/^\d{4}-Q[1-4]$/)
            .optional()
            .describe('e.g. 2026-Q4; default: this quarter'),
        }),
      output: z =>
        z.object({
          teamRef: z.string(),
          quarter: z.string(),
          themes: z.array(
            z.object({
              title: z.string(),
              category: z.string(),
              status: z.string(),
              period: z.string(),
              outcome: z.string(),
              keyResults: z.array(
                z.object({
                  title: z.string(),
                  current: z.number(),
                  target: z.number(),
                  unit: z.string(),
                  status: z.string(),
                  progressPercent: z.number(),
                }),
              ),
            }),
          ),
          committed: z.array(z.string()),
          deprioritized: z.array(
            z.object({ title: z.string(), reason: z.string() }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      personOf(credentials);
      const result = await roadmap.teamRoadmap(
        input.teamRef,
        input.quarter,
        credentials,
      );
      return {
        output: {
          teamRef: result.teamRef,
          quarter: result.quarter,
          themes: result.themes.map(({ theme, objectives }) => ({
            title: theme.title,
            category: theme.category,
            status: theme.status,
            period: theme.period,
            outcome: theme.outcome,
            keyResults: objectives.flatMap(o =>
              o.keyResults.map(kr => ({
                title: kr.title,
                current: kr.current,
                target: kr.target,
                unit: kr.unit,
                status: kr.progress.status,
                progressPercent: Math.round(kr.progress.progress * 100),
              })),
            ),
          })),
          committed: result.commitments
            .filter(c => c.kind === 'committed')
            .map(c => c.title),
          deprioritized: result.commitments
            .filter(c => c.kind === 'deprioritized')
            .map(c => ({ title: c.title, reason: c.reason ?? '' })),
        },
      };
    },
  });
}
