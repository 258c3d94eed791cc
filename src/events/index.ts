import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { describeFault } from '../logger';
import { onCommitted } from './commit-signal';
import { CaseEventHub } from './hub';
import { EventPublisher } from './publisher';
import { createPubSub, type PubSub } from './pubsub';
import { EventStore } from './store';

export { CLOSE_CODES } from './stream';

/** Timings and limits of live events. The defaults are for production; tests shorten some. */
export type EventsOptions = {
  /** Active publisher: how often it looks for events committed by other instances. */
  pollMs: number;
  /** Standby instances: how often they try to take the publisher role. */
  lockRetryMs: number;
  /** How long a missing id must stay missing (and uncommitted nowhere) to count as rolled back. */
  gapSettleMs: number;
  /** The longest the publisher waits for one uncommitted event before publishing past it. */
  gapMaxWaitMs: number;
  /** Events per publisher read. */
  batchSize: number;
  /** How often each instance checks it has every published event (Redis may drop messages). */
  resyncMs: number;
  /** At start, how long to wait for Redis before serving without it (events then come from the database). */
  subscribeWaitMs: number;
  /** Live events one subscription may hold for a slow client before it is disconnected (4008). */
  bufferSize: number;
  /** Events per database read when a subscription resumes with `after`. */
  replayPageSize: number;
  /** How often the keys of open sockets are checked for revocation. */
  keyRecheckMs: number;
  /** WebSocket ping interval; a socket that misses a pong for as long is dropped. */
  keepAliveMs: number;
};

export const DEFAULT_EVENTS_OPTIONS: EventsOptions = {
  pollMs: 250,
  lockRetryMs: 1_000,
  gapSettleMs: 500,
  gapMaxWaitMs: 60_000,
  batchSize: 200,
  resyncMs: 2_000,
  subscribeWaitMs: 5_000,
  bufferSize: 1_000,
  replayPageSize: 100,
  keyRecheckMs: 5_000,
  keepAliveMs: 12_000,
};

/** Live case events of one instance: pub/sub, the publisher (active on one instance), the hub. */
export type Events = {
  readonly options: EventsOptions;
  readonly pubsub: PubSub;
  readonly store: EventStore;
  readonly hub: CaseEventHub;
  readonly publisher: EventPublisher;
  /** Something committed: have the active publisher (here or on another instance) look now. */
  nudge(): void;
  /** Tells every instance a key was revoked, so they close its sockets at once. */
  announceKeyRevoked(keyId: string): Promise<void>;
  onKeyRevoked(listener: (keyId: string) => void): Promise<() => void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export function createEvents(
  deps: { config: Pick<Config, 'redisUrl' | 'redisPrefix' | 'database'>; db: Db; logger: Logger },
  overrides: Partial<EventsOptions> = {},
): Events {
  const options = { ...DEFAULT_EVENTS_OPTIONS, ...overrides };
  const logger = deps.logger.child({ component: 'events' });
  const pubsub = createPubSub(deps.config, logger);
  const store = new EventStore(deps.config.database.url);
  const hub = new CaseEventHub(store, pubsub, logger, { resyncMs: options.resyncMs, pageSize: options.replayPageSize, subscribeWaitMs: options.subscribeWaitMs });
  const publisher = new EventPublisher(store, pubsub, logger, options);
  const cleanups: (() => void)[] = [];
  let remoteNudge: NodeJS.Timeout | undefined;

  const nudge = () => {
    if (publisher.active) return publisher.nudge();
    // Another instance publishes; one message per burst of commits is enough to wake it.
    if (pubsub.kind === 'memory' || remoteNudge) return;
    remoteNudge = setTimeout(() => {
      remoteNudge = undefined;
      pubsub.publish('publisher-nudge', '1').catch(() => undefined);
    }, 5);
  };

  return {
    options,
    pubsub,
    store,
    hub,
    publisher,
    nudge,
    async announceKeyRevoked(keyId) {
      await pubsub.publish('key-revoked', keyId);
    },
    onKeyRevoked(listener) {
      return pubsub.subscribe('key-revoked', listener);
    },
    async start() {
      await hub.start();
      cleanups.push(await pubsub.subscribe('publisher-nudge', () => publisher.nudge()));
      cleanups.push(onCommitted(deps.db, nudge));
      publisher.start();
    },
    async stop() {
      cleanups.splice(0).forEach((fn) => fn());
      clearTimeout(remoteNudge);
      await publisher.stop();
      await hub.stop();
      await pubsub.close();
      await store.close().catch((err) => logger.warn({ fault: describeFault(err) }, 'closing the events pool failed'));
    },
  };
}
