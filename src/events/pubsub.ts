import Redis from 'ioredis';
import type { Logger } from 'pino';
import { describeFault } from '../logger';

/**
 * The channels instances talk over. Pub/sub is a doorbell, never the record: every message can
 * be rebuilt from the database, so a message Redis drops costs latency, not data.
 */
export type Channel = 'case-events' | 'key-revoked' | 'publisher-nudge';

export type Listener = (message: string) => void;

export interface PubSub {
  readonly kind: 'memory' | 'redis';
  publish(channel: Channel, message: string): Promise<void>;
  /** Resolves once messages published from then on reach the listener; returns the unsubscribe. */
  subscribe(channel: Channel, listener: Listener): Promise<() => void>;
  /** Resolves when the transport answers (readiness checks); always, in-process. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Listeners per channel; one throwing listener must not starve the others. */
class Fanout {
  private readonly channels = new Map<string, { listeners: Set<Listener>; ready: Promise<void> }>();
  constructor(private readonly logger: Logger) {}

  /**
   * Adds a listener; `open` runs once, for a channel's first listener, and every listener of the
   * channel waits for it, so no caller believes it is subscribed before the channel is.
   */
  async add(channel: string, listener: Listener, open: () => Promise<void>, close: () => void): Promise<() => void> {
    let entry = this.channels.get(channel);
    if (!entry) {
      const created = { listeners: new Set<Listener>(), ready: open() };
      this.channels.set(channel, (entry = created));
      created.ready.catch(() => {
        if (this.channels.get(channel) === created) this.channels.delete(channel);
      });
    }
    entry.listeners.add(listener);
    const own = entry;
    await own.ready;
    return () => {
      own.listeners.delete(listener);
      if (own.listeners.size === 0 && this.channels.get(channel) === own) {
        this.channels.delete(channel);
        close();
      }
    };
  }

  deliver(channel: string, message: string): void {
    for (const listener of this.channels.get(channel)?.listeners ?? []) {
      try {
        listener(message);
      } catch (err) {
        this.logger.error({ fault: describeFault(err), channel }, 'pub/sub listener failed');
      }
    }
  }
}

/** One process: what a single instance (and every test) uses when REDIS_URL is not set. */
export class MemoryPubSub implements PubSub {
  readonly kind = 'memory';
  private readonly fanout: Fanout;
  constructor(logger: Logger) {
    this.fanout = new Fanout(logger);
  }

  async publish(channel: Channel, message: string): Promise<void> {
    // Asynchronous like Redis, so no caller comes to rely on delivery inside publish().
    queueMicrotask(() => this.fanout.deliver(channel, message));
  }

  subscribe(channel: Channel, listener: Listener): Promise<() => void> {
    return this.fanout.add(channel, listener, async () => undefined, () => undefined);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}

/**
 * Redis pub/sub across instances: one connection publishes, one subscribes (a subscribed
 * connection can do nothing else), and each channel is subscribed once per process however many
 * GraphQL subscriptions listen. Channels carry the configured prefix.
 */
export class RedisPubSub implements PubSub {
  readonly kind = 'redis';
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly fanout: Fanout;
  private lastErrorLog = 0;

  constructor(url: string, private readonly prefix: string, private readonly logger: Logger) {
    this.fanout = new Fanout(logger);
    // Bounded retries: a publish that cannot reach Redis fails, and the publisher retries it from
    // its cursor, instead of piling up in an offline queue.
    this.publisher = new Redis(url, { maxRetriesPerRequest: 2, connectionName: 'incasso-hub:pub' });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null, connectionName: 'incasso-hub:sub' });
    for (const [name, client] of [['publisher', this.publisher], ['subscriber', this.subscriber]] as const) {
      client.on('error', (err) => this.logError(name, err));
    }
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel.startsWith(prefix)) this.fanout.deliver(channel.slice(prefix.length), message);
    });
  }

  async publish(channel: Channel, message: string): Promise<void> {
    await this.publisher.publish(this.prefix + channel, message);
  }

  subscribe(channel: Channel, listener: Listener): Promise<() => void> {
    const name = this.prefix + channel;
    return this.fanout.add(
      channel,
      listener,
      // Resolves when Redis confirms, which is what makes "listen first, then read the database"
      // leave no gap.
      async () => void (await this.subscriber.subscribe(name)),
      () => void this.subscriber.unsubscribe(name).catch((err) => this.logError('subscriber', err)),
    );
  }

  async ping(): Promise<void> {
    await this.publisher.ping();
  }

  async close(): Promise<void> {
    // quit() waits for a connection that may never come; a client that is not connected just stops.
    await Promise.allSettled([this.publisher, this.subscriber].map((c) => (c.status === 'ready' ? c.quit() : c.disconnect())));
  }

  /** Redis being down is one problem, not one log line per retry. */
  private logError(connection: string, err: unknown): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.logger.warn({ fault: describeFault(err), connection }, 'redis pub/sub connection problem');
  }
}

export function createPubSub(config: { redisUrl: string | undefined; redisPrefix: string }, logger: Logger): PubSub {
  return config.redisUrl ? new RedisPubSub(config.redisUrl, config.redisPrefix, logger) : new MemoryPubSub(logger);
}
