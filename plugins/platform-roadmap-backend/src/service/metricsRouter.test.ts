import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { exampleCatalog, fakeCatalog } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/databases';
import { PlatformTeamsService } from '../catalog/PlatformTeamsService';
import { MetricsStore } from '../database/MetricsStore';
import { RoadmapStore } from '../database/RoadmapStore';
import { createMetricsRouter } from './metricsRouter';

jest.setTimeout(60_000);

const member = 'user:default/ci-member';
const consumer = 'user:default/checkout-dev';
const ordersDev = 'user:default/orders-dev';
const stranger = 'user:default/stranger';
const now = () => new Date('2026-11-23T12:00:00Z');

/** What each user owns: themselves and their teams. */
const OWNERSHIP: Record<string, string[]> = {
  [member]: [member, 'group:default/ci-build'],
  [consumer]: [consumer, 'Group:default/Checkout'],
  [ordersDev]: [ordersDev, 'group:default/orders', 'group:default/checkout'],
  [stranger]: [stranger, 'group:default/marketing'],
};

const metric = {
  key: 'p99-build-time',
  kind: 'time-to-build',
  name: 'p99 CI build time',
  unit: 'min',
  direction: 'decrease',
  description: 'From the CI pipeline.',
};

describe('metrics router', () => {
  const databases = createTestDatabases();

  async function createApp() {
    const knex = await databases.init('SQLITE_3');
    const database = { getClient: async () => knex };
    const roadmapStore = await RoadmapStore.create({ database, now });
    const store = await MetricsStore.create({ database });
    const { catalog } = fakeCatalog(exampleCatalog());
    const permissions = mockServices.permissions.mock({
      // Like the permission framework: members, and every service whose
      // access restrictions do not name permissions.
      authorize: async (requests, { credentials }) =>
        requests.map(() => {
          const principal = credentials.principal as {
            type?: string;
            userEntityRef?: string;
          };
          return {
            result:
              principal.type === 'service' || principal.userEntityRef === member
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          };
        }),
    });
    const auditor = mockServices.auditor.mock();
    const events: string[] = [];
    auditor.createEvent.mockImplementation(async ({ eventId }) => ({
      success: async () => {
        events.push(`${eventId}:success`);
      },
      fail: async () => {
        events.push(`${eventId}:fail`);
      },
    }));
    const userInfo: UserInfoService = {
      async getUserInfo(credentials) {
        const { userEntityRef } =
          credentials.principal as BackstageUserPrincipal;
        return {
          userEntityRef,
          ownershipEntityRefs: OWNERSHIP[userEntityRef] ?? [userEntityRef],
        };
      },
    };
    const app = express()
      .use(express.json())
      .use(
        createMetricsRouter({
          httpAuth: mockServices.httpAuth({
            defaultCredentials: mockCredentials.none(),
          }),
          permissions,
          auditor,
          userInfo,
          store,
          roadmapStore,
          teams: new PlatformTeamsService(catalog),
          now,
        }),
      )
      .use(mockErrorHandler());
    return { app, events, permissions, roadmapStore, store };
  }

  const as = (userRef: string) => mockCredentials.user.header(userRef);
  const service = () => mockCredentials.service.header();

  /** A key result of ci-build that follows the metric. */
  async function boundKeyResult(roadmapStore: RoadmapStore, metricId: string) {
    const actor = { by: member, at: new Date('2026-10-01T09:00:00Z') };
    const theme = await roadmapStore.createTheme(
      'group:default/ci-build',
      {
        period: '2026-Q4',
        category: 'velocity',
        title: 'Fast, boring CI',
        outcome: 'p99 CI build under 8 minutes',
        description: '',
        status: 'committed',
        entityRefs: [],
      },
      actor,
    );
    const objective = await roadmapStore.createObjective(
      theme,
      { title: 'Builds stop being the top complaint' },
      actor,
    );
    return roadmapStore.createKeyResult(
      objective,
      {
        title: 'Reduce p99 CI build time from 18 min to 8 min',
        metric: 'p99 CI build time',
        unit: 'min',
        baseline: 18,
        target: 8,
        direction: 'decrease',
        startDate: '2026-10-01',
        dueDate: '2026-12-31',
        measure: { type: 'metric', metricId },
      },
      actor,
    );
  }

  it('takes points from a service token, and moves bound key results to the latest point only', async () => {
    const { app, events, permissions, roadmapStore, store } = await createApp();
    const created = await store.createMetric(
      'group:default/ci-build',
      { ...metric, kind: 'time-to-build', direction: 'decrease' },
      { by: member, at: now() },
    );
    const kr = await boundKeyResult(roadmapStore, created.id);
    expect(kr.current).toBe(18);
    const post = (body: object, auth = service()) =>
      request(app)
        .post('/teams/default/ci-build/metrics/p99-build-time/points')
        .set('Authorization', auth)
        .send(body);

    const first = await post({ value: 14.5, at: '2026-11-20T08:00:00Z' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(Number),
      metricId: created.id,
      at: '2026-11-20T08:00:00.000Z',
      value: 14.5,
      source: 'service:external:test-service',
    });
    // No user permission was asked for: external access decides on services.
    expect(permissions.authorize).not.toHaveBeenCalled();
    const moved = await roadmapStore.getKeyResult(kr.id);
    expect(moved.current).toBe(14.5);
    expect(moved.version).toBe(kr.version + 1);
    expect(moved.checkIns.at(-1)).toMatchObject({
      value: 14.5,
      at: '2026-11-20T08:00:00.000Z',
      note: 'Posted to metric p99 CI build time by service:external:test-service',
    });

    // A back-dated point is history: the key result stays where it is.
    const backDated = await post({ value: 30, at: '2026-11-01T08:00:00Z' });
    expect(backDated.status).toBe(201);
    const unmoved = await roadmapStore.getKeyResult(kr.id);
    expect(unmoved.current).toBe(14.5);
    expect(unmoved.checkIns).toHaveLength(moved.checkIns.length);

    // A member posts too; without `at` the point is taken now.
    const byHand = await post(
      { value: 12, note: 'Measured by hand' },
      as(member),
    );
    expect(byHand.body).toMatchObject({
      at: now().toISOString(),
      source: member,
      note: 'Measured by hand',
    });
    expect((await roadmapStore.getKeyResult(kr.id)).checkIns.at(-1)).toEqual(
      expect.objectContaining({
        value: 12,
        note: `Posted to metric p99 CI build time by ${member}`,
      }),
    );
    expect(events).toEqual([
      'metric-point:success',
      'metric-point:success',
      'metric-point:success',
    ]);

    // The list and the series show the new values, oldest first; points
    // older than 180 days show only when asked for.
    await store.addPoint(
      created.id,
      { value: 25, at: new Date('2026-03-01T00:00:00Z') },
      member,
    );
    const list = await request(app)
      .get('/teams/default/ci-build/metrics')
      .set('Authorization', service());
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: created.id,
        latest: expect.objectContaining({ value: 12 }),
      }),
    ]);
    const series = await request(app)
      .get(`/metrics/${created.id}/points`)
      .set('Authorization', as(consumer));
    expect(series.status).toBe(200);
    expect(series.body.metric.id).toBe(created.id);
    expect(series.body.items.map((p: { value: number }) => p.value)).toEqual([
      30, 14.5, 12,
    ]);
    const all = await request(app)
      .get(`/metrics/${created.id}/points?since=2026-01-01`)
      .set('Authorization', as(consumer));
    expect(all.body.items.map((p: { value: number }) => p.value)).toEqual([
      25, 30, 14.5, 12,
    ]);
    // The card's one request: the metrics and their recent values.
    const withPoints = await request(app)
      .get('/teams/default/ci-build/metrics?points=recent')
      .set('Authorization', as(consumer));
    expect(withPoints.status).toBe(200);
    expect(
      withPoints.body.points[created.id].map((p: { value: number }) => p.value),
    ).toEqual([30, 14.5, 12]);
    expect(list.body.points).toBeUndefined();
    const badPoints = await request(app)
      .get('/teams/default/ci-build/metrics?points=all')
      .set('Authorization', as(consumer));
    expect(badPoints.status).toBe(400);
    expect(badPoints.body.error.message).toMatch(/^points: /);
    const badSince = await request(app)
      .get(`/metrics/${created.id}/points?since=yesterday`)
      .set('Authorization', as(consumer));
    expect(badSince.status).toBe(400);
    expect(badSince.body.error.message).toBe(
      'since: must be an ISO date or date-time',
    );
  });

  it('refuses points without a token, from non-members, with bad values and for unknown keys', async () => {
    const { app, events, store } = await createApp();
    await store.createMetric(
      'group:default/ci-build',
      { ...metric, kind: 'time-to-build', direction: 'decrease' },
      { by: member, at: now() },
    );
    const post = (body: object, auth?: string, key = 'p99-build-time') => {
      const req = request(app).post(
        `/teams/default/ci-build/metrics/${key}/points`,
      );
      return (auth ? req.set('Authorization', auth) : req).send(body);
    };
    expect((await post({ value: 1 })).status).toBe(401);
    expect(
      (await post({ value: 1 }, mockCredentials.service.invalidHeader()))
        .status,
    ).toBe(401);
    const denied = await post({ value: 1 }, as(consumer));
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      'Only members of group:default/ci-build may change its metrics',
    );
    expect(events).toEqual([]);

    const notANumber = await post({ value: 'fast' }, service());
    expect(notANumber.status).toBe(400);
    expect(notANumber.body.error.message).toBe('value: must be a number');
    const badAt = await post({ value: 1, at: '23/11/2026' }, service());
    expect(badAt.body.error.message).toBe('at: must be an ISO date-time');
    const future = await post(
      { value: 1, at: '2026-11-24T12:00:00Z' },
      as(member),
    );
    expect(future.status).toBe(400);
    expect(future.body.error.message).toBe('at: must not be in the future');

    const unknown = await post({ value: 1 }, service(), 'p50-build-time');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'No metric p50-build-time of group:default/ci-build',
    );
    // Another team's metric of the same key is not this one.
    const otherTeam = await request(app)
      .post('/teams/default/orders/metrics/p99-build-time/points')
      .set('Authorization', service())
      .send({ value: 1 });
    expect(otherTeam.status).toBe(404);
    expect(events).toEqual(['metric-point:fail', 'metric-point:fail']);
  });

  it('lets members define, edit and delete metrics, with 409s on stale versions', async () => {
    const { app, events, roadmapStore } = await createApp();
    const create = (body: object, userRef = member) =>
      request(app)
        .post('/teams/default/ci-build/metrics')
        .set('Authorization', as(userRef))
        .send({ ...metric, ...body });
    const created = await create({});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      version: 1,
      teamRef: 'group:default/ci-build',
      key: 'p99-build-time',
      createdBy: member,
    });
    const duplicate = await create({ name: 'Another build time' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe(
      'metric key p99-build-time already exists for group:default/ci-build',
    );
    expect((await create({}, consumer)).status).toBe(403);
    const badKey = await create({ key: 'P99 build' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.message).toMatch(/^key: must be lower-case/);
    const badKind = await create({ kind: 'vibes' });
    expect(badKind.body.error.message).toMatch(/^kind:/);
    const noToken = await request(app).get('/teams/default/ci-build/metrics');
    expect(noToken.status).toBe(401);

    const id = created.body.id;
    const edit = (version: number, userRef = member) =>
      request(app)
        .put(`/metrics/${id}`)
        .set('Authorization', as(userRef))
        .send({ ...metric, version, name: 'p95 CI build time' });
    expect((await edit(1, consumer)).status).toBe(403);
    const edited = await edit(1);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      version: 2,
      name: 'p95 CI build time',
    });
    expect((await edit(1)).status).toBe(409);
    expect(
      (
        await request(app)
          .put('/metrics/nope')
          .set('Authorization', as(member))
          .send({ ...metric, version: 1 })
      ).status,
    ).toBe(404);

    // A metric that measures a key result stays until that is unbound.
    const kr = await boundKeyResult(roadmapStore, id);
    const del = (version: number | string, userRef = member) =>
      request(app)
        .delete(`/metrics/${id}?version=${version}`)
        .set('Authorization', as(userRef));
    expect((await del(2, consumer)).status).toBe(403);
    const bound = await del(2);
    expect(bound.status).toBe(409);
    expect(bound.body.error.message).toBe(
      'Metric p95 CI build time measures "Reduce p99 CI build time from 18 min to 8 min"; measure it another way before deleting the metric',
    );
    await roadmapStore.deleteKeyResult(kr.id, kr.version);
    expect((await del('two')).status).toBe(400);
    expect((await del(1)).status).toBe(409);
    expect((await del(2)).status).toBe(204);
    const gone = await request(app)
      .get(`/metrics/${id}/points`)
      .set('Authorization', as(member));
    expect(gone.status).toBe(404);
    expect(events).toEqual([
      'metric-create:success',
      'metric-create:fail',
      'metric-update:success',
      'metric-update:fail',
      'metric-delete:fail',
      'metric-delete:fail',
      'metric-delete:success',
    ]);
  });

  it('lets a member of a consuming team rate the team once a quarter; comments are for the team', async () => {
    const { app, events } = await createApp();
    const survey = (userRef: string, query = '') =>
      request(app)
        .get(`/teams/default/ci-build/survey${query}`)
        .set('Authorization', as(userRef));
    const rate = (userRef: string, body: object) =>
      request(app)
        .post('/teams/default/ci-build/survey')
        .set('Authorization', as(userRef))
        .send({
          score: 4,
          respondentTeamRef: 'group:default/checkout',
          ...body,
        });

    const before = await survey(consumer);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      teamRef: 'group:default/ci-build',
      period: '2026-Q4',
      count: 0,
      distribution: [0, 0, 0, 0, 0],
      trend: [
        { period: '2026-Q1', count: 0 },
        { period: '2026-Q2', count: 0 },
        { period: '2026-Q3', count: 0 },
        { period: '2026-Q4', count: 0 },
      ],
      respondAs: ['group:default/checkout'],
    });

    const rated = await rate(consumer, { comment: 'Builds got faster' });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({
      teamRef: 'group:default/ci-build',
      period: '2026-Q4',
      respondentRef: consumer,
      respondentTeamRef: 'group:default/checkout',
      score: 4,
      comment: 'Builds got faster',
    });
    const again = await rate(consumer, { score: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      'You already rated group:default/ci-build for 2026-Q4',
    );

    // Only for a consuming team the caller is in.
    const notTheirs = await rate(consumer, {
      respondentTeamRef: 'group:default/orders',
    });
    expect(notTheirs.status).toBe(400);
    expect(notTheirs.body.error.message).toBe(
      'respondentTeamRef: you are not a member of a team that uses group:default/ci-build',
    );
    const outsider = await rate(stranger, {
      respondentTeamRef: 'group:default/marketing',
    });
    expect(outsider.body.error.message).toBe(
      'respondentTeamRef: you are not a member of a team that uses group:default/ci-build',
    );
    expect((await survey(stranger)).body.respondAs).toEqual([]);
    const badScore = await rate(ordersDev, { score: 7 });
    expect(badScore.body.error.message).toBe('score: must be from 1 to 5');
    const inTwo = await survey(ordersDev);
    expect([...inTwo.body.respondAs].sort()).toEqual([
      'group:default/checkout',
      'group:default/orders',
    ]);
    expect(
      (
        await rate(ordersDev, {
          score: 2,
          respondentTeamRef: 'group:default/orders',
        })
      ).status,
    ).toBe(201);
    const machine = await request(app)
      .post('/teams/default/ci-build/survey')
      .set('Authorization', service())
      .send({ score: 5, respondentTeamRef: 'group:default/checkout' });
    expect(machine.status).toBe(403);

    // The respondent sees their answer, not the comments.
    const mine = await survey(consumer);
    expect(mine.body).toMatchObject({ count: 2, average: 3 });
    expect(mine.body.distribution).toEqual([0, 1, 0, 1, 0]);
    expect(mine.body.mine).toMatchObject({ score: 4, id: rated.body.id });
    expect(mine.body.comments).toBeUndefined();
    // The team sees the comments, without who wrote them.
    const team = await survey(member);
    expect(team.body.comments).toEqual([
      {
        score: 4,
        comment: 'Builds got faster',
        respondentTeamRef: 'group:default/checkout',
        createdAt: now().toISOString(),
      },
    ]);
    expect(team.body.mine).toBeUndefined();
    expect(team.body.respondAs).toEqual([]);
    // A machine (a CI token) reads the aggregate, never the comments, even
    // though the permission framework lets services through.
    const ci = await request(app)
      .get('/teams/default/ci-build/survey')
      .set('Authorization', service());
    expect(ci.status).toBe(200);
    expect(ci.body.count).toBe(2);
    expect(ci.body.comments).toBeUndefined();
    expect(team.body.trend.at(-1)).toEqual({
      period: '2026-Q4',
      count: 2,
      average: 3,
    });

    const earlier = await survey(member, '?period=2026-Q2');
    expect(earlier.body.trend.map((t: { period: string }) => t.period)).toEqual(
      ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'],
    );
    expect(earlier.body).toMatchObject({ count: 0, comments: [] });
    const badPeriod = await survey(member, '?period=2026-Q5');
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.error.message).toBe(
      'period: must be a quarter such as 2026-Q4',
    );
    const notPlatform = await request(app)
      .get('/teams/default/orders/survey')
      .set('Authorization', as(consumer));
    expect(notPlatform.status).toBe(404);
    expect(
      (await request(app).get('/teams/default/ci-build/survey')).status,
    ).toBe(401);
    expect(events).toEqual([
      'survey-response:success',
      'survey-response:fail',
      'survey-response:success',
    ]);
  });
});
