export interface Config {
  /**
   * Configuration of the Platform Roadmap plugins. Platform teams are the
   * catalog Groups annotated `platform-roadmap/platform-team: "true"`.
   */
  platformRoadmap?: {};
}
