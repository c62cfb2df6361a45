import { PlatformRoadmapApi } from '../api';

/** A PlatformRoadmapApi whose methods are jest mocks, some implemented. */
export function mockPlatformRoadmapApi(
  implementation: Partial<PlatformRoadmapApi> = {},
): jest.Mocked<PlatformRoadmapApi> {
  const unimplemented = (name: string) =>
    jest.fn(() => Promise.reject(new Error(`${name} is not mocked`)));
  return {
    listTeams: jest.fn(implementation.listTeams ?? unimplemented('listTeams')),
    getTeam: jest.fn(implementation.getTeam ?? unimplemented('getTeam')),
    getBacklog: jest.fn(
      implementation.getBacklog ?? unimplemented('getBacklog'),
    ),
    getEntityRequests: jest.fn(
      implementation.getEntityRequests ?? unimplemented('getEntityRequests'),
    ),
    getRequest: jest.fn(
      implementation.getRequest ?? unimplemented('getRequest'),
    ),
    fileRequest: jest.fn(
      implementation.fileRequest ?? unimplemented('fileRequest'),
    ),
    endorse: jest.fn(implementation.endorse ?? unimplemented('endorse')),
    triage: jest.fn(implementation.triage ?? unimplemented('triage')),
    changeStatus: jest.fn(
      implementation.changeStatus ?? unimplemented('changeStatus'),
    ),
    merge: jest.fn(implementation.merge ?? unimplemented('merge')),
    setRequestTheme: jest.fn(
      implementation.setRequestTheme ?? unimplemented('setRequestTheme'),
    ),
    getRoadmap: jest.fn(
      implementation.getRoadmap ?? unimplemented('getRoadmap'),
    ),
    createTheme: jest.fn(
      implementation.createTheme ?? unimplemented('createTheme'),
    ),
    updateTheme: jest.fn(
      implementation.updateTheme ?? unimplemented('updateTheme'),
    ),
    deleteTheme: jest.fn(
      implementation.deleteTheme ?? unimplemented('deleteTheme'),
    ),
    createObjective: jest.fn(
      implementation.createObjective ?? unimplemented('createObjective'),
    ),
    updateObjective: jest.fn(
      implementation.updateObjective ?? unimplemented('updateObjective'),
    ),
    deleteObjective: jest.fn(
      implementation.deleteObjective ?? unimplemented('deleteObjective'),
    ),
    createKeyResult: jest.fn(
      implementation.createKeyResult ?? unimplemented('createKeyResult'),
    ),
    updateKeyResult: jest.fn(
      implementation.updateKeyResult ?? unimplemented('updateKeyResult'),
    ),
    deleteKeyResult: jest.fn(
      implementation.deleteKeyResult ?? unimplemented('deleteKeyResult'),
    ),
    checkIn: jest.fn(implementation.checkIn ?? unimplemented('checkIn')),
    createCommitment: jest.fn(
      implementation.createCommitment ?? unimplemented('createCommitment'),
    ),
    updateCommitment: jest.fn(
      implementation.updateCommitment ?? unimplemented('updateCommitment'),
    ),
    deleteCommitment: jest.fn(
      implementation.deleteCommitment ?? unimplemented('deleteCommitment'),
    ),
    getEntityRoadmap: jest.fn(
      implementation.getEntityRoadmap ?? unimplemented('getEntityRoadmap'),
    ),
    getIncomingRoadmap: jest.fn(
      implementation.getIncomingRoadmap ?? unimplemented('getIncomingRoadmap'),
    ),
    getTeamDeprecations: jest.fn(
      implementation.getTeamDeprecations ??
        unimplemented('getTeamDeprecations'),
    ),
    getEntityDeprecations: jest.fn(
      implementation.getEntityDeprecations ??
        unimplemented('getEntityDeprecations'),
    ),
    getDeprecationWarnings: jest.fn(
      implementation.getDeprecationWarnings ??
        unimplemented('getDeprecationWarnings'),
    ),
    announceDeprecation: jest.fn(
      implementation.announceDeprecation ??
        unimplemented('announceDeprecation'),
    ),
    updateDeprecation: jest.fn(
      implementation.updateDeprecation ?? unimplemented('updateDeprecation'),
    ),
    deleteDeprecation: jest.fn(
      implementation.deleteDeprecation ?? unimplemented('deleteDeprecation'),
    ),
    getTeamReleaseNotes: jest.fn(
      implementation.getTeamReleaseNotes ??
        unimplemented('getTeamReleaseNotes'),
    ),
    getEntityReleaseNotes: jest.fn(
      implementation.getEntityReleaseNotes ??
        unimplemented('getEntityReleaseNotes'),
    ),
    getReleaseNote: jest.fn(
      implementation.getReleaseNote ?? unimplemented('getReleaseNote'),
    ),
    createReleaseNote: jest.fn(
      implementation.createReleaseNote ?? unimplemented('createReleaseNote'),
    ),
    updateReleaseNote: jest.fn(
      implementation.updateReleaseNote ?? unimplemented('updateReleaseNote'),
    ),
    deleteReleaseNote: jest.fn(
      implementation.deleteReleaseNote ?? unimplemented('deleteReleaseNote'),
    ),
    getReleaseNotesFeedUrl: jest.fn(
      implementation.getReleaseNotesFeedUrl ??
        unimplemented('getReleaseNotesFeedUrl'),
    ),
    getOverview: jest.fn(
      implementation.getOverview ?? unimplemented('getOverview'),
    ),
    getCustomerReview: jest.fn(
      implementation.getCustomerReview ?? unimplemented('getCustomerReview'),
    ),
    getCustomerReviewMarkdown: jest.fn(
      implementation.getCustomerReviewMarkdown ??
        unimplemented('getCustomerReviewMarkdown'),
    ),
    createReviewAsk: jest.fn(
      implementation.createReviewAsk ?? unimplemented('createReviewAsk'),
    ),
    updateReviewAsk: jest.fn(
      implementation.updateReviewAsk ?? unimplemented('updateReviewAsk'),
    ),
    deleteReviewAsk: jest.fn(
      implementation.deleteReviewAsk ?? unimplemented('deleteReviewAsk'),
    ),
    getCapacity: jest.fn(
      implementation.getCapacity ?? unimplemented('getCapacity'),
    ),
    setCapacity: jest.fn(
      implementation.setCapacity ?? unimplemented('setCapacity'),
    ),
    getStakeholders: jest.fn(
      implementation.getStakeholders ?? unimplemented('getStakeholders'),
    ),
    createStakeholder: jest.fn(
      implementation.createStakeholder ?? unimplemented('createStakeholder'),
    ),
    updateStakeholder: jest.fn(
      implementation.updateStakeholder ?? unimplemented('updateStakeholder'),
    ),
    deleteStakeholder: jest.fn(
      implementation.deleteStakeholder ?? unimplemented('deleteStakeholder'),
    ),
    listMetrics: jest.fn(
      implementation.listMetrics ?? unimplemented('listMetrics'),
    ),
    createMetric: jest.fn(
      implementation.createMetric ?? unimplemented('createMetric'),
    ),
    updateMetric: jest.fn(
      implementation.updateMetric ?? unimplemented('updateMetric'),
    ),
    deleteMetric: jest.fn(
      implementation.deleteMetric ?? unimplemented('deleteMetric'),
    ),
    getMetricPoints: jest.fn(
      implementation.getMetricPoints ?? unimplemented('getMetricPoints'),
    ),
    postMetricPoint: jest.fn(
      implementation.postMetricPoint ?? unimplemented('postMetricPoint'),
    ),
    getSurvey: jest.fn(implementation.getSurvey ?? unimplemented('getSurvey')),
    respondToSurvey: jest.fn(
      implementation.respondToSurvey ?? unimplemented('respondToSurvey'),
    ),
    getImpact: jest.fn(implementation.getImpact ?? unimplemented('getImpact')),
  } as jest.Mocked<PlatformRoadmapApi>;
}
