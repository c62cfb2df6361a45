// A fast in-process stand-in for the subset of Backstage's CatalogService
// the platform-roadmap backend (and the naive baseline) call:
//   getEntitiesByRefs({ entityRefs, fields, filter })
//   getEntityByRef(ref)
//   getEntities({ filter, fields, limit, offset })
//   queryEntities({ filter, fields, limit } | { cursor, fields, limit })
//
// Entities are indexed by lower-case ref, by kind and by relation
// (type → targetRef → entities), so `relations.<type>` filters are index
// look-ups. Responses are fresh copies holding only the requested `fields`
// (or, with wire 'json', a JSON.stringify + JSON.parse of that projection,
// which is what crossing HTTP costs the client at least).
//
// Every call is counted; so are HTTP round trips as @backstage/catalog-client
// would make them (getEntitiesByRefs is split by the client into chunks of
// at most 1,000 refs and 90 KiB of refs — the plugin's CatalogReader already
// chunks at 1,000, so for it calls = round trips) and the entities returned.
// An optional fixed delay per round trip (rttMs) models the network hop.

const CLIENT_MAX_REFS = 1000;
const CLIENT_MAX_REF_CHARS = 90 * 2 ** 10;

// Refs are ASCII: toLowerCase is what toLocaleLowerCase('en-US') gives, faster.
const lc = s => String(s).toLowerCase();
const refOf = e =>
  `${lc(e.kind)}:${lc(e.metadata.namespace ?? 'default')}/${lc(
    e.metadata.name,
  )}`;

/** Deep copy of plain JSON-like data (entities are trees of these). */
function clone(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = clone(value[i]);
    return out;
  }
  const out = {};
  for (const key in value) out[key] = clone(value[key]);
  return out;
}

/** A projector for a `fields` list: copies only those dotted paths. */
function compileFields(fields, copy) {
  if (!fields || fields.length === 0) return e => (copy ? clone(e) : e);
  const paths = fields.map(f => f.split('.'));
  return entity => {
    const out = {};
    for (const path of paths) {
      let src = entity;
      for (let i = 0; i < path.length && src !== undefined; i++) {
        src =
          src === null || typeof src !== 'object' ? undefined : src[path[i]];
      }
      if (src === undefined) continue;
      let dst = out;
      for (let i = 0; i < path.length - 1; i++) {
        dst = dst[path[i]] ??= {};
      }
      dst[path[path.length - 1]] = copy ? clone(src) : src;
    }
    return out;
  };
}

/** Client-side chunking of getEntitiesByRefs, as @backstage/catalog-client. */
function clientChunks(refs) {
  let chunks = 0;
  let size = 0;
  let chars = 0;
  for (const ref of refs) {
    const len = ref.length + 3;
    if (
      size > 0 &&
      (size + 1 > CLIENT_MAX_REFS || chars + len > CLIENT_MAX_REF_CHARS)
    ) {
      chunks++;
      size = 0;
      chars = 0;
    }
    size++;
    chars += len;
  }
  return chunks + (size > 0 ? 1 : 0);
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

export class CatalogStandIn {
  /**
   * @param entities the catalog (not copied; treat as read-only)
   * @param options { rttMs = 0, wire: 'copy' | 'json' = 'copy', log = false }
   */
  constructor(entities, options = {}) {
    this.rttMs = options.rttMs ?? 0;
    this.wire = options.wire ?? 'copy';
    this.keepLog = options.log ?? false;
    this.entities = entities;
    this.byRef = new Map();
    this.byKind = new Map();
    this.byRelation = new Map();
    this.order = new Map();
    entities.forEach((e, i) => {
      const ref = refOf(e);
      this.byRef.set(ref, e);
      this.order.set(e, i);
      const kind = lc(e.kind);
      if (!this.byKind.has(kind)) this.byKind.set(kind, []);
      this.byKind.get(kind).push(e);
      for (const r of e.relations ?? []) {
        let index = this.byRelation.get(lc(r.type));
        if (!index) this.byRelation.set(lc(r.type), (index = new Map()));
        const target = lc(r.targetRef);
        let list = index.get(target);
        if (!list) index.set(target, (list = []));
        list.push(e);
      }
    });
    this.projectors = new Map();
    this.reset();
  }

  /** Drops the indexes (the entities stay the caller's). */
  close() {
    this.entities = [];
    this.byRef.clear();
    this.byKind.clear();
    this.byRelation.clear();
    this.order.clear();
    this.projectors.clear();
    this.reset();
  }

  reset() {
    this.stats = {
      calls: 0,
      roundTrips: 0,
      entitiesReturned: 0,
      delayMs: 0,
      byMethod: {},
      /** process.hrtime.bigint() when the last reply was handed back. */
      lastReplyAt: 0n,
    };
    this.log = [];
  }

  snapshot() {
    return {
      ...this.stats,
      byMethod: { ...this.stats.byMethod },
      log: this.log,
    };
  }

  // --- internals

  async hop(method, roundTrips, returned, detail) {
    const s = this.stats;
    s.calls++;
    s.roundTrips += roundTrips;
    s.entitiesReturned += returned;
    s.byMethod[method] = (s.byMethod[method] ?? 0) + 1;
    if (this.keepLog)
      this.log.push({ method, roundTrips, returned, ...detail });
    if (this.rttMs > 0) {
      const start = performance.now();
      for (let i = 0; i < roundTrips; i++) await sleep(this.rttMs);
      s.delayMs += performance.now() - start;
    }
  }

  reply(value) {
    this.stats.lastReplyAt = process.hrtime.bigint();
    return value;
  }

  project(entities, fields) {
    const key = (fields ?? []).join(',');
    let projector = this.projectors.get(key);
    if (!projector) {
      projector = compileFields(fields, this.wire === 'copy');
      this.projectors.set(key, projector);
    }
    const items = entities.map(e => (e ? projector(e) : e));
    return this.wire === 'json'
      ? JSON.parse(JSON.stringify(items.map(e => e ?? null))).map(
          e => e ?? undefined,
        )
      : items;
  }

  requireCredentials(options) {
    if (!options || !options.credentials) {
      throw new Error('catalog stand-in: a call came without credentials');
    }
  }

  /** One filter record: AND over keys, OR over a key's values. */
  matchesRecord(entity, record) {
    for (const [key, raw] of Object.entries(record)) {
      const values = (Array.isArray(raw) ? raw : [raw]).map(lc);
      if (key.startsWith('relations.')) {
        const type = lc(key.slice('relations.'.length));
        const ok = (entity.relations ?? []).some(
          r => lc(r.type) === type && values.includes(lc(r.targetRef)),
        );
        if (!ok) return false;
        continue;
      }
      let value = entity;
      for (const part of key.split('.')) {
        value = value == null ? undefined : value[part];
      }
      const actual = (Array.isArray(value) ? value : [value])
        .filter(v => v !== undefined && v !== null)
        .map(lc);
      if (!actual.some(v => values.includes(v))) return false;
    }
    return true;
  }

  /** Candidates from the indexes, then the full filter check; catalog order. */
  filterEntities(filter) {
    if (!filter) return this.entities;
    const records = Array.isArray(filter) ? filter : [filter];
    const result = new Set();
    for (const record of records) {
      let candidates;
      for (const [key, raw] of Object.entries(record)) {
        const values = (Array.isArray(raw) ? raw : [raw]).map(lc);
        let found;
        if (key.startsWith('relations.')) {
          const index = this.byRelation.get(lc(key.slice('relations.'.length)));
          found = values.flatMap(v => index?.get(v) ?? []);
        } else if (key === 'kind') {
          found = values.flatMap(v => this.byKind.get(v) ?? []);
        } else continue;
        if (!candidates || found.length < candidates.length) candidates = found;
      }
      for (const e of candidates ?? this.entities) {
        if (this.matchesRecord(e, record)) result.add(e);
      }
    }
    return [...result].sort((a, b) => this.order.get(a) - this.order.get(b));
  }

  // --- CatalogService subset

  async getEntitiesByRefs(request, options) {
    this.requireCredentials(options);
    const refs = request.entityRefs;
    const matches = request.filter
      ? new Set(this.filterEntities(request.filter))
      : undefined;
    const found = refs.map(ref => {
      const e = this.byRef.get(lc(ref));
      return e && (!matches || matches.has(e)) ? e : undefined;
    });
    const returned = found.reduce((n, e) => n + (e ? 1 : 0), 0);
    await this.hop('getEntitiesByRefs', clientChunks(refs), returned, {
      refs: refs.length,
      fields: (request.fields ?? []).join(','),
    });
    return this.reply({ items: this.project(found, request.fields) });
  }

  async getEntityByRef(entityRef, options) {
    this.requireCredentials(options);
    const ref =
      typeof entityRef === 'string'
        ? entityRef
        : `${entityRef.kind}:${entityRef.namespace ?? 'default'}/${
            entityRef.name
          }`;
    const e = this.byRef.get(lc(ref));
    await this.hop('getEntityByRef', 1, e ? 1 : 0, { refs: 1 });
    return this.reply(e ? this.project([e])[0] : undefined);
  }

  async getEntities(request = {}, options) {
    this.requireCredentials(options);
    let items = this.filterEntities(request.filter);
    const offset = request.offset ?? 0;
    if (offset || request.limit !== undefined) {
      items = items.slice(
        offset,
        request.limit === undefined ? undefined : offset + request.limit,
      );
    }
    await this.hop('getEntities', 1, items.length, {});
    return this.reply({ items: this.project(items, request.fields) });
  }

  async queryEntities(request = {}, options) {
    this.requireCredentials(options);
    let state;
    if (request.cursor) {
      state = JSON.parse(Buffer.from(request.cursor, 'base64url').toString());
    } else {
      state = { filter: request.filter, offset: 0 };
    }
    const limit = request.limit ?? 20;
    const all = this.filterEntities(state.filter);
    const page = all.slice(state.offset, state.offset + limit);
    const nextOffset = state.offset + page.length;
    const nextCursor =
      nextOffset < all.length
        ? Buffer.from(
            JSON.stringify({ filter: state.filter, offset: nextOffset }),
          ).toString('base64url')
        : undefined;
    await this.hop('queryEntities', 1, page.length, {});
    return this.reply({
      items: this.project(page, request.fields),
      totalItems: all.length,
      pageInfo: {
        ...(nextCursor ? { nextCursor } : {}),
        ...(state.offset > 0 ? { prevCursor: 'prev' } : {}),
      },
    });
  }
}
