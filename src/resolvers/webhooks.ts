import { builder } from './builder';
import { UserErrorRef } from './user-errors';
import { visibleWebhookEndpoints } from '../auth/visibility';
import { MAX_ATTEMPTS } from '../webhooks/backoff';
import { createEndpoint, disableEndpoint, redeliver, type WebhookErrorCode } from '../services/webhooks';
import type { Result, UserError } from '../services/errors';

builder.prismaNode('WebhookEndpoint', {
  id: { field: 'id' },
  description: 'Where we POST your case events. Each request is signed: see the README, "Webhooks".',
  authScopes: { $any: { creditor: true, staff: true } },
  findUnique: (id, ctx) => ({ id, AND: [visibleWebhookEndpoints(ctx.viewer)] }),
  fields: (t) => ({
    url: t.exposeString('url', { description: 'The https URL events are posted to.' }),
    active: t.exposeBoolean('active', { description: 'False once disabled: no new deliveries are made for it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered.' }),
  }),
});

const DeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  description: 'Where a delivery stands.',
  values: {
    PENDING: { description: 'Waiting for its first or next attempt.' },
    DELIVERED: { description: 'Your endpoint answered 2xx.' },
    DEAD: { description: `Dead-lettered: a 4xx answer (other than 408/429), or ${MAX_ATTEMPTS} failed attempts. Fix the endpoint, then webhookRedeliver.` },
  } as const,
});

builder.prismaNode('WebhookDelivery', {
  id: { field: 'id' },
  description: 'One event to one endpoint, with its attempts. Delivery is at least once: de-duplicate by the event id.',
  authScopes: { $any: { creditor: true, staff: true } },
  findUnique: (id, ctx) => ({ id, endpoint: visibleWebhookEndpoints(ctx.viewer) }),
  fields: (t) => ({
    endpoint: t.relation('endpoint', { description: 'Where it goes.' }),
    event: t.relation('event', { description: 'What it carries.' }),
    status: t.expose('status', { type: DeliveryStatusEnum, description: 'Where it stands.' }),
    attempts: t.exposeInt('attempts', { description: 'Attempts made so far.' }),
    nextAttemptAt: t.expose('nextAttemptAt', { type: 'DateTime', description: 'When the next attempt is due (PENDING).' }),
    lastStatusCode: t.exposeInt('lastStatusCode', { nullable: true, description: 'HTTP status of the last attempt; null for a timeout or network error.' }),
    lastError: t.exposeString('lastError', { nullable: true, description: 'Why the last attempt failed.' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true, description: 'When it was delivered.' }),
  }),
});

builder.queryField('webhookEndpoints', (t) =>
  t.prismaField({
    type: ['WebhookEndpoint'],
    description: 'Your webhook endpoints.',
    authScopes: { $any: { creditor: true, staff: true } },
    resolve: (query, _r, _a, ctx) => ctx.db.webhookEndpoint.findMany({ ...query, where: visibleWebhookEndpoints(ctx.viewer), orderBy: { createdAt: 'asc' } }),
  }),
);

builder.queryField('webhookDeliveries', (t) =>
  t.prismaConnection({
    type: 'WebhookDelivery',
    cursor: 'id',
    description: 'Deliveries to your endpoints, newest first; filter on DEAD to see the dead-letter queue.',
    authScopes: { $any: { creditor: true, staff: true } },
    args: { status: t.arg({ type: DeliveryStatusEnum, required: false, description: 'Only deliveries in this status.' }) },
    resolve: (query, _r, { status }, ctx) =>
      ctx.db.webhookDelivery.findMany({
        ...query,
        where: { endpoint: visibleWebhookEndpoints(ctx.viewer), ...(status ? { status } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }, { name: 'WebhookDeliveryConnection', description: 'A page of webhook deliveries.', authScopes: { authenticated: true } }, { name: 'WebhookDeliveryEdge', description: 'A delivery in a page.', authScopes: { authenticated: true } }),
);

const WebhookErrorCodeEnum = builder.enumType('WebhookErrorCode', {
  description: 'Why a webhook action was refused.',
  values: {
    NOT_FOUND: { description: 'No such endpoint or delivery is visible to your key.' },
    INVALID_URL: { description: 'The URL is not a public https URL.' },
    NOT_DEAD: { description: 'Only dead-lettered deliveries can be sent again.' },
  } satisfies Record<WebhookErrorCode, { description: string }>,
});

const WebhookErrorRef = builder.objectRef<UserError<WebhookErrorCode>>('WebhookError').implement({
  description: 'Why a webhook action was refused.',
  interfaces: [UserErrorRef],
  authScopes: { authenticated: true },
  fields: (t) => ({ code: t.expose('code', { type: WebhookErrorCodeEnum, description: 'The reason.' }) }),
});

type PayloadShape = { endpointId?: string; secret?: string; deliveryId?: string; errors: UserError<WebhookErrorCode>[] };
const toPayload = <T extends object>(r: Result<T, WebhookErrorCode>): PayloadShape => (r.ok ? { ...r.value, errors: [] } : { errors: r.errors });

const WebhookPayload = builder.objectRef<PayloadShape>('WebhookPayload').implement({
  description: 'The endpoint or delivery after the action, or why it was refused.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    endpoint: t.prismaField({
      type: 'WebhookEndpoint', nullable: true, description: 'The endpoint.',
      resolve: (query, p, _a, ctx) => (p.endpointId ? ctx.db.webhookEndpoint.findUnique({ ...query, where: { id: p.endpointId } }) : null),
    }),
    secret: t.string({ nullable: true, description: 'The signing secret, shown this once (webhookEndpointCreate).', resolve: (p) => p.secret ?? null }),
    delivery: t.prismaField({
      type: 'WebhookDelivery', nullable: true, description: 'The delivery (webhookRedeliver).',
      resolve: (query, p, _a, ctx) => (p.deliveryId ? ctx.db.webhookDelivery.findUnique({ ...query, where: { id: p.deliveryId } }) : null),
    }),
    errors: t.field({ type: [WebhookErrorRef], description: 'Why it was refused; empty on success.', resolve: (p) => p.errors }),
  }),
});

const writeScopes = { $all: { write: true, $any: { creditor: true, staff: true } } } as const;

builder.mutationField('webhookEndpointCreate', (t) =>
  t.field({
    type: WebhookPayload,
    description: 'Registers an https endpoint for your case events; the signing secret is in the payload, once.',
    authScopes: { $all: { creditor: true, write: true } },
    args: { input: t.arg({ type: builder.inputType('WebhookEndpointCreateInput', { description: 'The endpoint.', fields: (f) => ({ url: f.string({ required: true, description: 'A public https URL.' }) }) }), required: true, description: 'The endpoint.' }) },
    resolve: async (_r, { input }, ctx) => toPayload(await createEndpoint(ctx, ctx.viewer, input)),
  }),
);

builder.mutationField('webhookEndpointDisable', (t) =>
  t.field({
    type: WebhookPayload,
    description: 'Stops deliveries to an endpoint (pending ones are still sent).',
    authScopes: { $all: { creditor: true, write: true } },
    args: { input: t.arg({ type: builder.inputType('WebhookEndpointDisableInput', { description: 'Which endpoint.', fields: (f) => ({ endpointId: f.globalID({ required: true, description: 'Its global id.' }) }) }), required: true, description: 'Which endpoint.' }) },
    resolve: async (_r, { input }, ctx) => toPayload(await disableEndpoint(ctx, ctx.viewer, input.endpointId.typename === 'WebhookEndpoint' ? input.endpointId.id : '')),
  }),
);

builder.mutationField('webhookRedeliver', (t) =>
  t.field({
    type: WebhookPayload,
    description: 'Sends a dead-lettered delivery again, from a fresh attempt count.',
    authScopes: writeScopes,
    args: { input: t.arg({ type: builder.inputType('WebhookRedeliverInput', { description: 'Which delivery.', fields: (f) => ({ deliveryId: f.globalID({ required: true, description: 'Its global id.' }) }) }), required: true, description: 'Which delivery.' }) },
    resolve: async (_r, { input }, ctx) => toPayload(await redeliver(ctx, ctx.viewer, input.deliveryId.typename === 'WebhookDelivery' ? input.deliveryId.id : '')),
  }),
);
