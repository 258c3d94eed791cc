import type { AppDeps } from '../context';
import type { Viewer } from '../auth/viewer';
import { isIP } from 'node:net';
import { visibleWebhookEndpoints } from '../auth/visibility';
import { generateWebhookSecret } from '../webhooks/signing';
import { isPublicAddress } from '../webhooks/public-address';
import { fail, ok, type Result } from './errors';

export type WebhookErrorCode = 'NOT_FOUND' | 'INVALID_URL' | 'NOT_DEAD';

/** Endpoints a creditor may register: https only, no credentials, no loopback or private literal address; names are checked again when connecting. */
export function checkEndpointUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url is not a URL';
  }
  if (url.protocol !== 'https:') return 'url must use https';
  if (url.username || url.password) return 'url must not carry credentials; verify our signature instead';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && !isPublicAddress(host))) {
    return 'url must be a public host';
  }
  return raw.length > 500 ? 'url is longer than 500 characters' : null;
}

/**
 * A creditor registers an https endpoint; every later event on its cases is delivered there,
 * signed with the secret returned here (once).
 */
export async function createEndpoint(deps: AppDeps, viewer: Viewer, input: { url: string }): Promise<Result<{ endpointId: string; secret: string }, WebhookErrorCode>> {
  if (viewer.kind !== 'CREDITOR') return fail('NOT_FOUND', 'Only a creditor key registers webhook endpoints.');
  const problem = checkEndpointUrl(input.url.trim());
  if (problem) return fail('INVALID_URL', problem, ['input', 'url']);
  const secret = generateWebhookSecret();
  const row = await deps.db.webhookEndpoint.create({ data: { creditorId: viewer.creditorId, url: input.url.trim(), secret } });
  return ok({ endpointId: row.id, secret });
}

export async function disableEndpoint(deps: AppDeps, viewer: Viewer, endpointId: string): Promise<Result<{ endpointId: string }, WebhookErrorCode>> {
  const row = viewer.kind === 'CREDITOR' ? await deps.db.webhookEndpoint.findFirst({ where: { id: endpointId, AND: [visibleWebhookEndpoints(viewer)] } }) : null;
  if (!row) return fail('NOT_FOUND', 'No webhook endpoint with this id.', ['input', 'endpointId']);
  await deps.db.webhookEndpoint.update({ where: { id: row.id }, data: { active: false } });
  return ok({ endpointId: row.id });
}

/** Sends a dead-lettered delivery again from scratch (e.g. after the receiver was fixed). */
export async function redeliver(deps: AppDeps, viewer: Viewer, deliveryId: string): Promise<Result<{ deliveryId: string }, WebhookErrorCode>> {
  const row = await deps.db.webhookDelivery.findFirst({ where: { id: deliveryId, endpoint: visibleWebhookEndpoints(viewer) } });
  if (!row) return fail('NOT_FOUND', 'No webhook delivery with this id.', ['input', 'deliveryId']);
  if (row.status !== 'DEAD') return fail('NOT_DEAD', `The delivery is ${row.status}; only dead-lettered deliveries are sent again.`, ['input', 'deliveryId']);
  await deps.db.webhookDelivery.update({
    where: { id: row.id },
    data: { status: 'PENDING', attempts: 0, nextAttemptAt: deps.clock.now(), lastError: null, claimToken: null, claimedUntil: null },
  });
  return ok({ deliveryId: row.id });
}
