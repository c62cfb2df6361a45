import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { rateLimiter } from './rateLimit';

describe('rateLimiter', () => {
  function createApp(limit = { requestsPerMinute: 3, writesPerMinute: 1 }) {
    let now = 1_000_000;
    const app = express()
      .use(
        rateLimiter({
          httpAuth: mockServices.httpAuth({
            defaultCredentials: mockCredentials.none(),
          }),
          limit,
          now: () => now,
        }),
      )
      .all('/x', (_req, res) => {
        res.status(204).end();
      });
    return { app, tick: (ms: number) => (now += ms) };
  }
  const as = (header: string) => (r: request.Test) =>
    r.set('Authorization', header);

  it('counts each caller in one-minute windows', async () => {
    const { app, tick } = createApp();
    const alice = as(mockCredentials.user.header('user:default/alice'));
    for (let i = 0; i < 3; i++) {
      expect((await alice(request(app).get('/x'))).status).toBe(204);
    }
    const limited = await alice(request(app).get('/x'));
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.body).toMatchObject({
      error: { name: 'TooManyRequestsError' },
      response: { statusCode: 429 },
    });

    tick(30_000);
    expect((await alice(request(app).get('/x'))).headers['retry-after']).toBe(
      '30',
    );
    tick(30_000);
    expect((await alice(request(app).get('/x'))).status).toBe(204);
  });

  it('limits writes separately, and tells services and anonymous callers apart', async () => {
    const { app } = createApp();
    const service = as(mockCredentials.service.header());
    expect((await service(request(app).post('/x'))).status).toBe(204);
    expect((await service(request(app).put('/x'))).status).toBe(429);
    // reads still pass for the service, and a user is counted apart
    expect((await service(request(app).get('/x'))).status).toBe(204);
    const bob = as(mockCredentials.user.header('user:default/bob'));
    expect((await bob(request(app).delete('/x'))).status).toBe(204);
    // no credentials: counted by address
    for (let i = 0; i < 3; i++) {
      expect((await request(app).get('/x')).status).toBe(204);
    }
    expect((await request(app).get('/x')).status).toBe(429);
  });

  it('is off at 0', async () => {
    const { app } = createApp({ requestsPerMinute: 0, writesPerMinute: 0 });
    for (let i = 0; i < 10; i++) {
      expect((await request(app).post('/x')).status).toBe(204);
    }
  });
});
