import mysql, { type Pool, type PoolConnection, type RowDataPacket } from 'mysql2/promise';

type Queryable = Pick<Pool, 'query'> | PoolConnection;
import type { CaseEvent } from '../generated/prisma/client';
import type { ActorKind } from '../generated/prisma/enums';
import type { LiveEvent } from './message';

/**
 * The event machinery's own small connection pool. It runs in the background of every instance,
 * so it stays off the request pool (and off the statement counts tests take of a request), and the
 * publisher needs a session of its own anyway: a MySQL named lock belongs to one connection.
 */
export class EventStore {
  readonly pool: Pool;
  readonly lockName: string;

  constructor(url: string) {
    const u = new URL(url);
    const database = decodeURIComponent(u.pathname.slice(1));
    this.pool = mysql.createPool({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username || 'root'),
      password: decodeURIComponent(u.password),
      database,
      connectionLimit: 3,
      connectTimeout: 5000,
      supportBigNumbers: true,
      bigNumberStrings: true,
      timezone: 'Z',
      multipleStatements: true,
    });
    // Named locks are server-wide, not per database: two deployments (or two test databases) on
    // one server must not take each other's publisher lock.
    this.lockName = `incasso_hub_event_publisher.${database}`.slice(0, 64);
  }

  /** A connection held for as long as the caller likes (the publisher's lock session). */
  dedicated(): Promise<PoolConnection> {
    return this.pool.getConnection();
  }

  /** The publisher's cursor: everything up to it is published (or was rolled back). */
  async publishedUpTo(conn: Queryable = this.pool): Promise<bigint> {
    const [rows] = await conn.query<RowDataPacket[]>('SELECT lastEventId FROM event_publisher_state WHERE id = 1');
    return rows.length ? BigInt(rows[0].lastEventId) : 0n;
  }

  /** Committed events with from < id <= to (to omitted: no upper bound), in id order. */
  async eventsBetween(conn: Queryable, from: bigint, to: bigint | undefined, limit: number): Promise<CaseEvent[]> {
    const [rows] = await conn.query<RowDataPacket[]>(
      `SELECT id, caseId, creditorId, type, payload, actorKind, actorKeyId, occurredAt FROM case_events
       WHERE id > ? ${to === undefined ? '' : 'AND id <= ?'} ORDER BY id LIMIT ?`,
      to === undefined ? [from.toString(), limit] : [from.toString(), to.toString(), limit],
    );
    return rows.map(toCaseEvent);
  }

  /** The partners assigned to each case right now, for partner keys' visibility of live events. */
  async withPartners(conn: Queryable, events: CaseEvent[]): Promise<LiveEvent[]> {
    if (events.length === 0) return [];
    const caseIds = [...new Set(events.map((e) => e.caseId))];
    const [rows] = await conn.query<RowDataPacket[]>(
      'SELECT caseId, partnerId FROM partner_assignments WHERE endedAt IS NULL AND caseId IN (?)',
      [caseIds],
    );
    const byCase = new Map<string, string[]>();
    for (const r of rows) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r.partnerId]);
    return events.map((event) => ({ event, partnerIds: byCase.get(event.caseId) ?? [] }));
  }

  /** Of these key ids, the ones that still work (exist and are not revoked). */
  async liveKeyIds(keyIds: string[]): Promise<Set<string>> {
    if (keyIds.length === 0) return new Set();
    const [rows] = await this.pool.query<RowDataPacket[]>('SELECT id FROM api_keys WHERE revokedAt IS NULL AND id IN (?)', [keyIds]);
    return new Set(rows.map((r) => String(r.id)));
  }

  /**
   * Whether any id in [from, to] exists in any state, committed or not: a read-uncommitted look
   * shows the rows of transactions still running, which is how the publisher tells "not committed
   * yet" (wait for it) from "rolled back" (the id will never appear). Runs on the caller's session.
   */
  async anyRowIn(conn: PoolConnection, from: bigint, to: bigint): Promise<boolean> {
    const results = (await conn.query(
      `SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED;
       SELECT id FROM case_events WHERE id BETWEEN ? AND ? LIMIT 1;
       SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;`,
      [from.toString(), to.toString()],
    ))[0] as unknown as [unknown, RowDataPacket[], unknown];
    return results[1].length > 0;
  }

  async saveCursor(conn: PoolConnection, upTo: bigint): Promise<void> {
    await conn.query(
      `INSERT INTO event_publisher_state (id, lastEventId, updatedAt) VALUES (1, ?, NOW(3))
       ON DUPLICATE KEY UPDATE lastEventId = GREATEST(lastEventId, VALUES(lastEventId)), updatedAt = NOW(3)`,
      [upTo.toString()],
    );
  }

  /** Tries the publisher lock without waiting: true when this connection now holds it. */
  async tryLock(conn: PoolConnection): Promise<boolean> {
    const [rows] = await conn.query<RowDataPacket[]>('SELECT GET_LOCK(?, 0) AS got', [this.lockName]);
    return Number(rows[0]?.got) === 1;
  }

  async unlock(conn: PoolConnection): Promise<void> {
    await conn.query('SELECT RELEASE_LOCK(?)', [this.lockName]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function toCaseEvent(r: RowDataPacket): CaseEvent {
  return {
    id: BigInt(r.id),
    caseId: r.caseId,
    creditorId: r.creditorId,
    type: r.type,
    // MariaDB keeps JSON as text; MySQL 8 hands it over parsed.
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    actorKind: r.actorKind as ActorKind,
    actorKeyId: r.actorKeyId ?? null,
    occurredAt: r.occurredAt instanceof Date ? r.occurredAt : new Date(`${r.occurredAt}Z`),
  };
}
