import { builder } from './builder';
import { UserErrorRef } from './user-errors';
import { visibleApiKeys, visiblePartners } from '../auth/visibility';
import type { Scope } from '../auth/viewer';
import {
  ACCESS_ERROR_CODES, assignCase, createApiKey, registerCreditor, registerPartner, revokeApiKey, type AccessErrorCode,
} from '../services/access';
import type { Result, UserError } from '../services/errors';

const AccessErrorCodeEnum = builder.enumType('AccessErrorCode', {
  description: 'Why an administrative action was refused.',
  values: {
    NOT_FOUND: { description: 'No such object is visible to your key.' },
    INVALID_INPUT: { description: 'A field is malformed; the message says which rule it breaks.' },
    NOT_ALLOWED: { description: 'Your key may not do this (e.g. grant scopes it does not have).' },
    ALREADY_REVOKED: { description: 'The key was already revoked.' },
    ALREADY_ASSIGNED: { description: 'The case is already assigned to that partner.' },
  } satisfies Record<(typeof ACCESS_ERROR_CODES)[number], { description: string }>,
});

const AccessErrorRef = builder.objectRef<UserError<AccessErrorCode>>('AccessError').implement({
  description: 'Why an administrative action (keys, creditors, partners, assignments) was refused.',
  interfaces: [UserErrorRef],
  authScopes: { authenticated: true },
  fields: (t) => ({ code: t.expose('code', { type: AccessErrorCodeEnum, description: 'The rule that refused it.' }) }),
});

export const KeyKindEnum = builder.enumType('ApiKeyKind', {
  description: 'Whose key it is.',
  values: {
    CREDITOR: { description: 'A creditor’s key: its own cases only.' },
    PARTNER: { description: 'A partner’s key: the cases assigned to it only.' },
    STAFF: { description: 'An agency staff key.' },
  } as const,
});

export const ScopeEnum = builder.enumType('ApiKeyScope', {
  description: 'A permission of a key.',
  values: {
    READ: { value: 'read', description: 'Read what the key’s kind may see. Every key has it; WRITE and ADMIN add to it.' },
    WRITE: { value: 'write', description: 'Perform business actions.' },
    ADMIN: { value: 'admin', description: 'Manage keys.' },
  } as const,
});

builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  description: 'An API key. The secret is shown once, when it is issued; afterwards only its public prefix.',
  authScopes: { $any: { staff: true, creditor: true } },
  findUnique: (id, ctx) => ({ id, AND: [visibleApiKeys(ctx.viewer)] }),
  fields: (t) => ({
    label: t.exposeString('label', { description: 'What the key is for, e.g. "ERP integration".' }),
    kind: t.expose('kind', { type: KeyKindEnum, description: 'Whose key it is.' }),
    prefix: t.exposeString('prefix', { description: 'The public part of the key (after "ih_"); safe to show and log.' }),
    scopes: t.field({ type: [ScopeEnum], description: 'What the key may do.', resolve: (k) => k.scopes.split(',') as Scope[] }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was issued.' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Last request made with it (to the minute).' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked; a revoked key is refused at once.' }),
    creditor: t.relation('creditor', { nullable: true, description: 'The creditor, for a creditor key.' }),
    partner: t.relation('partner', { nullable: true, description: 'The partner, for a partner key.' }),
  }),
});

const PartnerKindEnum = builder.enumType('PartnerKind', {
  description: 'What a partner does for the agency.',
  values: {
    COLLECTION_AGENCY: { description: 'A collection agency abroad, working cases under mandate.' },
    BAILIFF: { description: 'A bailiff (gerechtsdeurwaarder): home visits, service, enforcement.' },
    LAWYER: { description: 'A lawyer for court proceedings.' },
    DEBT_HELP: { description: 'A debt-help organisation debtors are referred to, with consent.' },
    CREDIT_DATA: { description: 'A credit-data source for monitoring.' },
  } as const,
});

builder.prismaNode('Partner', {
  id: { field: 'id' },
  description: 'An outside party that works cases for the agency.',
  authScopes: { $any: { staff: true, partner: true } },
  findUnique: (id, ctx) => ({ id, AND: [visiblePartners(ctx.viewer)] }),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Trading name.' }),
    kind: t.expose('kind', { type: PartnerKindEnum, description: 'What it does.' }),
    countries: t.field({ type: ['CountryCode'], description: 'Countries it serves.', resolve: (p) => p.countries.split(',') }),
    active: t.exposeBoolean('active', { description: 'Whether new cases may be assigned to it.' }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaConnection({
    type: 'ApiKey',
    cursor: 'id',
    description: 'Keys you may manage: staff see all, a creditor admin key its own creditor’s. Newest first.',
    authScopes: { $any: { staff: true, $all: { creditor: true, admin: true } } },
    resolve: (query, _root, _args, ctx) => ctx.db.apiKey.findMany({ ...query, where: visibleApiKeys(ctx.viewer), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }, { name: 'ApiKeyConnection', description: 'A page of API keys.', authScopes: { authenticated: true } }, { name: 'ApiKeyEdge', description: 'An API key in a page.', authScopes: { authenticated: true } }),
);

builder.queryField('partners', (t) =>
  t.prismaField({
    type: ['Partner'],
    description: 'The partner registry (staff), or your own partner record (partner keys).',
    authScopes: { $any: { staff: true, partner: true } },
    resolve: (query, _root, _args, ctx) => ctx.db.partner.findMany({ ...query, where: visiblePartners(ctx.viewer), orderBy: { name: 'asc' } }),
  }),
);

type AccessPayloadShape = { apiKeyId?: string; secret?: string; creditorId?: string; partnerId?: string; caseId?: string; errors: UserError<AccessErrorCode>[] };

function toPayload<T extends object>(result: Result<T, AccessErrorCode>): AccessPayloadShape {
  return result.ok ? { ...result.value, errors: [] } : { errors: result.errors };
}


const ApiKeyPayload = builder.objectRef<AccessPayloadShape>('ApiKeyPayload').implement({
  description: 'The key after the action, or why it was refused.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    apiKey: t.prismaField({
      type: 'ApiKey', nullable: true, description: 'The key; null when refused.',
      resolve: (query, p, _a, ctx) => (p.apiKeyId ? ctx.db.apiKey.findUnique({ ...query, where: { id: p.apiKeyId } }) : null),
    }),
    secret: t.string({
      nullable: true,
      description: 'The full key, shown this once (apiKeyCreate only). Store it in a secret manager; it cannot be shown again.',
      resolve: (p) => p.secret ?? null,
    }),
    errors: t.field({ type: [AccessErrorRef], description: 'Why it was refused; empty on success.', resolve: (p) => p.errors }),
  }),
});

const ApiKeyCreateInput = builder.inputType('ApiKeyCreateInput', {
  description: 'A key to issue.',
  fields: (t) => ({
    label: t.string({ required: true, description: 'What it is for.' }),
    kind: t.field({ type: KeyKindEnum, required: true, description: 'Whose key it is.' }),
    scopes: t.field({ type: [ScopeEnum], required: true, description: 'What it may do.' }),
    creditorId: t.globalID({ required: false, description: 'The creditor, for a CREDITOR key.' }),
    partnerId: t.globalID({ required: false, description: 'The partner, for a PARTNER key.' }),
  }),
});

const adminScopes = { $any: { staff: true, $all: { creditor: true, admin: true } } } as const;

builder.mutationField('apiKeyCreate', (t) =>
  t.field({
    type: ApiKeyPayload,
    description: 'Issues an API key; the secret is in the payload, once. Staff issue any key; a creditor admin key issues keys for its own creditor with at most its own scopes.',
    authScopes: adminScopes,
    args: { input: t.arg({ type: ApiKeyCreateInput, required: true, description: 'The key.' }) },
    resolve: async (_r, { input }, ctx) =>
      toPayload(await createApiKey(ctx, ctx.viewer, {
        label: input.label, kind: input.kind, scopes: input.scopes,
        creditorId: input.creditorId ? (input.creditorId.typename === 'Creditor' ? input.creditorId.id : '-') : null,
        partnerId: input.partnerId ? (input.partnerId.typename === 'Partner' ? input.partnerId.id : '-') : null,
      })),
  }),
);

const ApiKeyRevokeInput = builder.inputType('ApiKeyRevokeInput', {
  description: 'The key to revoke.',
  fields: (t) => ({ apiKeyId: t.globalID({ required: true, description: 'The key’s global id.' }) }),
});

builder.mutationField('apiKeyRevoke', (t) =>
  t.field({
    type: ApiKeyPayload,
    description: 'Revokes a key at once: its next request is refused and its open subscriptions are closed.',
    authScopes: adminScopes,
    args: { input: t.arg({ type: ApiKeyRevokeInput, required: true, description: 'Which key.' }) },
    resolve: async (_r, { input }, ctx) =>
      toPayload(await revokeApiKey(ctx, ctx.viewer, input.apiKeyId.typename === 'ApiKey' ? input.apiKeyId.id : '')),
  }),
);

const RegistrationPayload = builder.objectRef<AccessPayloadShape>('RegistrationPayload').implement({
  description: 'The registered creditor or partner, or why it was refused.',
  authScopes: { staff: true },
  fields: (t) => ({
    creditor: t.prismaField({
      type: 'Creditor', nullable: true, description: 'The new creditor (creditorRegister).',
      resolve: (query, p, _a, ctx) => (p.creditorId ? ctx.db.creditor.findUnique({ ...query, where: { id: p.creditorId } }) : null),
    }),
    partner: t.prismaField({
      type: 'Partner', nullable: true, description: 'The new partner (partnerRegister).',
      resolve: (query, p, _a, ctx) => (p.partnerId ? ctx.db.partner.findUnique({ ...query, where: { id: p.partnerId } }) : null),
    }),
    errors: t.field({ type: [AccessErrorRef], description: 'Why it was refused; empty on success.', resolve: (p) => p.errors }),
  }),
});

const CreditorRegisterInput = builder.inputType('CreditorRegisterInput', {
  description: 'A new creditor (client of the agency).',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Trading name.' }),
    vatDeductible: t.boolean({ required: true, description: 'Whether it can deduct VAT; when false, VAT is added to collection costs.' }),
  }),
});

builder.mutationField('creditorRegister', (t) =>
  t.field({
    type: RegistrationPayload,
    description: 'Staff: registers a creditor. Issue its keys with apiKeyCreate.',
    authScopes: { $all: { staff: true, write: true } },
    args: { input: t.arg({ type: CreditorRegisterInput, required: true, description: 'The creditor.' }) },
    resolve: async (_r, { input }, ctx) => toPayload(await registerCreditor(ctx, input)),
  }),
);

const PartnerRegisterInput = builder.inputType('PartnerRegisterInput', {
  description: 'A new partner.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Trading name.' }),
    kind: t.field({ type: PartnerKindEnum, required: true, description: 'What it does.' }),
    countries: t.field({ type: ['CountryCode'], required: true, description: 'Countries it serves (ISO 3166-1 alpha-2).' }),
    baseUrl: t.string({ required: false, description: 'Base URL of its Partner API, for outbound connectors.' }),
  }),
});

builder.mutationField('partnerRegister', (t) =>
  t.field({
    type: RegistrationPayload,
    description: 'Staff: registers a partner. Issue its keys with apiKeyCreate.',
    authScopes: { $all: { staff: true, write: true } },
    args: { input: t.arg({ type: PartnerRegisterInput, required: true, description: 'The partner.' }) },
    resolve: async (_r, { input }, ctx) => toPayload(await registerPartner(ctx, input)),
  }),
);

const CaseAssignInput = builder.inputType('CaseAssignPartnerInput', {
  description: 'A case and the partner to work it.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'The case’s global id.' }),
    partnerId: t.globalID({ required: true, description: 'The partner’s global id.' }),
  }),
});

const CaseAssignPayload = builder.objectRef<AccessPayloadShape>('CaseAssignPartnerPayload').implement({
  description: 'The case after assignment, or why it was refused.',
  authScopes: { staff: true },
  fields: (t) => ({
    case: t.prismaField({
      type: 'Case', nullable: true, description: 'The case.',
      resolve: (query, p, _a, ctx) => (p.caseId ? ctx.db.case.findUnique({ ...query, where: { id: p.caseId } }) : null),
    }),
    errors: t.field({ type: [AccessErrorRef], description: 'Why it was refused; empty on success.', resolve: (p) => p.errors }),
  }),
});

builder.mutationField('caseAssignPartner', (t) =>
  t.field({
    type: CaseAssignPayload,
    description: 'Staff: hands a case to a partner (agency abroad, bailiff, lawyer); its keys then see the case.',
    authScopes: { $all: { staff: true, write: true } },
    args: { input: t.arg({ type: CaseAssignInput, required: true, description: 'Case and partner.' }) },
    resolve: async (_r, { input }, ctx) =>
      toPayload(await assignCase(ctx, ctx.viewer, {
        caseId: input.caseId.typename === 'Case' ? input.caseId.id : '',
        partnerId: input.partnerId.typename === 'Partner' ? input.partnerId.id : '',
      })),
  }),
);
