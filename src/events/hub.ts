import type { Logger } from 'pino';
import { describeFault } from '../logger';
import { decodeEvent, type LiveEvent } from './message';
import type { PubSub } from './pubsub';
import type { EventStore } from './store';

/** Something in this process that follows live events: one GraphQL subscription. */
export interface LiveSink {
  deliver(live: LiveEvent): void;
  /** The hub could not guarantee an unbroken sequence; the sink should end and let the client resume. */
  interrupted(reason: string): void;
}

export type HubOptions = {
  /** How often the hub compares its position with the publisher's cursor (catches messages Redis dropped). */
  resyncMs: number;
  /** Events per database read when filling a gap. */
  pageSize: number;
  /** How long start() waits for the pub/sub subscription before going on without it. */
  subscribeWaitMs: number;
};

/**
 * The one pub/sub subscription of this process, fanned out to its GraphQL subscriptions. It hands
 * every event on once and in id order: repeats (a publisher that restarted) are dropped, and a hole
 * in the chain (a message Redis lost while reconnecting) is filled from the database first.
 */
export class CaseEventHub {
  private readonly sinks = new Set<LiveSink>();
  private last: bigint | undefined;
  private work: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly pubsub: PubSub,
    private readonly logger: Logger,
    private readonly options: HubOptions,
  ) {}

  async start(): Promise<void> {
    // Position first, then listen: messages that arrive meanwhile queue up behind it.
    this.serially(async () => {
      this.last = await this.store.publishedUpTo();
    });
    // Not waited for beyond a few seconds: with Redis down the instance still serves, and the
    // resync below delivers from the database until the subscription is through.
    const subscribed = this.pubsub.subscribe('case-events', (message) => this.serially(() => this.accept(message)));
    subscribed.then(
      (unsubscribe) => (this.stopped ? unsubscribe() : (this.unsubscribe = unsubscribe)),
      (err) => this.logger.error({ fault: describeFault(err) }, 'could not subscribe to live case events; delivering from the database only'),
    );
    await Promise.race([subscribed.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, this.options.subscribeWaitMs).unref())]);
    await this.work;
    this.timer = setInterval(() => this.serially(() => this.resync()), this.options.resyncMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.work;
    for (const sink of this.sinks) sink.interrupted('The server is shutting down.');
    this.sinks.clear();
  }

  /** Starts handing live events to the sink; returns the function that stops it. */
  listen(sink: LiveSink): () => void {
    this.sinks.add(sink);
    return () => void this.sinks.delete(sink);
  }

  /** The live subscriptions of this process (for stats and tests). */
  get listeners(): ReadonlySet<LiveSink> {
    return this.sinks;
  }

  /**
   * An id up to which every event is settled and will not be handed to sinks again as new: a
   * sink that starts listening and then reads the database up to here misses nothing, because
   * everything later reaches it live.
   */
  async watermark(): Promise<bigint> {
    const published = await this.store.publishedUpTo();
    return this.last !== undefined && this.last > published ? this.last : published;
  }

  private serially(job: () => Promise<void>): void {
    this.work = this.work.then(job).catch((err) => this.logger.error({ fault: describeFault(err) }, 'case event hub failed'));
  }

  private async accept(message: string): Promise<void> {
    let received;
    try {
      received = decodeEvent(message);
    } catch (err) {
      this.logger.warn({ fault: describeFault(err) }, 'ignored a malformed case event message');
      return;
    }
    if (this.last !== undefined && received.event.id <= this.last) return;
    if (this.last !== undefined && received.prev > this.last) await this.fill(this.last, received.prev);
    this.dispatch(received);
  }

  private async resync(): Promise<void> {
    const published = await this.store.publishedUpTo();
    if (this.last !== undefined && published > this.last) await this.fill(this.last, published);
  }

  /** Reads (from, to] from the timeline and hands it on; on failure ends every sink rather than leave a hole. */
  private async fill(from: bigint, to: bigint): Promise<void> {
    try {
      for (let after = from; after < to; ) {
        const events = await this.store.eventsBetween(this.store.pool, after, to, this.options.pageSize);
        for (const live of await this.store.withPartners(this.store.pool, events)) this.dispatch(live);
        if (events.length < this.options.pageSize) break;
        after = events[events.length - 1].id;
      }
    } catch (err) {
      this.logger.error({ fault: describeFault(err) }, 'could not fill a gap in live case events; ending live subscriptions so clients resume');
      for (const sink of this.sinks) sink.interrupted('Live events were interrupted. Reconnect and resume with after.');
      this.sinks.clear();
    }
    if (this.last === undefined || to > this.last) this.last = to;
  }

  private dispatch(live: LiveEvent): void {
    if (this.last !== undefined && live.event.id <= this.last) return;
    this.last = live.event.id;
    for (const sink of this.sinks) sink.deliver(live);
  }
}
