import { startTestApp, type TestApp } from '../support/harness';
import { creditorWithKey } from '../support/factories';

describe('the HTTP surface', () => {
  let app: TestApp;
  let key: string;
  beforeAll(async () => {
    app = await startTestApp({ env: { MAX_BODY_BYTES: '4096' } });
    ({ key } = await creditorWithKey(app.db));
  });
  afterAll(() => app.stop());

  const base = () => app.url.replace('/graphql', '');
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('serves GraphQL with the caller as viewer', async () => {
    const { status, body } = await app.gql('{ service { name } viewer { kind scopes } }', {}, key);
    expect(status).toBe(200);
    expect(body.data).toEqual({ service: { name: 'Incasso Hub' }, viewer: { kind: 'CREDITOR', scopes: ['READ', 'WRITE'] } });
  });

  it('rejects malformed JSON with a clean 400', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    const body: any = await res.json();
    expect(body.errors[0]).toMatchObject({ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } });
    expect(body.errors[0].extensions.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('rejects an oversized body with 413', async () => {
    const res = await post(JSON.stringify({ query: `{ service { name } } # ${'x'.repeat(5000)}` }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].message).toMatch(/larger than the limit of 4096 bytes/);
  });

  it('refuses a mutation over GET', async () => {
    const res = await fetch(`${app.url}?query=${encodeURIComponent('mutation { __typename }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(res.status).toBe(405);
  });

  it('refuses a GET without a CSRF-safe header', async () => {
    const res = await fetch(`${app.url}?query=${encodeURIComponent('{ service { name } }')}`);
    expect(res.status).toBe(400);
  });

  it('reports an unknown operation name', async () => {
    const res = await post(JSON.stringify({ query: 'query A { service { name } }', operationName: 'B' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].message).toMatch(/Unknown operation named "B"/);
  });

  it('answers 401 for an unknown, malformed or revoked key, the same way', async () => {
    const answers = await Promise.all(
      ['ih_abcdefabcdef_' + 'x'.repeat(40), 'nonsense', 'Basic abc'].map(async (auth) => {
        const res = await post(JSON.stringify({ query: '{ service { name } }' }), { authorization: auth.startsWith('Basic') ? auth : `Bearer ${auth}` });
        return { status: res.status, body: (await res.json()) as any };
      }),
    );
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const row = await app.db.apiKey.findFirstOrThrow({ where: { prefix: key.split('_')[1] } });
    await app.db.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    const revoked = await app.gql('{ service { name } }', {}, key);
    expect(revoked.status).toBe(401);
  });

  it('answers a bad page size or a foreign cursor as the caller’s mistake, naming it', async () => {
    const fresh = (await creditorWithKey(app.db)).key; // the key above was revoked by an earlier test
    for (const args of ['first: -1', 'after: "not-a-cursor"']) {
      const { status, body } = await app.gql(`{ cases(${args}) { totalCount } }`, {}, fresh);
      expect(status).toBe(200);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, path: ['cases'] });
      expect(body.errors?.[0].message).not.toMatch(/internal/i);
    }
  });

  it('checks argument rules before resolving, naming the argument', async () => {
    const fresh = (await creditorWithKey(app.db)).key;
    const { body } = await app.gql(`{ cases(filter: { referenceContains: "${'x'.repeat(65)}" }) { totalCount } }`, {}, fresh);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors?.[0].message).toMatch(/referenceContains is longer than a reference can be/);
  });

  it('echoes a safe incoming request id and makes one otherwise', async () => {
    const res = await post(JSON.stringify({ query: '{ service { name } }' }), { 'x-request-id': 'trace-123' });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    const other = await post(JSON.stringify({ query: '{ service { name } }' }), { 'x-request-id': 'bad id with spaces' });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
