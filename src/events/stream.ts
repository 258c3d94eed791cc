import type { Logger } from 'pino';
import type { Db, Prisma } from '../db/client';
import type { CaseEvent } from '../generated/prisma/client';
import { visibleCases } from '../auth/visibility';
import type { Viewer } from '../auth/viewer';
import type { CaseEventHub, LiveSink } from './hub';
import type { LiveEvent } from './message';

/** What a subscriber asked for. Empty sets are not used: undefined means "all". */
export type EventFilter = {
  caseIds?: ReadonlySet<string>;
  types?: ReadonlySet<string>;
  /** Only events that moved a case to another status. */
  statusChanges?: boolean;
};

/** How a stream ends a connection it cannot serve any more. */
export type SocketHandle = { close(code: number, reason: string): void };

/**
 * Close codes of the WebSocket endpoint, for clients. 4401 and 4403 are graphql-ws's own
 * meanings; the others are retried by graphql-ws clients, which then resume with `after`.
 */
export const CLOSE_CODES = {
  /** Missing, malformed, unknown or revoked key at connection time. graphql-ws clients do not retry. */
  UNAUTHORIZED: 4401,
  /** The key was revoked while connected. */
  KEY_REVOKED: 4403,
  /** The client read too slowly: more events waited than a subscription may buffer. */
  SLOW_CONSUMER: 4008,
  /** The server could not vouch for an unbroken sequence (pub/sub and database both failed). */
  INTERRUPTED: 1013,
  /** The server is shutting down; connect again (to another instance). */
  GOING_AWAY: 1001,
} as const;

export class StreamEnded extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
    this.name = 'StreamEnded';
  }
}

export type StreamOptions = { bufferSize: number; pageSize: number };

export type StreamArgs = {
  db: Db;
  hub: CaseEventHub;
  logger: Logger;
  viewer: Viewer;
  filter: EventFilter;
  /** Resume after this sequence: first the stored events after it, then live ones. */
  after?: bigint;
  options: StreamOptions;
  socket?: SocketHandle;
};

/** Whether this viewer may see this event: the tenant walls, applied to a live message. */
export function mayView(viewer: Viewer, live: LiveEvent): boolean {
  switch (viewer.kind) {
    case 'STAFF':
      return true;
    case 'CREDITOR':
      return live.event.creditorId === viewer.creditorId;
    case 'PARTNER':
      return live.partnerIds.includes(viewer.partnerId);
    default:
      return false;
  }
}

export function isStatusChange(event: CaseEvent): boolean {
  const p = event.payload as Record<string, unknown> | null;
  return typeof p?.toStatus === 'string' && typeof p.fromStatus === 'string' && p.toStatus !== p.fromStatus;
}

/**
 * One subscription's events: stored ones after `after`, then live ones, without a gap or a
 * repeat at the seam.
 *
 * It listens live before it reads the database, buffering. The database is read only up to the
 * hub's watermark, the point up to which every event is settled; everything later reaches the
 * buffer live. Then the buffer is drained, skipping ids already handed out. The buffer is bounded:
 * a client that reads too slowly is disconnected (4008) and resumes with `after`, instead of
 * growing the server's memory.
 *
 * A hand-written iterator, not an async generator: a generator waiting for the next live event
 * would not see `return()` until that event came, so an unsubscribe could hang on forever.
 */
export class CaseEventStream implements AsyncIterableIterator<CaseEvent>, LiveSink {
  private phase: 'replay' | 'live' | 'closed';
  private readonly live: CaseEvent[] = [];
  private page: CaseEvent[] = [];
  private pageWasFull = true;
  private watermark: bigint | undefined;
  /** Where reading the database has got to. */
  private readFrom: bigint;
  /** The last id handed out; nothing at or below it goes out again. */
  private last: bigint;
  private waiting: { resolve: (r: IteratorResult<CaseEvent>) => void; reject: (err: unknown) => void } | undefined;
  private ended: StreamEnded | undefined;
  private readonly unlisten: () => void;
  /** Handed to the client so far. */
  delivered = 0;
  /** The most live events that ever waited in the buffer. */
  peakBuffered = 0;

  constructor(private readonly args: StreamArgs) {
    this.phase = args.after === undefined ? 'live' : 'replay';
    this.last = args.after ?? 0n;
    this.readFrom = this.last;
    this.unlisten = args.hub.listen(this);
  }

  get state(): 'replay' | 'live' | 'closed' {
    return this.phase;
  }

  get buffered(): number {
    return this.live.length;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  deliver(live: LiveEvent): void {
    if (this.phase === 'closed' || !mayView(this.args.viewer, live) || !this.matches(live.event)) return;
    if (this.phase === 'live' && live.event.id <= this.last) return;
    if (this.waiting && this.phase === 'live') {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting.resolve(this.hand(live.event));
      return;
    }
    if (this.live.length >= this.args.options.bufferSize) {
      this.end(
        CLOSE_CODES.SLOW_CONSUMER,
        `Subscriber too slow: over ${this.args.options.bufferSize} events waited. Reconnect and resume with after.`,
      );
      return;
    }
    this.live.push(live.event);
    this.peakBuffered = Math.max(this.peakBuffered, this.live.length);
  }

  interrupted(reason: string): void {
    this.end(CLOSE_CODES.INTERRUPTED, reason);
  }

  async next(): Promise<IteratorResult<CaseEvent>> {
    try {
      return await this.advance();
    } catch (err) {
      // graphql-js does not call return() when next() fails; without this the hub would keep
      // feeding a subscription nobody reads.
      this.close();
      throw err;
    }
  }

  private async advance(): Promise<IteratorResult<CaseEvent>> {
    while (this.phase === 'replay') {
      const stored = this.page.shift();
      if (stored) return this.hand(stored);
      if (!this.pageWasFull) {
        // Storage has served everything up to the watermark; what the buffer holds up to there
        // came from the database already (or is not for this subscriber either way).
        if (this.watermark !== undefined && this.watermark > this.last) this.last = this.watermark;
        this.phase = 'live';
        break;
      }
      await this.readPage();
    }
    if (this.phase === 'closed') return this.finished();
    for (let event = this.live.shift(); event; event = this.live.shift()) {
      if (event.id > this.last) return this.hand(event);
    }
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  async return(): Promise<IteratorResult<CaseEvent>> {
    this.close();
    return { done: true, value: undefined };
  }

  async throw(err: unknown): Promise<IteratorResult<CaseEvent>> {
    this.close();
    throw err;
  }

  private async readPage(): Promise<void> {
    this.watermark ??= await this.args.hub.watermark();
    const { pageSize } = this.args.options;
    const rows = await this.args.db.caseEvent.findMany({
      where: { ...this.replayWhere(), id: { gt: this.readFrom, lte: this.watermark } },
      orderBy: { id: 'asc' },
      take: pageSize,
    });
    if (this.phase !== 'replay') return;
    this.pageWasFull = rows.length === pageSize;
    if (rows.length > 0) this.readFrom = rows[rows.length - 1].id;
    // The status filter looks into the payload; pages are small, so it is applied here, not in SQL.
    this.page = this.args.filter.statusChanges ? rows.filter(isStatusChange) : rows;
  }

  private replayWhere(): Prisma.CaseEventWhereInput {
    const { viewer, filter } = this.args;
    return {
      // The creditor's own column first: it is indexed with the id.
      ...(viewer.kind === 'CREDITOR' ? { creditorId: viewer.creditorId } : {}),
      ...(viewer.kind === 'STAFF' ? {} : { case: visibleCases(viewer) }),
      ...(filter.caseIds ? { caseId: { in: [...filter.caseIds] } } : {}),
      ...(filter.types ? { type: { in: [...filter.types] } } : {}),
    };
  }

  private matches(event: CaseEvent): boolean {
    const { caseIds, types, statusChanges } = this.args.filter;
    return (!caseIds || caseIds.has(event.caseId)) && (!types || types.has(event.type)) && (!statusChanges || isStatusChange(event));
  }

  private hand(event: CaseEvent): IteratorResult<CaseEvent> {
    this.last = event.id;
    this.delivered += 1;
    return { done: false, value: event };
  }

  private finished(): IteratorResult<CaseEvent> {
    if (this.ended && !this.args.socket) {
      const ended = this.ended;
      this.ended = undefined;
      throw ended;
    }
    return { done: true, value: undefined };
  }

  /**
   * Ends the stream for a reason the client must hear. Over a socket the close frame says it
   * (the whole connection goes: a client that cannot keep up with one subscription cannot with
   * the others either); without one, the iterator throws it.
   */
  private end(code: number, reason: string): void {
    if (this.phase === 'closed') return;
    this.args.logger.info({ code, reason, viewer: this.args.viewer.kind }, 'live case events ended by the server');
    const ended = new StreamEnded(code, reason);
    if (this.args.socket) {
      this.close();
      this.args.socket.close(code, reason);
      return;
    }
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting.reject(ended);
    else this.ended = ended;
    this.close();
  }

  private close(): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.unlisten();
    this.live.length = 0;
    this.page = [];
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve({ done: true, value: undefined });
  }
}
