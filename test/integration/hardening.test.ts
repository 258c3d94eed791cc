import { loadOperationRegistry, sha256 } from '../../src/server/hardening';
import { createHubServer } from '../../src/server/app';
import { startTestApp, type TestApp } from '../support/harness';
import { creditorWithKey } from '../support/factories';
import { liveClient } from '../support/live';
import type { Client } from 'graphql-ws';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('query limits', () => {
  let app: TestApp;
  let key: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { MAX_DEPTH: '4', MAX_COMPLEXITY: '200', MAX_ALIASES: '3' } });
    ({ key } = await creditorWithKey(app.db));
  });
  afterAll(() => app.stop());

  it('refuses a query deeper than the limit, saying so', async () => {
    const res = await app.gql('{ cases { edges { node { debtor { name } } } } }', {}, key);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringMatching(/too deep: depth 5 exceeds the limit of 4/) });
  });

  it('refuses a query more complex than the limit', async () => {
    const res = await app.gql('{ cases(first: 100) { edges { node { claims { invoiceNumber amount { amount } } } } } }', {}, key);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringMatching(/too (complex|deep)/) });
  });

  it('refuses too many aliases', async () => {
    const res = await app.gql('{ a: service { name } b: service { name } c: service { name } d: service { name } }', {}, key);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: 'The operation uses more than 3 aliases; split it into several requests.' });
    expect((await app.gql('{ a: service { name } b: service { name } }', {}, key)).status).toBe(200);
  });
});

describe('rate limits', () => {
  let app: TestApp;
  afterEach(() => app.stop());

  it('gives each key a token bucket: over budget answers 429 with Retry-After, refilling with time', async () => {
    app = await startTestApp({ env: { RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_MINUTE: '60' } });
    const { key } = await creditorWithKey(app.db);
    const other = await creditorWithKey(app.db);
    for (let i = 0; i < 3; i++) expect((await post(app.url, { query: '{ service { name } }' }, { authorization: `Bearer ${key}` })).status).toBe(200);
    const refused = await post(app.url, { query: '{ service { name } }' }, { authorization: `Bearer ${key}` });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } });
    expect((await app.gql('{ service { name } }', {}, other.key)).status).toBe(200); // another key has its own bucket
    app.clock.set(new Date(app.clock.now().getTime() + 1000)); // one token a second at 60/min
    expect((await app.gql('{ service { name } }', {}, key)).status).toBe(200);
  });

  it('spends the caller’s address budget on bad keys, so guessing keys meets 429s', async () => {
    app = await startTestApp({ env: { RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_MINUTE: '60' } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await post(app.url, { query: '{ service { name } }' }, { authorization: `Bearer ih_guess${String(i).padStart(8, '0')}_${'x'.repeat(40)}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('shares the budget across instances through Redis', async () => {
    app = await startTestApp({ env: { RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_MINUTE: '60', REDIS_URL: 'redis://127.0.0.1:6379' } });
    const { key } = await creditorWithKey(app.db);
    const second = await createHubServer(app.deps);
    const port = await second.listen(0, '127.0.0.1');
    try {
      const ask = (url: string) => post(url, { query: '{ service { name } }' }, { authorization: `Bearer ${key}` });
      expect((await ask(app.url)).status).toBe(200);
      expect((await ask(`http://127.0.0.1:${port}/graphql`)).status).toBe(200);
      expect((await ask(app.url)).status).toBe(429);
      expect((await ask(`http://127.0.0.1:${port}/graphql`)).status).toBe(429);
    } finally {
      await second.stop();
    }
  });
});

describe('registered operations', () => {
  let app: TestApp;
  let key: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { PERSISTED_OPERATIONS_ONLY: 'true' } });
    ({ key } = await creditorWithKey(app.db));
  });
  afterAll(() => app.stop());

  it('runs a registered operation sent by its sha256 hash alone', async () => {
    const registry = loadOperationRegistry();
    const [hash, text] = [...registry.entries()].find(([, t]) => t.startsWith('query Viewer'))!;
    expect(hash).toBe(sha256(text));
    const res = await post(app.url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, { authorization: `Bearer ${key}` });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.viewer.kind).toBe('CREDITOR');
  });

  it('refuses anything else in allowlist mode, and an unknown hash always', async () => {
    const adHoc = await post(app.url, { query: '{ service { name } }' }, { authorization: `Bearer ${key}` });
    expect(adHoc.status).toBe(400);
    expect(((await adHoc.json()) as any).errors[0].extensions.code).toBe('OPERATION_NOT_REGISTERED');
    const unknown = await post(app.url, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }, { authorization: `Bearer ${key}` });
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('browser-facing defaults', () => {
  let app: TestApp;
  afterEach(() => app.stop());

  it('answers CORS preflights only for configured origins', async () => {
    app = await startTestApp({ env: { CORS_ORIGINS: 'https://portal.example.nl' } });
    const allowed = await fetch(app.url, { method: 'OPTIONS', headers: { origin: 'https://portal.example.nl', 'access-control-request-method': 'POST' } });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.nl');
    const other = await fetch(app.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('turns introspection off when configured (the production default)', async () => {
    app = await startTestApp({ env: { INTROSPECTION: 'false' } });
    const { key } = await creditorWithKey(app.db);
    const res = await app.gql('{ __schema { types { name } } }', {}, key);
    expect(res.body.errors?.[0].message).toMatch(/introspection is not allowed/i);
  });
});

describe('the same guards on graphql-ws', () => {
  let app: TestApp;
  afterEach(() => app.stop());

  const subscribeOnce = (client: Client, query: string) =>
    new Promise<unknown[]>((resolve) => {
      const stop = client.subscribe({ query }, { next: () => undefined, error: (err) => { stop(); resolve(Array.isArray(err) ? err : [err]); }, complete: () => resolve([]) });
    });

  it('spends the key’s rate budget on every operation started on a socket', async () => {
    app = await startTestApp({ env: { RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_MINUTE: '60' } });
    const { key } = await creditorWithKey(app.db);
    const live = liveClient(app.url, key);
    try {
      const query = 'subscription { caseStatusChanged { toStatus } }';
      const stops = [live.client.subscribe({ query }, { next: () => undefined, error: () => undefined, complete: () => undefined })];
      stops.push(live.client.subscribe({ query }, { next: () => undefined, error: () => undefined, complete: () => undefined }));
      const refused = await subscribeOnce(live.client, query);
      expect(refused[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
      stops.forEach((s) => s());
    } finally {
      await live.client.dispose();
    }
  });

  it('runs only registered operations in allowlist mode', async () => {
    app = await startTestApp({ env: { PERSISTED_OPERATIONS_ONLY: 'true' } });
    const { key } = await creditorWithKey(app.db);
    const live = liveClient(app.url, key);
    try {
      const refused = await subscribeOnce(live.client, 'subscription { caseStatusChanged { toStatus } }');
      expect(refused[0]).toMatchObject({ extensions: { code: 'OPERATION_NOT_REGISTERED' } });
    } finally {
      await live.client.dispose();
    }
  });
});
