import { startTestApp, type TestApp } from '../support/harness';

describe('/readyz with Redis configured', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: `readyz-${process.pid}:` } });
  });
  afterAll(() => app.stop());

  it('reports the database and Redis', async () => {
    const ready = await fetch(app.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', redis: 'ok' });
  });
});
