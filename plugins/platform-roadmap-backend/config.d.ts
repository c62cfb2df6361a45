import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /**
   * Configuration of the Platform Roadmap plugins. Platform teams are the
   * catalog Groups annotated `platform-roadmap/platform-team: "true"`.
   */
  platformRoadmap?: {
    /** The task that records each platform team's consuming teams daily. */
    consumerSnapshots?: {
      /**
       * When it runs (default: every hour, first 30 seconds after start; the
       * last run of each UTC day is that day's snapshot).
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
