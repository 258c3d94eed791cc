import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { verifySignature } from '../../src/webhooks/signing';
import { WebhookDispatcher } from '../../src/webhooks/dispatcher';
import { startTestApp, type TestApp } from '../support/harness';
import { creditorWithKey } from '../support/factories';
import { dbId, submit } from '../support/cases';

const HOOK = 'https://hooks.creditor.example/incasso';
type Received = { headers: Headers; body: string };

/** The creditor's receiver, mocked at the HTTP layer; each test sets how it answers. */
let answer: () => Promise<Response> | Response = () => new HttpResponse(null, { status: 204 });
const received: Received[] = [];
const receiver = setupServer(
  http.post(HOOK, async ({ request }) => {
    received.push({ headers: request.headers, body: await request.text() });
    return answer();
  }),
);

const CREATE = 'mutation($url: String!) { webhookEndpointCreate(input: { url: $url }) { errors { code field message } secret endpoint { id url active } } }';
const DELIVERIES = 'query($status: WebhookDeliveryStatus) { webhookDeliveries(first: 50, status: $status) { edges { node { id status attempts lastStatusCode lastError event { type } } } } }';

describe('outbound webhooks', () => {
  let app: TestApp;
  let key: string;
  let secret: string;
  let dispatcher: WebhookDispatcher;

  beforeAll(() => receiver.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => receiver.close());
  beforeEach(async () => {
    app = await startTestApp({ now: '2026-03-02T10:00:00Z' });
    ({ key } = await creditorWithKey(app.db));
    const created = (await app.gql(CREATE, { url: HOOK }, key)).body.data.webhookEndpointCreate;
    expect(created.errors).toEqual([]);
    secret = created.secret;
    dispatcher = new WebhookDispatcher(app.deps, { pollMs: 1000, batchSize: 50, timeoutMs: 300, claimMs: 60_000 });
    received.length = 0;
    answer = () => new HttpResponse(null, { status: 204 });
  });
  afterEach(() => app.stop());

  const deliveries = async (status?: string) => (await app.gql(DELIVERIES, { status }, key)).body.data.webhookDeliveries.edges.map((e: any) => e.node);
  const later = (seconds: number) => app.clock.set(new Date(app.clock.now().getTime() + seconds * 1000));

  it('delivers every event of the creditor’s cases, signed over timestamp and body, with the event id', async () => {
    const c = (await submit(app, key)).case!;
    expect(await dispatcher.runRound()).toEqual({ delivered: 2, retried: 0, dead: 0 });
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual(['CASE_SUBMITTED', 'WIK_NOTICE_SENT']);
    for (const r of received) {
      const body = JSON.parse(r.body);
      expect(verifySignature(secret, r.headers.get('incasso-signature')!, r.body, Math.floor(app.clock.now().getTime() / 1000))).toBe(true);
      expect(r.headers.get('incasso-event-id')).toBe(body.id);
      expect(body.case).toEqual({ id: c.id, creditorReference: c.creditorReference });
    }
    expect(verifySignature('whsec_wrong', received[0].headers.get('incasso-signature')!, received[0].body, Math.floor(app.clock.now().getTime() / 1000))).toBe(false);
    expect((await deliveries()).map((d: any) => d.status)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(await dispatcher.runRound()).toEqual({ delivered: 0, retried: 0, dead: 0 }); // nothing twice
  });

  it('retries a failing receiver with exponential backoff, then delivers', async () => {
    answer = () => new HttpResponse('down for maintenance', { status: 503 });
    await submit(app, key);
    expect(await dispatcher.runRound()).toEqual({ delivered: 0, retried: 2, dead: 0 });
    const [first] = await app.db.webhookDelivery.findMany({ orderBy: { eventId: 'asc' } });
    const waitMs = first.nextAttemptAt.getTime() - app.clock.now().getTime();
    expect(waitMs).toBeGreaterThanOrEqual(24_000); // 30 s ± 20%
    expect(waitMs).toBeLessThanOrEqual(36_000);
    expect(await dispatcher.runRound()).toEqual({ delivered: 0, retried: 0, dead: 0 }); // not due yet
    answer = () => new HttpResponse(null, { status: 200 });
    later(37);
    expect(await dispatcher.runRound()).toEqual({ delivered: 2, retried: 0, dead: 0 });
    expect(received).toHaveLength(4);
    expect(new Set(received.map((r) => r.headers.get('incasso-event-id'))).size).toBe(2); // same events again, same ids
  });

  it('treats a timeout as retryable', async () => {
    answer = async () => {
      await delay(1000);
      return new HttpResponse(null, { status: 200 });
    };
    await submit(app, key);
    expect((await dispatcher.runRound()).retried).toBe(2);
    expect((await app.db.webhookDelivery.findFirstOrThrow()).lastError).toMatch(/ECONNABORTED|timeout/i);
  });

  it('dead-letters a refused delivery, shows it, and sends it again on request', async () => {
    answer = () => new HttpResponse(null, { status: 410 });
    await submit(app, key);
    expect(await dispatcher.runRound()).toEqual({ delivered: 0, retried: 0, dead: 2 });
    const dead = await deliveries('DEAD');
    expect(dead).toHaveLength(2);
    expect(dead[0]).toMatchObject({ attempts: 1, lastStatusCode: 410, lastError: 'HTTP 410' });
    answer = () => new HttpResponse(null, { status: 200 });
    const again = (await app.gql('mutation($id: ID!) { webhookRedeliver(input: { deliveryId: $id }) { errors { code } delivery { status attempts } } }', { id: dead[0].id }, key)).body.data.webhookRedeliver;
    expect(again).toEqual({ errors: [], delivery: { status: 'PENDING', attempts: 0 } });
    expect(await dispatcher.runRound()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    const notDead = (await app.gql('mutation($id: ID!) { webhookRedeliver(input: { deliveryId: $id }) { errors { code } } }', { id: dead[0].id }, key)).body.data.webhookRedeliver;
    expect(notDead.errors[0].code).toBe('NOT_DEAD');
  });

  it('loses nothing when an instance dies mid-delivery: its claim expires and another sends it', async () => {
    await submit(app, key);
    await app.db.webhookDelivery.updateMany({ data: { claimToken: 'instance-that-died', claimedUntil: new Date(app.clock.now().getTime() + 60_000) } });
    const restarted = new WebhookDispatcher(app.deps, { pollMs: 1000, batchSize: 50, timeoutMs: 300, claimMs: 60_000 });
    expect((await restarted.runRound()).delivered).toBe(0);
    later(61);
    expect((await restarted.runRound()).delivered).toBe(2);
  });

  it('does not overwrite what another instance recorded after taking an expired claim over', async () => {
    await submit(app, key);
    answer = async () => {
      // While this round waits for the receiver, its claim expires and another instance takes the rows.
      await app.db.webhookDelivery.updateMany({ data: { claimToken: 'other-instance' } });
      return new HttpResponse(null, { status: 200 });
    };
    await dispatcher.runRound();
    const rows = await app.db.webhookDelivery.findMany();
    expect(rows.map((r) => [r.status, r.claimToken])).toEqual([['PENDING', 'other-instance'], ['PENDING', 'other-instance']]);
  });

  it('sends a creditor only its own cases’ events, and refuses endpoints that are not public https', async () => {
    const other = await creditorWithKey(app.db);
    await submit(app, other.key);
    expect(await dispatcher.runRound()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    for (const url of ['http://hooks.creditor.example/x', 'https://localhost/x', 'https://10.0.0.8/x', 'https://[::ffff:127.0.0.1]/x', 'https://[fd00::1]/x', 'https://100.64.0.1/x', 'https://user:pw@hooks.creditor.example/x', 'not a url']) {
      const res = (await app.gql(CREATE, { url }, key)).body.data.webhookEndpointCreate;
      expect(res.errors[0]).toMatchObject({ code: 'INVALID_URL', field: ['input', 'url'] });
    }
    expect(await app.db.webhookEndpoint.count()).toBe(1);
  });

  it('stops making deliveries for a disabled endpoint', async () => {
    const [endpoint] = (await app.gql('{ webhookEndpoints { id } }', {}, key)).body.data.webhookEndpoints;
    const res = (await app.gql('mutation($id: ID!) { webhookEndpointDisable(input: { endpointId: $id }) { errors { code } endpoint { active } } }', { id: endpoint.id }, key)).body.data.webhookEndpointDisable;
    expect(res).toEqual({ errors: [], endpoint: { active: false } });
    const c = (await submit(app, key)).case!;
    expect(await app.db.webhookDelivery.count({ where: { event: { caseId: dbId(c.id) } } })).toBe(0);
  });
});
