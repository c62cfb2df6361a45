import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The Platform Roadmap collator (themes, requests, deprecations, release notes). */
      platformRoadmap?: {
        /**
         * How often the index is rebuilt. Default: every 10 minutes, with a
         * 15-minute timeout and a 10-second initial delay.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Documents fetched per request from the backend; 500 by default, at most 1000. */
        pageSize?: number;
      };
    };
  };
}
