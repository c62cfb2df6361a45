import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  Deprecation,
  PlatformRequest,
  RequestStatus,
} from '@platform-roadmap/plugin-platform-roadmap-common';
import { entityPath } from '../catalog/entityPath';

/** Days before a sunset when consumers are reminded. */
export const REMINDER_DAYS = [30, 7] as const;

const TOPIC = 'Platform Roadmap';

/** The distinct teams asking for a request: the filer's and endorsers'. */
export function askingTeams(request: PlatformRequest): string[] {
  return [
    ...new Set(
      [request.requestingTeamRef, ...request.endorsements.map(e => e.teamRef)]
        .filter((ref): ref is string => !!ref)
        .map(ref => ref.toLocaleLowerCase('en-US')),
    ),
  ];
}

const STATUS_WORDS: Record<RequestStatus, string> = {
  open: 'is open again',
  triaged: 'was triaged',
  planned: 'is planned',
  deprioritized: 'was deprioritized',
  declined: 'was declined',
  shipped: 'shipped',
};

/**
 * Tells people what changed, through Backstage's notifications service:
 * recipients are entity refs (a Group notifies its members, another entity
 * its owners), every link is an entity page, and the person who made the
 * change is not notified of it. A failing notification is logged and never
 * fails the change that caused it.
 */
export class Notifier {
  constructor(
    private readonly deps: {
      notifications?: NotificationService;
      logger: LoggerService;
    },
  ) {}

  private async send(options: NotificationSendOptions) {
    if (!this.deps.notifications) return;
    try {
      await this.deps.notifications.send(options);
    } catch (error) {
      this.deps.logger.warn(
        `Could not send the notification "${options.payload.title}": ${error}`,
      );
    }
  }

  /** A new request: the platform team hears of it. */
  async requestFiled(request: PlatformRequest, by: string) {
    await this.send({
      recipients: {
        type: 'entity',
        entityRef: request.platformTeamRef,
        excludeEntityRef: by,
      },
      payload: {
        title: `New request: ${request.title}`,
        description: `Filed from ${request.requestingEntityRef}: ${request.cost.hoursPerEngineerPerWeek} h a week for ${request.cost.engineersAffected} engineers.`,
        link: entityPath(request.platformTeamRef, 'roadmap'),
        topic: TOPIC,
        scope: `request:${request.id}:filed`,
      },
    });
  }

  /** A status change: the requesting team (and entity owners) hear of it. */
  async requestStatusChanged(request: PlatformRequest, by: string) {
    await this.send({
      recipients: {
        type: 'entity',
        entityRef: request.requestingTeamRef ?? request.requestingEntityRef,
        excludeEntityRef: by,
      },
      payload: {
        title: `Your request ${STATUS_WORDS[request.status]}: ${request.title}`,
        description: request.statusReason
          ? `Why: ${request.statusReason}`
          : undefined,
        link: entityPath(request.requestingEntityRef),
        severity: request.status === 'shipped' ? 'normal' : 'low',
        topic: TOPIC,
        scope: `request:${request.id}:status:${request.version}`,
      },
    });
  }

  /** Three or more teams ask for the same thing: tell the platform team. */
  async strongSignal(request: PlatformRequest, teams: number) {
    await this.send({
      recipients: { type: 'entity', entityRef: request.platformTeamRef },
      payload: {
        title: `Strong signal: ${teams} teams ask for "${request.title}"`,
        description:
          'Three or more independent teams asking for the same thing is a strong signal. It is ranked in your backlog.',
        link: entityPath(request.platformTeamRef, 'roadmap'),
        severity: 'high',
        topic: TOPIC,
        scope: `request:${request.id}:strong-signal`,
      },
    });
  }

  /** A deprecation is announced, or its sunset nears: its consumers' owners. */
  async deprecation(
    deprecation: Deprecation,
    consumerEntityRefs: string[],
    reminder?: { days: number; daysLeft: number },
  ) {
    const daysLeft = reminder?.daysLeft;
    if (consumerEntityRefs.length === 0) return;
    const what = `${parseEntityRef(deprecation.entityRef).name}${
      deprecation.entityVersion ? ` ${deprecation.entityVersion}` : ''
    }`;
    const guide = deprecation.migrationGuideUrl
      ? ` Migration guide: ${deprecation.migrationGuideUrl}`
      : '';
    await this.send({
      recipients: {
        type: 'entity',
        entityRef: consumerEntityRefs,
        excludeEntityRef: deprecation.teamRef,
      },
      payload: {
        title:
          daysLeft === undefined
            ? `${what} is deprecated: sunset on ${deprecation.sunsetOn}`
            : `${daysLeft} days left to move off ${what} (sunset ${deprecation.sunsetOn})`,
        description: `Something you own depends on ${deprecation.entityRef}.${guide}`,
        link: entityPath(deprecation.entityRef),
        severity: daysLeft !== undefined && daysLeft <= 7 ? 'high' : 'normal',
        topic: TOPIC,
        scope: `deprecation:${deprecation.id}:${
          reminder ? `${reminder.days}-days` : 'announced'
        }`,
      },
    });
  }
}
