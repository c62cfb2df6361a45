import {
  ContactChannel,
  PlatformTeam,
} from '@platform-roadmap/plugin-platform-roadmap-common';

/** Test data: how to reach the CI & Build team. */

export const OFFICE_HOURS_URL =
  'https://meet.example.com/ci-build-office-hours';
export const CHAT_URL = 'https://chat.example.com/channels/ci-build';

/** Office hours with a link and a time, a chat link, a newsletter in words. */
export function channels(): ContactChannel[] {
  return [
    {
      kind: 'office-hours',
      title: 'Weekly drop-in',
      url: OFFICE_HOURS_URL,
      text: 'Tuesdays 14:00',
    },
    { kind: 'chat', title: '#ci-build', url: CHAT_URL },
    {
      kind: 'newsletter',
      title: 'Build notes',
      text: 'First Monday of the quarter, by email',
    },
  ];
}

/** The team as `getTeam` answers, with the given channels. */
export function platformTeam(
  teamRef: string,
  contact: ContactChannel[] | undefined,
): PlatformTeam {
  const name = teamRef.split('/')[1];
  return {
    team: {
      entityRef: teamRef,
      kind: 'Group',
      name,
      namespace: 'default',
      title: 'CI & Build',
    },
    contact,
    platformEntities: [],
    consumingTeams: [],
    unownedConsumerCount: 0,
  };
}
