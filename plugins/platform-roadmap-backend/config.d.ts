import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /**
   * Configuration of the Platform Roadmap plugins. Platform teams are the
   * catalog Groups annotated `platform-roadmap/platform-team: "true"`.
   */
  platformRoadmap?: {
    /** Teams impacted by a request. */
    teamsImpacted?: {
      /**
       * How many hops of `dependsOn` / `consumesApi` to follow from the
       * platform entities a request is about: 1 (the default) counts direct
       * dependents only.
       */
      dependencyDepth?: number;
    };
    /** How the plugin reads the software catalog. */
    catalog?: {
      /**
       * How long, in seconds, the catalog's answer to one of the plugin's
       * questions is reused for the same caller (default 30; 0 turns it
       * off). Writes to requests, themes or release notes change nothing in
       * the catalog, so a page recomputed after one reads only the plugin's
       * tables; catalog changes show within this time.
       */
      cacheTtlSeconds?: number;
    };
    /** Ranked lists of requests (backlog, entity and org pages). */
    backlog?: {
      /**
       * How long, in seconds, one person's ranking for one page is reused
       * before it is computed again (default 30; 0 turns it off). Any write
       * through this backend instance drops every cached ranking at once;
       * catalog changes and other replicas' writes show within this time.
       */
      cacheTtlSeconds?: number;
    };
    /**
     * Requests one caller (a signed-in person, or a calling service) may
     * make to this plugin per minute, counted on each backend replica;
     * past it the answer is 429 with Retry-After. 0 turns a limit off.
     */
    rateLimit?: {
      /** Every request (default 600: the busiest page makes 9). */
      requestsPerMinute?: number;
      /** Writes, counted within the above too (default 120). */
      writesPerMinute?: number;
    };
    /** The rubric that ranks the backlog. */
    scoring?: {
      /**
       * Weight of each factor (0 or more). Points: teamsImpacted ×
       * log2(1 + teams), severity × level (low 1 … critical 4), −costToShip ×
       * log2(1 + engineer-quarters), strategicFit × fit (1–5),
       * reversibility × reversibility (1–5). Defaults: 10, 8, 6, 4, 2.
       */
      weights?: {
        teamsImpacted?: number;
        severity?: number;
        costToShip?: number;
        strategicFit?: number;
        reversibility?: number;
      };
    };
    /**
     * Demo data: a YAML file of example requests (see
     * examples/requests.yaml), loaded when the database has no request yet.
     * Leave unset in production.
     */
    exampleData?: {
      requests?: string;
      /**
       * A YAML file of example themes, OKRs and commitments (see
       * examples/roadmap.yaml), loaded when the database has no theme yet.
       */
      roadmap?: string;
      /**
       * A YAML file of example release notes and deprecations (see
       * examples/releases.yaml), loaded when the database has neither yet.
       */
      releases?: string;
      /**
       * A YAML file of example capacity budgets, stakeholders, asks,
       * metrics and survey responses (see examples/product.yaml), loaded
       * when the database has none of them yet.
       */
      product?: string;
    };
    /** The task that records each platform team's consuming teams daily. */
    consumerSnapshots?: {
      /**
       * When it runs (default: every hour, first 30 seconds after start; the
       * last run of each UTC day is that day's snapshot).
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /**
     * The task that measures key results bound to the catalog (e.g. the
     * number of teams depending on a platform entity) and records a
     * check-in when the value changes.
     */
    keyResultMeasures?: {
      /** When it runs (default: every 15 minutes, first 20 seconds after start). */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /**
     * The task that records the remaining consumers of every announced or
     * migrating deprecation: one point per UTC day on its burn-down.
     */
    deprecationSnapshots?: {
      /**
       * When it runs (default: every hour, first 45 seconds after start; the
       * last run of each UTC day is that day's point).
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /**
     * The task that reminds the owners of a deprecation's remaining
     * consumers 30 and 7 days before its sunset (each reminder once).
     */
    deprecationReminders?: {
      /** When it runs (default: every hour, first a minute after start). */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /** Release notes. */
    releaseNotes?: {
      /**
       * Serve the Atom feeds (`/api/platform-roadmap/feeds/...`) without a
       * Backstage token, so any feed reader that can reach the backend can
       * follow them. Off by default: feeds then need a user token or a
       * service token (e.g. a static external-access token).
       */
      publicFeeds?: boolean;
    };
  };
}
