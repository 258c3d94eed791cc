import { FollowCaseEventsDocument, FollowCaseStatusDocument, RevokeApiKeyDocument } from '../../src/generated/operations';
import { MAX_SUBSCRIPTIONS_PER_SOCKET } from '../../src/server/websocket';
import { startTestApp, type TestApp } from '../support/harness';
import { createKey, creditorWithKey } from '../support/factories';
import { submit } from '../support/cases';
import { liveClient, waitFor } from '../support/live';

/** The socket itself: who may keep one open, and what a client is told when it is closed. */
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

describe('graphql-ws connections', () => {
  let app: TestApp | undefined;
  const clients: ReturnType<typeof liveClient>[] = [];
  const connect = (key?: string, retryAttempts = 0) => {
    const c = liveClient(app!.url, key, { retryAttempts });
    clients.push(c);
    return c;
  };
  const listening = (n: number) => waitFor(() => app!.deps.events.hub.listeners.size === n, `${n} live subscriptions`);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await app?.stop();
    app = undefined;
  });

  it('refuses a bad key with 4401, which graphql-ws clients do not retry', async () => {
    app = await startTestApp();
    const client = connect('ih_aaaaaaaaaaaa_not-a-real-key-not-a-real-key-000000', 3);
    const feed = client.subscribe(FollowCaseStatusDocument, {});
    await waitFor(() => feed.errors.length > 0, 'the refusal');
    expect(client.closes).toEqual([{ code: 4401, reason: 'Unauthorized: the API key is missing, malformed, unknown or revoked' }]);
    expect(client.connections).toBe(0);
  });

  it('closes the sockets of a key revoked through the API with 4403; the retry is refused with 4401', async () => {
    app = await startTestApp({ events: { keyRecheckMs: 100 } });
    const { creditor, key } = await creditorWithKey(app.db);
    const other = await createKey(app.db, { kind: 'CREDITOR', creditorId: creditor.id });
    const staff = await createKey(app.db, { kind: 'STAFF' }, 'read,write,admin');
    const revoked = connect(key, 3);
    const kept = connect(other.key);
    const doomed = revoked.subscribe(FollowCaseEventsDocument, {});
    const survivor = kept.subscribe(FollowCaseEventsDocument, {});
    await listening(2);

    const keyRow = await app.db.apiKey.findFirstOrThrow({ where: { creditorId: creditor.id, id: { not: other.id } } });
    const res = await app.gql(RevokeApiKeyDocument, { input: { apiKeyId: globalId('ApiKey', keyRow.id) } }, staff.key);
    expect(res.body.data?.apiKeyRevoke.errors).toEqual([]);
    await waitFor(() => revoked.closes.length >= 2, 'the revoked socket to close and its retry to be refused');
    expect(revoked.closes).toEqual([
      { code: 4403, reason: 'Forbidden: the API key was revoked' },
      { code: 4401, reason: 'Unauthorized: the API key is missing, malformed, unknown or revoked' },
    ]);
    await waitFor(() => doomed.errors.length > 0, 'the subscription to end');
    await listening(1);

    // The creditor's other key is unaffected and still gets events.
    await submit(app, other.key);
    await survivor.until((items) => items.length === 2, 'events on the other key');
  });

  it('closes at once on a revoke notification, without waiting for the periodic check', async () => {
    app = await startTestApp({ events: { keyRecheckMs: 60_000 } });
    const { creditor, key } = await creditorWithKey(app.db);
    const client = connect(key);
    client.subscribe(FollowCaseEventsDocument, {});
    await listening(1);
    const row = await app.db.apiKey.findFirstOrThrow({ where: { creditorId: creditor.id } });
    await app.db.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await app.deps.events.announceKeyRevoked(row.id);
    await waitFor(() => client.closes.length > 0, 'the close', 2_000);
    expect(client.closes[0].code).toBe(4403);
  });

  it('drops a socket that stops answering pings, and keeps a quiet healthy one', async () => {
    app = await startTestApp({ events: { keepAliveMs: 100 } });
    const { key } = await creditorWithKey(app.db);
    const dead = connect(key);
    const quiet = connect(key);
    dead.subscribe(FollowCaseEventsDocument, {});
    const alive = quiet.subscribe(FollowCaseEventsDocument, {});
    await listening(2);
    dead.socket.pause(); // reads nothing more, so answers no ping

    await listening(1); // the dead one's subscription is cleaned up on the server
    await new Promise((r) => setTimeout(r, 500)); // five ping rounds
    await submit(app, key);
    await alive.until((items) => items.length === 2, 'events on the healthy socket');
    expect(quiet.closes).toEqual([]);
    dead.socket.resume();
    await waitFor(() => dead.closes.length > 0, 'the dead client to notice');
    expect(dead.closes[0].code).toBe(1006);
  });

  it('caps the operations one connection may run at once', async () => {
    app = await startTestApp();
    const { key } = await creditorWithKey(app.db);
    const client = connect(key);
    const feeds = Array.from({ length: MAX_SUBSCRIPTIONS_PER_SOCKET }, () => client.subscribe(FollowCaseStatusDocument, {}));
    await listening(MAX_SUBSCRIPTIONS_PER_SOCKET);
    const oneTooMany = client.subscribe(FollowCaseStatusDocument, {});
    await waitFor(() => oneTooMany.errors.length > 0, 'the refusal');
    expect(oneTooMany.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
    expect(feeds.every((f) => f.errors.length === 0)).toBe(true);
    expect(client.closes).toEqual([]);
  });

  it('says 1001 Going Away on shutdown, which clients retry (against another instance)', async () => {
    app = await startTestApp();
    const { key } = await creditorWithKey(app.db);
    const client = connect(key);
    client.subscribe(FollowCaseEventsDocument, {});
    await listening(1);
    await app.stop();
    app = undefined;
    await waitFor(() => client.closes.length > 0, 'the close');
    expect(client.closes[0].code).toBe(1001);
  });
});
