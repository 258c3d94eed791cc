import { randomUUID } from 'node:crypto';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import { publicOnlyLookup } from './public-address';
import type { AppDeps } from '../context';
import type { Prisma } from '../generated/prisma/client';
import { onCommitted } from '../events/commit-signal';
import { describeFault } from '../logger';
import { isRetryable, MAX_ATTEMPTS, retryDelayMs } from './backoff';
import { signatureHeader } from './signing';

export type DispatcherOptions = {
  /** How often due deliveries are looked for (commits also wake it). */
  pollMs: number;
  /** Deliveries claimed per round. */
  batchSize: number;
  /** How long a receiver gets to answer. */
  timeoutMs: number;
  /** How long a claim lasts: a crashed instance's deliveries are retried after it. */
  claimMs: number;
};

/** A claim outlives the slowest possible round (every delivery timing out), so no row is sent twice by design. */
export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = { pollMs: 1_000, batchSize: 10, timeoutMs: 10_000, claimMs: 5 * 60_000 };

/** Receivers answer with a status; a body beyond this is not read. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export type RoundCounts = { delivered: number; retried: number; dead: number };

const CLAIMED_INCLUDE = {
  endpoint: true,
  event: { include: { case: { select: { creditorReference: true } } } },
} as const satisfies Prisma.WebhookDeliveryInclude;
type ClaimedDelivery = Prisma.WebhookDeliveryGetPayload<{ include: typeof CLAIMED_INCLUDE }>;

/**
 * Sends pending webhook deliveries. Deliveries are rows written in the same transaction as their
 * event, so nothing accepted is lost to a crash or a restart; several instances share the work by
 * claiming rows with a token (UPDATE … LIMIT), and a claim expires so a dead instance's rows go out
 * again. Delivery is at least once: receivers de-duplicate by the event id.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private unsubscribe: (() => void) | undefined;
  private readonly http: AxiosInstance;

  constructor(
    private readonly deps: AppDeps,
    private readonly options: DispatcherOptions = DEFAULT_DISPATCHER_OPTIONS,
  ) {
    this.http = axios.create({
      timeout: options.timeoutMs,
      maxRedirects: 0,
      validateStatus: () => true,
      maxContentLength: MAX_RESPONSE_BYTES,
      httpsAgent: new https.Agent({ lookup: publicOnlyLookup as never, keepAlive: true }),
    });
  }

  start(): void {
    this.stopped = false;
    this.unsubscribe = onCommitted(this.deps.db, () => this.schedule(0));
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.running) return this.schedule(this.options.pollMs);
      this.running = this.runRound()
        .catch((err) => this.deps.logger.error({ fault: describeFault(err) }, 'webhook round failed'))
        .finally(() => {
          this.running = undefined;
          this.schedule(this.options.pollMs);
        });
    }, delayMs);
  }

  /** Claims and sends what is due now; one round, for the loop and for tests. */
  async runRound(): Promise<RoundCounts> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const token = randomUUID();
    await db.$executeRaw`
      UPDATE webhook_deliveries SET claimToken = ${token}, claimedUntil = ${new Date(now.getTime() + this.options.claimMs)}
      WHERE status = 'PENDING' AND nextAttemptAt <= ${now} AND (claimedUntil IS NULL OR claimedUntil < ${now})
      ORDER BY id LIMIT ${this.options.batchSize}`;
    const claimed = await db.webhookDelivery.findMany({ where: { claimToken: token }, include: CLAIMED_INCLUDE, orderBy: { eventId: 'asc' } });
    const counts: RoundCounts = { delivered: 0, retried: 0, dead: 0 };
    for (const delivery of claimed) counts[await this.send(delivery)]++;
    return counts;
  }

  private async send(delivery: ClaimedDelivery): Promise<keyof RoundCounts> {
    const { db, clock } = this.deps;
    const { event, endpoint } = delivery;
    const body = JSON.stringify({
      id: event.id.toString(),
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      case: { id: Buffer.from(`Case:${event.caseId}`).toString('base64'), creditorReference: event.case.creditorReference },
      data: event.payload,
    });
    const sentAt = clock.now();
    const timestamp = Math.floor(sentAt.getTime() / 1000);
    let status: number | null = null;
    let retryAfter: number | undefined;
    let failure: string | null = null;
    try {
      const res = await this.http.post(endpoint.url, body, {
        headers: {
          'content-type': 'application/json',
          'user-agent': 'IncassoHub-Webhooks/1',
          'incasso-event-id': event.id.toString(),
          'incasso-delivery-id': delivery.id,
          'incasso-signature': signatureHeader(endpoint.secret, timestamp, body),
        },
      });
      status = res.status;
      const header = Number(res.headers['retry-after']);
      retryAfter = Number.isFinite(header) ? header : undefined;
      if (status >= 200 && status < 300) {
        // Only while the claim is still ours: a round that outlived its claim must not overwrite
        // what the instance that took the row over has recorded.
        await db.webhookDelivery.updateMany({
          where: { id: delivery.id, claimToken: delivery.claimToken },
          data: { status: 'DELIVERED', attempts: { increment: 1 }, deliveredAt: sentAt, lastStatusCode: status, lastError: null, claimToken: null, claimedUntil: null },
        });
        return 'delivered';
      }
      failure = `HTTP ${status}`;
    } catch (err) {
      failure = axios.isAxiosError(err) ? (err.code ?? 'network error') : String(describeFault(err).name);
    }
    const attempts = delivery.attempts + 1;
    const dead = attempts >= MAX_ATTEMPTS || !isRetryable(status);
    await db.webhookDelivery.updateMany({
      where: { id: delivery.id, claimToken: delivery.claimToken },
      data: {
        status: dead ? 'DEAD' : 'PENDING',
        attempts,
        lastStatusCode: status,
        lastError: failure.slice(0, 500),
        nextAttemptAt: new Date(sentAt.getTime() + retryDelayMs(attempts, Math.random(), retryAfter)),
        claimToken: null,
        claimedUntil: null,
      },
    });
    return dead ? 'dead' : 'retried';
  }

}
