import mysql from 'mysql2/promise';
import {
  AssignCasePartnerDocument, DisputeCaseDocument, FollowCaseEventsDocument, FollowCaseStatusDocument, WithdrawCaseDocument,
  type FollowCaseEventsSubscription,
} from '../../src/generated/operations';
import { createEvents } from '../../src/events';
import { startTestApp, type TestApp } from '../support/harness';
import { createKey, createPartner, creditorWithKey } from '../support/factories';
import { dbId, submit } from '../support/cases';
import { liveClient, waitFor, type Feed } from '../support/live';
import { testDatabaseUrl } from '../support/databases';

/**
 * Live case events over graphql-ws through the real server: who sees what, filters, and the
 * publisher's promises (nothing lost when it was down, nothing out of order around a transaction
 * that commits late).
 */
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const sequences = (feed: Feed<FollowCaseEventsSubscription>) => feed.items.map((i) => BigInt(i.caseEvents.sequence));

describe('live case events', () => {
  let app: TestApp;
  const clients: ReturnType<typeof liveClient>[] = [];
  const connect = (key?: string) => {
    const c = liveClient(app.url, key);
    clients.push(c);
    return c;
  };
  const listening = (n: number) => waitFor(() => app.deps.events.hub.listeners.size === n, `${n} live subscriptions`);

  beforeEach(async () => {
    app = await startTestApp({ events: { gapSettleMs: 200, resyncMs: 300 } });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await app.stop();
  });

  it('reaches the owning creditor and staff as it commits, never another creditor', async () => {
    const a = await creditorWithKey(app.db);
    const b = await creditorWithKey(app.db);
    const staff = await createKey(app.db, { kind: 'STAFF' }, 'read');
    const feedA = connect(a.key).subscribe(FollowCaseEventsDocument, {});
    const feedB = connect(b.key).subscribe(FollowCaseEventsDocument, {});
    const feedStaff = connect(staff.key).subscribe(FollowCaseEventsDocument, {});
    await listening(3);

    const caseA = (await submit(app, a.key)).case!;
    await feedA.until((items) => items.length === 2, 'creditor A to get its two events');
    expect(feedA.items.map((i) => i.caseEvents.type)).toEqual(['CASE_SUBMITTED', 'WIK_NOTICE_SENT']);
    expect(sequences(feedA)[1]).toBeGreaterThan(sequences(feedA)[0]);

    // B's own case is the barrier: events arrive in sequence order, so had A's reached B, they
    // would have come first.
    await submit(app, b.key);
    await feedB.until((items) => items.length === 2, 'creditor B to get its own two events');
    const stored = await app.db.caseEvent.findMany({ where: { caseId: dbId(caseA.id) } });
    expect(feedB.items.map((i) => i.caseEvents.sequence)).not.toEqual(expect.arrayContaining(stored.map((e) => e.id.toString())));
    expect(feedB.items.every((i) => !stored.some((e) => e.id.toString() === i.caseEvents.sequence))).toBe(true);

    await feedStaff.until((items) => items.length === 4, 'staff to see all four events');
    expect(feedStaff.items.map((i) => i.caseEvents.sequence)).toEqual([...feedA.items, ...feedB.items].map((i) => i.caseEvents.sequence).sort());
    // The event resolves like the CaseEvent node of the timeline, payload and all.
    expect(JSON.parse(feedA.items[0].caseEvents.data)).toMatchObject({ principal: '1000.00', claims: 1 });
    expect(feedA.items[0].caseEvents).toMatchObject({ actorKind: 'CREDITOR', id: expect.any(String) });
  });

  it('filters by case and by kind of event', async () => {
    const { key } = await creditorWithKey(app.db);
    const first = (await submit(app, key)).case!;
    const second = (await submit(app, key)).case!;
    const client = connect(key);
    const onlyFirst = client.subscribe(FollowCaseEventsDocument, { caseIds: [first.id] });
    const onlyWithdrawals = client.subscribe(FollowCaseEventsDocument, { types: ['CASE_WITHDRAWN'] });
    await listening(2);

    await app.gql(DisputeCaseDocument, { input: { caseId: second.id, reason: 'Never ordered' } }, key);
    await app.gql(WithdrawCaseDocument, { input: { caseId: second.id, reason: 'Settled' } }, key);
    await app.gql(WithdrawCaseDocument, { input: { caseId: first.id, reason: 'Settled' } }, key);
    await onlyWithdrawals.until((items) => items.length === 2, 'both withdrawals');
    await onlyFirst.until((items) => items.length === 1, 'the first case’s withdrawal');
    expect(onlyFirst.items.map((i) => i.caseEvents.type)).toEqual(['CASE_WITHDRAWN']);
    expect(onlyWithdrawals.items.map((i) => i.caseEvents.type)).toEqual(['CASE_WITHDRAWN', 'CASE_WITHDRAWN']);

    // Unsubscribing (graphql-ws "complete") frees the server side at once, socket or not.
    onlyFirst.stop();
    await listening(1);
    onlyWithdrawals.stop();
    await listening(0);
  });

  it('shows a partner the status changes of the cases assigned to it, and nothing of its other tenants’ cases', async () => {
    const { key } = await creditorWithKey(app.db);
    const staff = await createKey(app.db, { kind: 'STAFF' }, 'read,write,admin');
    const partner = await createPartner(app.db);
    const partnerKey = await createKey(app.db, { kind: 'PARTNER', partnerId: partner.id }, 'read');
    const assigned = (await submit(app, key)).case!;
    const other = (await submit(app, key)).case!;
    const assignment = await app.gql(AssignCasePartnerDocument, { input: { caseId: assigned.id, partnerId: globalId('Partner', partner.id) } }, staff.key);
    expect(assignment.body.data?.caseAssignPartner.errors).toEqual([]);

    const client = connect(partnerKey.key);
    const changes = client.subscribe(FollowCaseStatusDocument, {});
    const events = client.subscribe(FollowCaseEventsDocument, {});
    await waitFor(() => events.errors.length > 0, 'caseEvents to be refused to a partner key');
    expect(JSON.stringify(events.errors)).toMatch(/FORBIDDEN|Not authorized/);
    await listening(1);

    await app.gql(WithdrawCaseDocument, { input: { caseId: other.id, reason: 'Paid directly' } }, key);
    await app.gql(WithdrawCaseDocument, { input: { caseId: assigned.id, reason: 'Paid directly' } }, key);
    const [change] = await changes.until((items) => items.length === 1, 'the assigned case’s status change');
    expect(change.caseStatusChanged).toMatchObject({
      cause: 'CASE_WITHDRAWN', fromStatus: 'WIK_NOTICE', toStatus: 'WITHDRAWN', case: { id: assigned.id, status: 'WITHDRAWN' },
    });
    // The other case's withdrawal came first; it would be here if the partner could see it.
    expect(changes.items).toHaveLength(1);
  });

  it('refuses bad arguments and a missing key with a clear error', async () => {
    const { key } = await creditorWithKey(app.db);
    const client = connect(key);
    const bad = client.subscribe(FollowCaseEventsDocument, { after: 'yesterday' });
    const notCases = client.subscribe(FollowCaseEventsDocument, { caseIds: [globalId('Partner', 'x')] });
    const anonymous = connect().subscribe(FollowCaseStatusDocument, {});
    await waitFor(() => bad.errors.length > 0 && notCases.errors.length > 0 && anonymous.errors.length > 0, 'three refusals');
    expect(bad.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/after must be a sequence/), extensions: { code: 'BAD_USER_INPUT' } })]);
    expect(notCases.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })]);
    expect(anonymous.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    expect(app.deps.events.hub.listeners.size).toBe(0);
  });

  it('loses nothing committed while no publisher ran: it catches up from the timeline when it starts', async () => {
    const { key } = await creditorWithKey(app.db);
    const feed = connect(key).subscribe(FollowCaseEventsDocument, {});
    await listening(1);
    await app.deps.events.publisher.stop(); // as if the process died between commit and publish

    const c = (await submit(app, key)).case!;
    await app.gql(DisputeCaseDocument, { input: { caseId: c.id, reason: 'Wrong address' } }, key);
    await new Promise((r) => setTimeout(r, app.deps.events.options.resyncMs + 200));
    expect(feed.items).toEqual([]); // committed, not yet published

    app.deps.events.publisher.start();
    await feed.until((items) => items.length === 3, 'the three events after the publisher restarted');
    const stored = await app.db.caseEvent.findMany({ where: { caseId: dbId(c.id) }, orderBy: { id: 'asc' } });
    expect(feed.items.map((i) => i.caseEvents.sequence)).toEqual(stored.map((e) => e.id.toString()));
  });

  it('fills in from the timeline what pub/sub lost, in order and once', async () => {
    await app.stop();
    app = await startTestApp({ events: { resyncMs: 60_000 } }); // only a hole in the chain can trigger a fill
    const { key } = await creditorWithKey(app.db);
    const c = (await submit(app, key)).case!;
    const feed = connect(key).subscribe(FollowCaseEventsDocument, {});
    await listening(1);

    // Another publisher takes over and publishes where this instance does not hear it, as when
    // Redis drops messages while a connection is down.
    await app.deps.events.publisher.stop();
    const elsewhere = createEvents({ config: app.deps.config, db: app.db, logger: app.deps.logger });
    await elsewhere.start();
    try {
      await app.gql(DisputeCaseDocument, { input: { caseId: c.id, reason: 'Unheard' } }, key);
      await waitFor(async () => (await app.deps.events.store.publishedUpTo()) >= (await app.db.caseEvent.findFirstOrThrow({ orderBy: { id: 'desc' } })).id, 'the other publisher');
      expect(feed.items).toEqual([]);
    } finally {
      await elsewhere.stop();
    }
    app.deps.events.publisher.start();
    await app.gql(WithdrawCaseDocument, { input: { caseId: c.id, reason: 'Heard' } }, key);
    await feed.until((items) => items.length === 2, 'the lost event, then the new one');
    expect(feed.items.map((i) => i.caseEvents.type)).toEqual(['CASE_DISPUTED', 'CASE_WITHDRAWN']);
  });

  it('delivers from the timeline within the resync interval when no message arrives at all', async () => {
    const { key } = await creditorWithKey(app.db);
    const feed = connect(key).subscribe(FollowCaseEventsDocument, {});
    await listening(1);
    await app.deps.events.publisher.stop();
    const elsewhere = createEvents({ config: app.deps.config, db: app.db, logger: app.deps.logger });
    await elsewhere.start();
    try {
      await submit(app, key);
      await feed.until((items) => items.length === 2, 'both events, read from the database');
      expect(feed.items.map((i) => i.caseEvents.type)).toEqual(['CASE_SUBMITTED', 'WIK_NOTICE_SENT']);
    } finally {
      await elsewhere.stop();
    }
  });

  it('holds back events behind a transaction that has not committed yet, then delivers both in order', async () => {
    const { key } = await creditorWithKey(app.db);
    const c = (await submit(app, key)).case!;
    const row = await app.db.case.findUniqueOrThrow({ where: { id: dbId(c.id) } });
    const feed = connect(key).subscribe(FollowCaseEventsDocument, {});
    await listening(1);

    const u = new URL(testDatabaseUrl());
    const connection = () => mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: u.username || 'root', database: u.pathname.slice(1) });
    const slow = await connection();
    const fast = await connection();
    const insert = (conn: mysql.Connection, type: string) =>
      conn.query("INSERT INTO case_events (caseId, creditorId, type, payload, actorKind, occurredAt) VALUES (?, ?, ?, '{}', 'SYSTEM', NOW(3))", [row.id, row.creditorId, type]);
    try {
      // The slow transaction takes the lower id; the fast one commits a higher id first.
      await slow.beginTransaction();
      await insert(slow, 'REMINDER_SENT');
      await insert(fast, 'CASE_DISPUTED');
      app.deps.events.nudge();
      await new Promise((r) => setTimeout(r, app.deps.events.options.gapSettleMs * 3));
      expect(feed.items).toEqual([]); // publishing the higher id now would lose the lower one
      await slow.commit();
      app.deps.events.nudge();
      await feed.until((items) => items.length === 2, 'both events');
      expect(feed.items.map((i) => i.caseEvents.type)).toEqual(['REMINDER_SENT', 'CASE_DISPUTED']);
      expect(sequences(feed)[0]).toBeLessThan(sequences(feed)[1]);

      // A rolled-back id never appears: the publisher moves past it once it has settled.
      await slow.beginTransaction();
      await insert(slow, 'REMINDER_SENT');
      await insert(fast, 'DISPUTE_RESOLVED');
      await slow.rollback();
      app.deps.events.nudge();
      await feed.until((items) => items.length === 3, 'the event after the rolled-back one');
      expect(feed.items[2].caseEvents.type).toBe('DISPUTE_RESOLVED');
    } finally {
      await slow.end();
      await fast.end();
    }
  });
});
