import { TestBackend } from '@backstage/backend-test-utils';
import express from 'express';
import fc from 'fast-check';
import { Knex } from 'knex';
import http from 'node:http';
import https from 'node:https';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/databases';
import {
  API,
  authorization,
  Call,
  pluginTables,
  routeKey,
  RouteFixture,
  ROUTES,
  routesOf,
  Seeder,
  snapshotTables,
  startRoadmapBackend,
} from '../__testUtils__/routes';
import { MAX_BODY_SIZE } from './router';

jest.setTimeout(180_000);

// The router the plugin composes, to fuzz every change it serves.
const mockComposed: express.Router[] = [];
jest.mock('./router', () => {
  const actual = jest.requireActual('./router');
  return {
    ...actual,
    createRouter: async (...args: unknown[]) => {
      const router = await actual.createRouter(...args);
      mockComposed.push(router);
      return router;
    },
  };
});

/** Runs per endpoint; PLATFORM_ROADMAP_FUZZ_RUNS raises it for a long hunt. */
const RUNS = Number(process.env.PLATFORM_ROADMAP_FUZZ_RUNS ?? 60);
/** The router's body size limit in bytes (`256kb`, say). */
const BODY_LIMIT = (() => {
  const [, amount, unit] = /^(\d+)\s*(b|kb|mb)?$/i.exec(MAX_BODY_SIZE) ?? [];
  const scale = { b: 1, kb: 1024, mb: 1024 * 1024 }[
    (unit ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'
  ];
  if (!amount) throw new Error(`Unexpected body size limit ${MAX_BODY_SIZE}`);
  return Number(amount) * scale;
})();
const MUTATING = ROUTES.filter(r => r.method !== 'get');

/** What the fuzz sends: a body as text with its content type, or a query. */
type Bad =
  | { kind: 'json'; value: unknown; text: string; contentType: string }
  | { kind: 'malformed'; text: string; contentType: string }
  | { kind: 'content-type'; text: string; contentType: string }
  | { kind: 'query'; query: Record<string, unknown> };

const json = (value: unknown): Bad => ({
  kind: 'json',
  value,
  text: JSON.stringify(value),
  contentType: 'application/json',
});

// Bad values

/** URLs the backend must never fetch; none of them is the test server. */
const urls = fc.oneof(
  fc.nat({ max: 9999 }).map(n => `https://fuzz-canary-${n}.example.invalid/`),
  fc.constantFrom(
    'http://169.254.169.254/latest/meta-data/',
    'http://127.0.0.1:9/fuzz-canary',
    'http://[::1]:9/fuzz-canary',
    'http://localhost:9/fuzz-canary',
    'file:///etc/passwd',
    'gopher://fuzz-canary.example.invalid:70/_',
  ),
);

const hugeString = fc
  .tuple(
    fc.string({ minLength: 1, maxLength: 6 }),
    fc.integer({ min: 2_000, max: 400_000 }),
  )
  .map(([chunk, length]) => chunk.repeat(Math.ceil(length / chunk.length)));

/** Control characters, NUL, astral planes, lone surrogates. */
const oddString = fc.string({ unit: 'binary', maxLength: 40 });

const badEntityRef = fc.constantFrom(
  '',
  'component:',
  ':default/build-cache',
  'component:default/',
  'component:default/does-not-exist',
  'group:default/checkout',
  'a:b/c/d',
  `component:default/${'x'.repeat(300)}`,
  'component:default/build-cache\u0000',
);

const badDate = fc.constantFrom(
  '',
  '2026-13-01',
  '2026-02-30',
  '2026-00-10',
  '0000-00-00',
  '0000-01-01',
  '9999-12-31',
  '99999-01-01',
  '-000001-01-01',
  '+275760-09-13T00:00:00.001Z',
  '2026-1-1',
  '2026-11-23T25:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  'tomorrow',
);

const badQuarter = fc.constantFrom(
  '2026-Q0',
  '2026-Q5',
  '26-Q1',
  '2026-q1',
  'Q4-2026',
  '10000-Q1',
);

const badNumber = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    0.5,
    1e308,
    -1e308,
    5e-324,
    2 ** 31,
    2 ** 53,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 3,
  }),
);

/** A bad value for a field, shaped by the valid value it replaces. */
function badFor(valid: unknown): fc.Arbitrary<unknown> {
  const generic = [wrongType, hugeString, oddString, urls];
  if (typeof valid === 'number') return fc.oneof(badNumber, ...generic);
  if (typeof valid !== 'string') return fc.oneof(...generic);
  if (/^\d{4}-\d{2}-\d{2}$/.test(valid)) return fc.oneof(badDate, ...generic);
  if (/^\d{4}-Q\d$/.test(valid)) return fc.oneof(badQuarter, ...generic);
  if (/^\w+:\/\//.test(valid)) return fc.oneof(urls, ...generic);
  if (/^[\w-]+:[\w-]+\/[\w-]+$/.test(valid)) {
    return fc.oneof(badEntityRef, ...generic);
  }
  return fc.oneof(...generic);
}

type Path = Array<string | number>;

/** Every field of a body, nested ones included (arrays by their first item). */
function fieldsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) {
    return value.length ? [...fieldsOf(value[0], [...prefix, 0])] : [];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [
      [...prefix, key],
      ...fieldsOf(inner, [...prefix, key]),
    ]);
  }
  return [];
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (inner, step) => (inner as Record<string | number, unknown>)?.[step],
    value,
  );
}

const REMOVE = Symbol('remove');

/** The body with each field of `edits` replaced (or removed). */
function edited(
  body: Record<string, unknown>,
  edits: Array<[Path, unknown]>,
): Record<string, unknown> {
  const copy = structuredClone(body);
  for (const [path, value] of edits) {
    const parent = valueAt(copy, path.slice(0, -1));
    // An earlier edit may have replaced or removed the field's parent.
    if (!parent || typeof parent !== 'object') continue;
    const fields = parent as Record<string | number, unknown>;
    const last = path[path.length - 1];
    if (value === REMOVE) delete fields[last];
    else fields[last] = value;
  }
  return copy;
}

/** Bad bodies for a route that takes one: mostly a valid body, broken. */
function badBodies(valid: Record<string, unknown>): fc.Arbitrary<Bad> {
  const text = JSON.stringify(valid);
  const edit = fc.oneof(
    ...fieldsOf(valid).map(path =>
      fc.tuple(
        fc.constant(path),
        fc.oneof(
          { weight: 5, arbitrary: badFor(valueAt(valid, path)) },
          { weight: 1, arbitrary: fc.constant<unknown>(REMOVE) },
        ),
      ),
    ),
  );
  const broken = fc
    .tuple(
      fc.array(edit, { minLength: 1, maxLength: 3 }),
      fc.option(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 12 }),
          fc.jsonValue({ maxDepth: 2 }),
          { maxKeys: 3 },
        ),
      ),
    )
    .map(([edits, unknownFields]) =>
      json({ ...edited(valid, edits), ...unknownFields }),
    );
  const notAnObject = fc
    .oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constant([valid]),
      fc.constant([]),
      fc.constant({}),
    )
    .map(json);
  const malformed = fc
    .oneof(
      fc.integer({ min: 1, max: text.length - 1 }).map(n => text.slice(0, n)),
      fc.constantFrom(
        '',
        "{'title': 'single quotes'}",
        '{"version": 01}',
        '{"a": 1,}',
        '{"a": undefined}',
        '{"a": NaN}',
        '{"a": 1} {"b": 2}',
        `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
        '{{}}',
      ),
      oddString,
    )
    .map(
      (t): Bad => ({
        kind: 'malformed',
        text: t,
        contentType: 'application/json',
      }),
    );
  const wrongContentType = fc
    .constantFrom(
      'text/plain',
      'text/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=fuzz',
      'application/xml',
      'application/vnd.api+json',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
    )
    .map((contentType): Bad => ({ kind: 'content-type', text, contentType }));
  return fc.oneof(
    { weight: 8, arbitrary: broken },
    { weight: 1, arbitrary: notAnObject },
    { weight: 1, arbitrary: malformed },
    { weight: 1, arbitrary: wrongContentType },
  );
}

/** Cases every run sends, whatever the random ones are. */
function examplesOf(valid: Record<string, unknown>): Bad[] {
  const text = JSON.stringify(valid);
  const fields = Object.keys(valid);
  const firstString = fields.find(f => typeof valid[f] === 'string');
  const examples: Bad[] = [
    json([valid]),
    json(null),
    json({}),
    {
      kind: 'malformed',
      text: text.slice(0, -1),
      contentType: 'application/json',
    },
    { kind: 'content-type', text, contentType: 'text/plain' },
    json(Object.fromEntries(fields.map(f => [f, null]))),
  ];
  if (firstString) {
    examples.push(
      json({ ...valid, [firstString]: 'x'.repeat(BODY_LIMIT) }),
      json({ ...valid, [firstString]: 'x'.repeat(30_000) }),
    );
  }
  // Every field once with what a database may refuse: U+0000 in text, a
  // number too small for a single-precision column.
  for (const path of fieldsOf(valid)) {
    const value = valueAt(valid, path);
    if (typeof value === 'string') {
      examples.push(json(edited(valid, [[path, `nul \u0000 byte`]])));
    } else if (typeof value === 'number') {
      examples.push(json(edited(valid, [[path, 1e-40]])));
    }
  }
  if ('version' in valid) {
    examples.push(
      json({ ...valid, version: 2 ** 31 }),
      json({ ...valid, version: '1' }),
    );
  }
  return examples;
}

/** Deletes every run sends: no version, a bad one, a stale one, a huge one. */
function deleteExamplesOf(current: number): Bad[] {
  return [{}, { version: 'abc' }, { version: '0' }, { version: '1.5' }]
    .concat([{ version: String(current + 1) }, { version: '2147483648' }])
    .map(query => ({ kind: 'query', query }));
}

/** What `z.coerce.number()` makes of a query value (NaN if it throws). */
function asNumber(value: unknown): number {
  try {
    return Number(value);
  } catch {
    return NaN;
  }
}

/** Bad `?version=` of a delete; never the current version. */
function badDeletes(current: number): fc.Arbitrary<Bad> {
  const version = fc
    .oneof(
      fc.constantFrom(
        '',
        '0',
        '-1',
        '1.5',
        'abc',
        'NaN',
        'Infinity',
        '1e400',
        '2147483648',
        '9007199254740993',
        '1'.repeat(400),
      ),
      fc.integer({ min: 1, max: 2 ** 31 - 1 }).map(String),
      oddString,
      fc.array(fc.string({ maxLength: 4 }), { minLength: 2, maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })),
    )
    .filter(v => asNumber(v) !== current);
  return fc.oneof(
    version.map((v): Bad => ({ kind: 'query', query: { version: v } })),
    fc.constant<Bad>({ kind: 'query', query: {} }),
    version.map((v): Bad => ({ kind: 'query', query: { v, vers: v } })),
  );
}

/** What a bad input may be answered with. */
function allowedStatuses(fixture: RouteFixture, bad: Bad): number[] {
  switch (bad.kind) {
    case 'query':
      return [400, 409];
    case 'content-type':
      return [400, 415];
    case 'malformed':
      return Buffer.byteLength(bad.text) > BODY_LIMIT ? [413] : [400];
    default:
  }
  if (Buffer.byteLength(bad.text) > BODY_LIMIT) return [413];
  const { value } = bad;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return [400];
  }
  // An edit may leave a body valid; the route may still refuse it (an
  // entity not in the catalog, a stale version, an id that is not there).
  const valid = !fixture.schema || fixture.schema.safeParse(value).success;
  return valid ? [200, 201, 204, 400, 404, 409] : [400];
}

/** The first problem names the field ("title: must be …"). */
const NAMES_A_FIELD = /^[A-Za-z_$][\w$]*(\.[\w$-]+)*: /;

function send(
  server: TestBackend['server'],
  fixture: RouteFixture,
  call: Call,
  bad: Bad,
) {
  let pending = request(server)
    [fixture.method](`${API}${call.path}`)
    .set('Authorization', authorization('member')!);
  if (bad.kind === 'query') return pending.query(bad.query);
  if (call.query) pending = pending.query(call.query);
  return pending.set('Content-Type', bad.contentType).send(bad.text);
}

/** Row counts, version sums and latest updates, in one query. */
async function counts(knex: Knex, tables: string[]) {
  const selects = await Promise.all(
    tables.map(async table => {
      const columns = await knex(table).columnInfo();
      const version =
        'version' in columns ? 'cast(sum(version) as text)' : 'null';
      const updated =
        'updated_at' in columns ? 'cast(max(updated_at) as text)' : 'null';
      return `select '${table}' as t, count(*) as n, ${version} as v, ${updated} as u from ${table}`;
    }),
  );
  const sql = selects.join(' union all ');
  return async () => {
    const result = await knex.raw(sql);
    return JSON.stringify(Array.isArray(result) ? result : result.rows);
  };
}

/**
 * Records every outbound HTTP request the process makes, as a URL, until
 * the returned function restores the originals. (Plain wrappers rather than
 * jest spies, which would keep every request and its body alive.)
 */
function recordNetwork(seen: string[]): () => void {
  const restores: Array<() => void> = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    seen.push(
      input instanceof Request ? input.url : new URL(String(input)).href,
    );
    return realFetch(input, init);
  };
  restores.push(() => {
    globalThis.fetch = realFetch;
  });
  for (const [lib, protocol] of [
    [http, 'http:'],
    [https, 'https:'],
  ] as const) {
    for (const method of ['request', 'get'] as const) {
      const real = lib[method];
      lib[method] = ((...args: unknown[]) => {
        seen.push(urlOfRequest(args, protocol));
        return (real as (...a: unknown[]) => http.ClientRequest).apply(
          lib,
          args,
        );
      }) as typeof http.request;
      restores.push(() => {
        lib[method] = real;
      });
    }
  }
  return () => restores.forEach(restore => restore());
}

function urlOfRequest(args: unknown[], protocol: string): string {
  const [first, second] = args;
  if (typeof first === 'string' || first instanceof URL) {
    return new URL(String(first)).href;
  }
  const options = {
    ...(first as http.RequestOptions),
    ...(typeof second === 'object' ? (second as http.RequestOptions) : {}),
  };
  const host = options.hostname ?? options.host ?? 'localhost';
  const port = options.port ? `:${options.port}` : '';
  return `${options.protocol ?? protocol}//${host}${port}${
    options.path ?? '/'
  }`;
}

describe('bad input', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let backend: TestBackend;
    let seed: Seeder;
    const outbound: string[] = [];
    let restoreNetwork = () => {};

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startRoadmapBackend(knex);
      seed = new Seeder(backend.server);
      restoreNetwork = recordNetwork(outbound);
    });

    afterAll(async () => {
      restoreNetwork();
      await backend?.stop();
    });

    it('fuzzes every change the plugin serves', () => {
      const served = routesOf(mockComposed[mockComposed.length - 1])
        .filter(r => !r.startsWith('GET '))
        .sort();
      expect(served.length).toBeGreaterThan(30);
      expect(MUTATING.map(f => routeKey(f.method, f.route)).sort()).toEqual(
        served,
      );
    });

    it.each(MUTATING.map(f => [routeKey(f.method, f.route), f] as const))(
      '%s answers bad input with 4xx and writes nothing',
      async (_name, fixture) => {
        const call = await fixture.arrange(seed);
        const tables = await pluginTables(knex);
        const fingerprint = await counts(knex, tables);
        let baseline = await snapshotTables(knex);
        let before = await fingerprint();
        const current = Number(call.query?.version);
        const arbitrary =
          fixture.method === 'delete'
            ? badDeletes(current)
            : badBodies(call.body!);
        const examples = (
          fixture.method === 'delete'
            ? deleteExamplesOf(current)
            : examplesOf(call.body!)
        ).map(bad => [bad] as [Bad]);

        await fc.assert(
          fc.asyncProperty(arbitrary, async bad => {
            const response = await send(backend.server, fixture, call, bad);
            const allowed = allowedStatuses(fixture, bad);
            const { status } = response;
            expect(status).toEqual(allowed.includes(status) ? status : allowed);
            const message: string = response.body?.error?.message ?? '';
            const namesField =
              status === 400 &&
              bad.kind === 'json' &&
              !!bad.value &&
              typeof bad.value === 'object' &&
              !Array.isArray(bad.value);
            expect(message).toMatch(namesField ? NAMES_A_FIELD : /.*/);

            const after = await fingerprint();
            const accepted = status < 300;
            expect(after).toEqual(accepted ? after : before);
            if (accepted) {
              // A body an edit left valid: what it wrote is the new baseline.
              before = after;
              baseline = await snapshotTables(knex);
            }
          }),
          { numRuns: RUNS, examples },
        );

        expect(await snapshotTables(knex)).toEqual(baseline);
      },
    );

    it('refuses unknown fields of an otherwise valid body, naming them, and writes nothing', async () => {
      // A body that smuggles in another team, author, id or version is
      // refused (zod alone would drop the keys silently).
      const fixture = ROUTES.find(
        r =>
          routeKey(r.method, r.route) === 'POST /teams/:namespace/:name/themes',
      )!;
      const call = await fixture.arrange(seed);
      const fingerprint = await counts(knex, await pluginTables(knex));
      const before = await fingerprint();
      for (const [extra, named] of [
        [{ teamRef: 'group:default/checkout' }, 'teamRef'],
        [{ createdBy: 'user:default/someone-else' }, 'createdBy'],
        [{ id: 'chosen-id', version: 99 }, 'id'],
      ] as const) {
        const response = await request(backend.server)
          .post(`${API}${call.path}`)
          .set('Authorization', authorization('member')!)
          .send({ ...call.body, ...extra });
        expect(response.status).toBe(400);
        expect(response.body.error.message).toBe(
          `${named}: is not a field of this request`,
        );
      }
      expect(await fingerprint()).toEqual(before);
      // and the same body without them is taken
      const valid = await request(backend.server)
        .post(`${API}${call.path}`)
        .set('Authorization', authorization('member')!)
        .send(call.body);
      expect(valid.status).toBe(201);
    });

    // After the fuzz above: what the spies saw while it ran.
    it('never fetched a URL from a request body', () => {
      const port = backend.server.port();
      const elsewhere = outbound.filter(url => {
        const { hostname, port: p } = new URL(url);
        return (
          !['localhost', '127.0.0.1', '[::1]', '::1'].includes(hostname) ||
          Number(p) !== port
        );
      });
      expect(elsewhere).toEqual([]);
      // The spies see the backend's own calls: the permission client's
      // (node-fetch, over node:http) and the permission backend's (fetch).
      expect(outbound).toEqual(
        expect.arrayContaining([
          expect.stringContaining('/api/permission/authorize'),
          expect.stringContaining(
            '/.well-known/backstage/permissions/apply-conditions',
          ),
        ]),
      );
    });
  });
});
