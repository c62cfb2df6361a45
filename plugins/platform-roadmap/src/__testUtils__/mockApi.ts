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
  } as jest.Mocked<PlatformRoadmapApi>;
}
