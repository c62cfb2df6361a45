/*
 * The Platform Roadmap portal's backend: the Backstage core plugins the
 * roadmap needs, guest sign-in for local use, a real permission policy, and
 * the Platform Roadmap backend plugin.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in. Guest is for local use; see README "Configuration" for real providers.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Software catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Permissions, with the portal's policy (not allow-all)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./modules/permissionPolicy'));

// Search: Postgres engine when the database is PostgreSQL, in-memory otherwise
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(
  import('@platform-roadmap/plugin-search-backend-module-platform-roadmap'),
);

// User settings, notifications and signals
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Platform Roadmap
backend.add(import('@platform-roadmap/plugin-platform-roadmap-backend'));

backend.start();
