import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The org-wide Platform Roadmap page (legacy frontend system).
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'platform-roadmap' });
