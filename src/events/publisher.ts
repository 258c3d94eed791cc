import type { PoolConnection } from 'mysql2/promise';
import type { Logger } from 'pino';
import type { CaseEvent } from '../generated/prisma/client';
import { describeFault } from '../logger';
import { encodeEvent } from './message';
import type { PubSub } from './pubsub';
import type { EventStore } from './store';

export type PublisherOptions = {
  /** How often the active publisher looks for events committed by other instances. */
  pollMs: number;
  /** How often a standby instance tries to take the publisher lock over. */
  lockRetryMs: number;
  /** How long a missing id must stay missing, with no uncommitted row behind it, to count as rolled back. */
  gapSettleMs: number;
  /** After this long waiting for an uncommitted id, the publisher logs an error and moves on. */
  gapMaxWaitMs: number;
  /** Events per read. */
  batchSize: number;
};

type Gap = { from: bigint; firstSeen: number; warned: boolean };

/**
 * Moves committed case events from the timeline (the outbox) to pub/sub, in id order, once.
 *
 * Exactly one instance publishes: the one holding a MySQL named lock; the others retry the lock,
 * so one takes over within `lockRetryMs` when the holder dies (its session ends, the lock goes).
 * The cursor lives in `event_publisher_state`, so a new holder carries on where the last stopped.
 *
 * Autoincrement ids are handed out at insert, not at commit: id 11 can be visible while id 10 is
 * still in a running transaction. Publishing past 10 would lose it for live subscribers (they
 * resume "after 11"). So at a gap the publisher looks again with READ UNCOMMITTED: a row there
 * means a transaction still holds the id (wait for its commit or rollback); no row for
 * `gapSettleMs` means it was rolled back and will never appear.
 */
export class EventPublisher {
  private conn: PoolConnection | undefined;
  private holding = false;
  private cursor = 0n;
  private stopped = true;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private nudged = false;
  private gap: Gap | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly pubsub: PubSub,
    private readonly logger: Logger,
    private readonly options: PublisherOptions,
  ) {}

  /** Whether this instance is the one publishing right now. */
  get active(): boolean {
    return this.holding;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Look now: something was just committed. */
  nudge(): void {
    this.nudged = true;
    if (this.holding) this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let delay = this.options.lockRetryMs;
      try {
        if (this.holding || (await this.acquire())) delay = await this.publishBatch();
      } catch (err) {
        this.warnOnce('event publisher lost its database session; retrying', err);
        this.dropConnection();
      }
      if (this.stopped) break;
      if (this.holding && this.nudged) {
        this.nudged = false;
        continue;
      }
      if (delay > 0) await this.sleep(delay);
    }
    await this.release();
  }

  private async acquire(): Promise<boolean> {
    if (!this.conn) {
      this.conn = await this.store.dedicated();
      await this.conn.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
    }
    if (!(await this.store.tryLock(this.conn))) return false;
    this.holding = true;
    this.cursor = await this.store.publishedUpTo(this.conn);
    this.gap = undefined;
    this.logger.info({ after: this.cursor.toString() }, 'event publisher active: this instance publishes case events');
    return true;
  }

  /** Publishes what is ready; returns how long to wait before looking again. */
  private async publishBatch(): Promise<number> {
    const conn = this.conn!;
    this.nudged = false;
    const rows = await this.store.eventsBetween(conn, this.cursor, undefined, this.options.batchSize);
    const ready: CaseEvent[] = [];
    let expected = this.cursor + 1n;
    let waitFor: number | undefined;
    for (const row of rows) {
      if (row.id !== expected) {
        waitFor = await this.gapWait(conn, expected, row.id - 1n);
        if (waitFor !== undefined) break;
      }
      ready.push(row);
      expected = row.id + 1n;
    }
    if (ready.length > 0) await this.publish(conn, ready);
    if (waitFor !== undefined) return waitFor;
    return rows.length === this.options.batchSize ? 0 : this.options.pollMs;
  }

  private async publish(conn: PoolConnection, events: CaseEvent[]): Promise<void> {
    const live = await this.store.withPartners(conn, events);
    let prev = this.cursor;
    const messages = live.map((l) => {
      const message = encodeEvent(l, prev);
      prev = l.event.id;
      return message;
    });
    try {
      // One connection delivers in the order sent, so these need not wait for each other.
      await Promise.all(messages.map((m) => this.pubsub.publish('case-events', m)));
    } catch (err) {
      // Pub/sub is the fast path, not the record: every instance reads what it did not receive
      // from the timeline within its resync interval, up to the cursor saved below.
      this.warnOnce('could not publish case events to pub/sub; instances read them from the database meanwhile', err);
    }
    // Saved after publishing: a crash in between publishes these again, and receivers drop
    // repeats by id. Saved before would lose them.
    await this.store.saveCursor(conn, prev);
    this.cursor = prev;
    this.logger.trace({ count: events.length, upTo: prev.toString() }, 'case events published');
  }

  /**
   * Ids from..to are missing below a committed event. Returns undefined when they are settled
   * (rolled back), or how long to wait before looking again.
   */
  private async gapWait(conn: PoolConnection, from: bigint, to: bigint): Promise<number | undefined> {
    const now = Date.now();
    if (this.gap?.from !== from) this.gap = { from, firstSeen: now, warned: false };
    const gap = this.gap;
    const waited = now - gap.firstSeen;
    if (await this.store.anyRowIn(conn, from, to)) {
      if (waited > this.options.gapMaxWaitMs) {
        this.logger.error(
          { from: from.toString(), to: to.toString(), waitedMs: waited },
          'case event still uncommitted after the maximum wait; publishing past it (it stays on the timeline, live subscribers miss it)',
        );
        this.gap = undefined;
        return undefined;
      }
      if (!gap.warned && waited > 5_000) {
        gap.warned = true;
        this.logger.warn({ from: from.toString(), to: to.toString() }, 'waiting for a long-running transaction before publishing further case events');
      }
      return this.options.pollMs;
    }
    if (waited < this.options.gapSettleMs) return Math.min(this.options.pollMs, this.options.gapSettleMs - waited);
    this.gap = undefined;
    return undefined;
  }

  private readonly warned = new Map<string, number>();
  /** An outage is one problem, not a log line per retry. */
  private warnOnce(message: string, err: unknown): void {
    const now = Date.now();
    if (now - (this.warned.get(message) ?? 0) < 10_000) return;
    this.warned.set(message, now);
    this.logger.warn({ fault: describeFault(err) }, message);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }

  private async release(): Promise<void> {
    const conn = this.conn;
    if (!conn) return;
    try {
      if (this.holding) await this.store.unlock(conn);
      conn.release();
    } catch {
      conn.destroy();
    }
    this.conn = undefined;
    this.holding = false;
  }

  private dropConnection(): void {
    // Ending the session is what frees the named lock for another instance.
    this.conn?.destroy();
    this.conn = undefined;
    this.holding = false;
  }
}
