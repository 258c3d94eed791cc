/** Attempts before a delivery is dead-lettered: with the delays below, about 38 hours of retrying. */
export const MAX_ATTEMPTS = 16;
const BASE_MS = 30_000;
const CAP_MS = 6 * 60 * 60_000;

/**
 * Delay before retry `attempt` (1 = after the first failure): exponential from 30 s, capped at
 * 6 h, with ±20% jitter so endpoints that fail together do not retry in lockstep. A Retry-After
 * from the receiver wins when it asks for longer.
 */
export function retryDelayMs(attempt: number, random: number, retryAfterSeconds?: number): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1));
  const jittered = Math.round(exponential * (0.8 + 0.4 * random));
  return retryAfterSeconds !== undefined ? Math.max(jittered, Math.min(CAP_MS, retryAfterSeconds * 1000)) : jittered;
}

/** Which outcomes are worth retrying: timeouts, network errors, 408, 429 and 5xx. A 4xx will not heal. */
export function isRetryable(status: number | null): boolean {
  return status === null || status === 408 || status === 429 || status >= 500;
}
