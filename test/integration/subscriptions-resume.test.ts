import { CaseEventStream } from '../../src/events/stream';
import {
  DisputeCaseDocument, FollowCaseEventsDocument, ResolveDisputeDocument, WithdrawCaseDocument, type FollowCaseEventsSubscription,
} from '../../src/generated/operations';
import { startTestApp, type TestApp } from '../support/harness';
import { creditorWithKey } from '../support/factories';
import { dbId, submit } from '../support/cases';
import { liveClient, waitFor } from '../support/live';

/**
 * Resuming with `after`: stored events first, then live ones, with nothing lost and nothing
 * twice at the seam, even when new events are published while the stored ones are still being
 * sent. And a client too slow to keep up is cut off with a reason instead of growing our memory.
 *
 * To hold a subscription in its replay, the client stops reading its socket: once the kernel
 * buffers are full the server cannot send, and stops reading the database too. That takes a few
 * megabytes of events, hence the bulky payloads.
 */
const BULKY = { note: 'x'.repeat(8_000) };
const BULK_EVENTS = 1_500;

describe('resuming live case events', () => {
  let app: TestApp;
  const clients: ReturnType<typeof liveClient>[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await app?.stop();
  });

  /** A case with its submission events, plus bulky stored history, all already published. */
  async function caseWithHistory() {
    const { key } = await creditorWithKey(app.db);
    const c = (await submit(app, key)).case!;
    const row = await app.db.case.findUniqueOrThrow({ where: { id: dbId(c.id) } });
    for (let i = 0; i < BULK_EVENTS; i += 250) {
      await app.db.caseEvent.createMany({
        data: Array.from({ length: 250 }, () => ({ caseId: row.id, creditorId: row.creditorId, type: 'REMINDER_SENT', payload: BULKY, actorKind: 'SYSTEM' as const })),
      });
    }
    const last = await app.db.caseEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
    app.deps.events.nudge();
    await waitFor(async () => (await app.deps.events.store.publishedUpTo()) >= last.id, 'the history to be published');
    return { key, caseId: c.id, caseRowId: row.id };
  }

  /** Subscribes with `after` and stops reading as soon as the first event arrives. */
  async function stalledSubscriber(key: string, after: string) {
    let client: ReturnType<typeof liveClient> | undefined = undefined;
    let paused = false;
    client = liveClient(app.url, key, {
      onMessage: (type) => {
        if (type !== 'next' || paused) return;
        paused = true;
        client!.socket.pause();
      },
    });
    clients.push(client);
    const feed = client.subscribe(FollowCaseEventsDocument, { after });
    await waitFor(() => app.deps.events.hub.listeners.size === 1, 'the subscription');
    const stream = [...app.deps.events.hub.listeners][0] as CaseEventStream;
    expect(stream).toBeInstanceOf(CaseEventStream);
    // Stalled: still replaying, and no longer moving.
    let seen = -1;
    await waitFor(async () => {
      const now = stream.delivered;
      const still = now === seen;
      seen = now;
      await new Promise((r) => setTimeout(r, 100));
      return still;
    }, 'the replay to stall');
    expect(stream.state).toBe('replay');
    expect(stream.delivered).toBeLessThan(BULK_EVENTS);
    return { client, feed, stream };
  }

  it('sends every stored event after `after`, then the ones published during the replay, each once and in order', async () => {
    app = await startTestApp({ events: { replayPageSize: 50 } });
    const { key, caseId, caseRowId } = await caseWithHistory();
    const { client, feed, stream } = await stalledSubscriber(key, '0');

    // New events while the replay is held up: they must wait in the buffer, not be lost, and
    // not be sent twice when the replay reaches the point where live delivery took over.
    await app.gql(DisputeCaseDocument, { input: { caseId, reason: 'Wrong amount' } }, key);
    await app.gql(ResolveDisputeDocument, { input: { caseId, reason: 'Amount confirmed' } }, key);
    await app.gql(WithdrawCaseDocument, { input: { caseId, reason: 'Settled' } }, key);
    const expected = (await app.db.caseEvent.findMany({ where: { caseId: caseRowId }, orderBy: { id: 'asc' }, select: { id: true } })).map((e) => e.id.toString());
    await waitFor(() => stream.buffered >= 3, 'the new events to reach the buffer live');
    expect(stream.state).toBe('replay');

    client.socket.resume();
    const items = await feed.until((all) => all.at(-1)?.caseEvents.type === 'CASE_WITHDRAWN', 'the withdrawal', 20_000);
    const received = items.map((i: FollowCaseEventsSubscription) => i.caseEvents.sequence);
    expect(received).toEqual(expected);
    expect(new Set(received).size).toBe(received.length);
    expect(stream.state).toBe('live');
  });

  it('disconnects a client that reads too slowly with 4008 and a reason; it resumes with `after` and gets the rest exactly once', async () => {
    app = await startTestApp({ events: { replayPageSize: 50, bufferSize: 5 } });
    const { key, caseId, caseRowId } = await caseWithHistory();
    const { client, feed, stream } = await stalledSubscriber(key, '0');

    for (const reason of ['r1', 'r2', 'r3']) {
      await app.gql(DisputeCaseDocument, { input: { caseId, reason } }, key);
      await app.gql(ResolveDisputeDocument, { input: { caseId, reason } }, key);
    }
    await app.gql(WithdrawCaseDocument, { input: { caseId, reason: 'Settled' } }, key);
    await waitFor(() => stream.state === 'closed', 'the overflow');
    expect(stream.peakBuffered).toBe(5);
    expect(app.deps.events.hub.listeners.size).toBe(0); // its buffer is gone

    client.socket.resume();
    await waitFor(() => client.closes.length > 0, 'the close frame');
    expect(client.closes[0]).toEqual({ code: 4008, reason: 'Subscriber too slow: over 5 events waited. Reconnect and resume with after.' });
    const got = feed.items.map((i) => i.caseEvents.sequence);
    expect(got.length).toBeGreaterThan(0);

    const again = liveClient(app.url, key);
    clients.push(again);
    const rest = again.subscribe(FollowCaseEventsDocument, { after: got.at(-1)! });
    await rest.until((all) => all.at(-1)?.caseEvents.type === 'CASE_WITHDRAWN', 'the rest', 20_000);
    const expected = (await app.db.caseEvent.findMany({ where: { caseId: caseRowId }, orderBy: { id: 'asc' }, select: { id: true } })).map((e) => e.id.toString());
    expect([...got, ...rest.items.map((i) => i.caseEvents.sequence)]).toEqual(expected);
  });
});
