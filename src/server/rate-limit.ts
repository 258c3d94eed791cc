import Redis from 'ioredis';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { describeFault } from '../logger';

/** Whether a request may go ahead, and if not, how long to wait. */
export type RateDecision = { allowed: boolean; retryAfterSeconds: number };

export interface RateLimiter {
  take(bucket: string, now: number): Promise<RateDecision>;
  close(): Promise<void>;
}

export type BucketSettings = { perMinute: number; burst: number };

/**
 * Token bucket: `burst` tokens, refilled at `perMinute` per minute; a request takes one. Pure, so
 * the in-process and Redis limiters share the arithmetic and tests can check it alone.
 */
export function refill(state: { tokens: number; at: number }, now: number, s: BucketSettings): { tokens: number; at: number } {
  const perMs = s.perMinute / 60_000;
  return { tokens: Math.min(s.burst, state.tokens + Math.max(0, now - state.at) * perMs), at: now };
}

export function decide(tokens: number, s: BucketSettings): RateDecision {
  if (tokens >= 1) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / (s.perMinute / 60))) };
}

/** One process: buckets in a Map, idle ones dropped so memory stays bounded. */
export class MemoryRateLimiter implements RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly settings: BucketSettings, private readonly maxBuckets = 100_000) {}

  async take(bucket: string, now: number): Promise<RateDecision> {
    const state = refill(this.buckets.get(bucket) ?? { tokens: this.settings.burst, at: now }, now, this.settings);
    const decision = decide(state.tokens, this.settings);
    if (decision.allowed) state.tokens -= 1;
    this.buckets.delete(bucket); // re-insert: Map order becomes least-recently-used first
    this.buckets.set(bucket, state);
    if (this.buckets.size > this.maxBuckets) this.buckets.delete(this.buckets.keys().next().value!);
    return decision;
  }

  async close(): Promise<void> {}
}

/**
 * Shared across instances: the same bucket arithmetic as one atomic Lua script in Redis, so N
 * instances behind a load balancer grant a key N × nothing extra.
 */
const TAKE_SCRIPT = `
local tokens = tonumber(redis.call('HGET', KEYS[1], 't') or ARGV[2])
local at = tonumber(redis.call('HGET', KEYS[1], 'a') or ARGV[1])
local now = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local perMs = tonumber(ARGV[3]) / 60000
tokens = math.min(burst, tokens + math.max(0, now - at) * perMs)
local allowed = 0
if tokens >= 1 then tokens = tokens - 1; allowed = 1 end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'a', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / perMs) + 1000)
return {allowed, tostring(tokens)}
`;

export class RedisRateLimiter implements RateLimiter {
  constructor(private readonly redis: Redis, private readonly settings: BucketSettings, private readonly prefix = 'incasso-hub:rate:') {}

  async take(bucket: string, now: number): Promise<RateDecision> {
    const [allowed, tokens] = (await this.redis.eval(TAKE_SCRIPT, 1, this.prefix + bucket, now, this.settings.burst, this.settings.perMinute)) as [number, string];
    return allowed === 1 ? { allowed: true, retryAfterSeconds: 0 } : decide(Number(tokens), this.settings);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

/**
 * Commands wait for the connection while it is being made (so the first requests after start are
 * counted too); with Redis gone they fail after one reconnect attempt and the request is let through.
 */
export function createRateLimiter(config: Config): RateLimiter {
  return config.redisUrl
    ? new RedisRateLimiter(new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }), config.rateLimit)
    : new MemoryRateLimiter(config.rateLimit);
}

/** Refuses a request over its key's budget with 429 and Retry-After. */
export async function enforceRateLimit(limiter: RateLimiter, bucket: string, now: Date, logger: Logger): Promise<void> {
  let decision: RateDecision;
  try {
    decision = await limiter.take(bucket, now.getTime());
  } catch (err) {
    // A limiter that cannot be asked (Redis down) must not take the API down with it: let the
    // request through and say so in the logs.
    logger.warn({ fault: describeFault(err) }, 'rate limiter unavailable; request allowed');
    return;
  }
  if (decision.allowed) return;
  throw new GraphQLError(`Rate limit exceeded for this key; retry after ${decision.retryAfterSeconds} s.`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: decision.retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(decision.retryAfterSeconds)]]) },
    },
  });
}
