import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NextFunction, Request, Response } from 'express';

/**
 * How many requests one caller may make to the plugin per minute, on one
 * backend replica. 0 turns a limit off.
 */
export interface RateLimit {
  /** Every request (reads and writes). */
  requestsPerMinute: number;
  /** Writes (anything but GET and HEAD), counted within the above too. */
  writesPerMinute: number;
}

/**
 * The defaults suit the UI with room to spare: the busiest page (a team's
 * Roadmap tab) makes 9 requests, so 600 a minute is a page load every
 * second for a minute; a person saving a form every second makes 60 writes.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = {
  requestsPerMinute: 600,
  writesPerMinute: 120,
};

const WINDOW_MS = 60_000;

/**
 * Counts each caller's requests in fixed one-minute windows and answers
 * 429 Too Many Requests, with Retry-After, past the limit. The caller is
 * the signed-in user or the calling service (so a shared proxy address
 * does not make everyone one caller); requests without valid credentials
 * count by address. In memory, per replica: with N replicas behind a
 * balancer a caller gets up to N times the limit.
 */
export function rateLimiter(options: {
  httpAuth: HttpAuthService;
  limit: RateLimit;
  now?: () => number;
}) {
  const { httpAuth, limit } = options;
  const now = options.now ?? Date.now;
  const windows = new Map<
    string,
    { start: number; requests: number; writes: number }
  >();
  let lastSweep = now();

  return async (req: Request, res: Response, next: NextFunction) => {
    if (limit.requestsPerMinute <= 0 && limit.writesPerMinute <= 0) {
      next();
      return;
    }
    const key = await callerKey(httpAuth, req);
    const at = now();
    if (at - lastSweep > WINDOW_MS) {
      for (const [k, w] of windows) {
        if (at - w.start >= WINDOW_MS) windows.delete(k);
      }
      lastSweep = at;
    }
    let window = windows.get(key);
    if (!window || at - window.start >= WINDOW_MS) {
      window = { start: at, requests: 0, writes: 0 };
      windows.set(key, window);
    }
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    const overRequests =
      limit.requestsPerMinute > 0 && window.requests >= limit.requestsPerMinute;
    const overWrites =
      write &&
      limit.writesPerMinute > 0 &&
      window.writes >= limit.writesPerMinute;
    if (overRequests || overWrites) {
      const retryAfter = Math.ceil((window.start + WINDOW_MS - at) / 1000);
      // Backstage's error types have no 429; this is the shape its error
      // handler (and its own rate limiter) answers with.
      res
        .status(429)
        .set('Retry-After', String(Math.max(retryAfter, 1)))
        .json({
          error: {
            name: 'TooManyRequestsError',
            message: overWrites
              ? `More than ${limit.writesPerMinute} changes a minute; try again in ${retryAfter} s`
              : `More than ${limit.requestsPerMinute} requests a minute; try again in ${retryAfter} s`,
          },
          request: { method: req.method, url: req.originalUrl },
          response: { statusCode: 429 },
        });
      return;
    }
    window.requests += 1;
    if (write) window.writes += 1;
    next();
  };
}

async function callerKey(
  httpAuth: HttpAuthService,
  req: Request,
): Promise<string> {
  try {
    const { principal } = await httpAuth.credentials(req, {
      allow: ['user', 'service', 'none'],
    });
    if ('userEntityRef' in principal) return `user:${principal.userEntityRef}`;
    if ('subject' in principal) return `service:${principal.subject}`;
  } catch {
    // invalid credentials: the route answers 401; count by address
  }
  return `address:${req.ip ?? req.socket.remoteAddress ?? ''}`;
}
