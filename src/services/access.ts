import type { AppDeps } from '../context';
import { generateKey } from '../auth/api-keys';
import { actorOf, hasScope, type Scope, type Viewer } from '../auth/viewer';
import { visibleApiKeys, visibleCases } from '../auth/visibility';
import { isCountryCode } from '../domain/countries';
import { recordEvent } from './case-events';
import { fail, ok, type Result, type UserError } from './errors';
import { inTransaction } from './case-store';

export const ACCESS_ERROR_CODES = ['NOT_FOUND', 'INVALID_INPUT', 'NOT_ALLOWED', 'ALREADY_REVOKED', 'ALREADY_ASSIGNED'] as const;
export type AccessErrorCode = (typeof ACCESS_ERROR_CODES)[number];

export type ApiKeyCreateInput = {
  label: string;
  kind: 'CREDITOR' | 'PARTNER' | 'STAFF';
  scopes: Scope[];
  creditorId?: string | null;
  partnerId?: string | null;
};

/**
 * Issues a key. Staff issue any key; a creditor's admin key issues keys for its own creditor only
 * and never more scopes than it has. The secret is returned once and stored only as a hash.
 */
export async function createApiKey(deps: AppDeps, viewer: Viewer, input: ApiKeyCreateInput): Promise<Result<{ apiKeyId: string; secret: string }, AccessErrorCode>> {
  const errors: UserError<AccessErrorCode>[] = [];
  const label = input.label.trim();
  if (label.length === 0 || label.length > 200) errors.push({ code: 'INVALID_INPUT', field: ['input', 'label'], message: 'label must be 1-200 characters' });
  if (input.scopes.length === 0) errors.push({ code: 'INVALID_INPUT', field: ['input', 'scopes'], message: 'give at least one scope' });
  const owner = ownerFor(input);
  if (!owner) errors.push({ code: 'INVALID_INPUT', field: ['input', 'kind'], message: `a ${input.kind} key needs ${input.kind === 'CREDITOR' ? 'creditorId' : input.kind === 'PARTNER' ? 'partnerId' : 'neither creditorId nor partnerId'}, and nothing else` });
  if (errors.length || !owner) return { ok: false, errors };

  if (viewer.kind === 'CREDITOR') {
    if (owner.kind !== 'CREDITOR' || owner.creditorId !== viewer.creditorId) {
      return fail('NOT_ALLOWED', 'A creditor key can only issue keys for its own creditor.', ['input', 'creditorId']);
    }
    const wider = input.scopes.filter((s) => !hasScope(viewer, s));
    if (wider.length) return fail('NOT_ALLOWED', `You cannot grant scopes you do not have: ${wider.join(', ')}.`, ['input', 'scopes']);
  } else if (viewer.kind !== 'STAFF') {
    return fail('NOT_ALLOWED', 'Only staff and creditor admin keys issue keys.');
  }
  if (owner.kind === 'CREDITOR' && !(await deps.db.creditor.findUnique({ where: { id: owner.creditorId } }))) {
    return fail('NOT_FOUND', 'No creditor with this id.', ['input', 'creditorId']);
  }
  if (owner.kind === 'PARTNER' && !(await deps.db.partner.findUnique({ where: { id: owner.partnerId } }))) {
    return fail('NOT_FOUND', 'No partner with this id.', ['input', 'partnerId']);
  }
  const { key, prefix, secretHash } = generateKey();
  const row = await deps.db.apiKey.create({
    // Every key reads what its kind may see; write and admin add to that, never replace it.
    data: { ...owner, prefix, secretHash, label, scopes: [...new Set<Scope>(['read', ...input.scopes])].sort().join(',') },
  });
  deps.logger.info({ keyPrefix: prefix, kind: input.kind, by: actorOf(viewer).actorKeyId }, 'api key issued');
  return ok({ apiKeyId: row.id, secret: key });
}

function ownerFor(input: ApiKeyCreateInput):
  | { kind: 'CREDITOR'; creditorId: string }
  | { kind: 'PARTNER'; partnerId: string }
  | { kind: 'STAFF' }
  | null {
  if (input.kind === 'CREDITOR' && input.creditorId && !input.partnerId) return { kind: 'CREDITOR', creditorId: input.creditorId };
  if (input.kind === 'PARTNER' && input.partnerId && !input.creditorId) return { kind: 'PARTNER', partnerId: input.partnerId };
  if (input.kind === 'STAFF' && !input.creditorId && !input.partnerId) return { kind: 'STAFF' };
  return null;
}

/** Revokes a key at once: its next request is refused and its open sockets are closed. */
export async function revokeApiKey(deps: AppDeps, viewer: Viewer, apiKeyId: string): Promise<Result<{ apiKeyId: string }, AccessErrorCode>> {
  const row = await deps.db.apiKey.findFirst({ where: { id: apiKeyId, AND: [visibleApiKeys(viewer)] } });
  if (!row || !canManage(viewer)) return fail('NOT_FOUND', 'No API key with this id.', ['input', 'apiKeyId']);
  if (row.revokedAt) return fail('ALREADY_REVOKED', `The key was revoked at ${row.revokedAt.toISOString()}.`, ['input', 'apiKeyId']);
  await deps.db.apiKey.update({ where: { id: row.id }, data: { revokedAt: deps.clock.now() } });
  await deps.events.announceKeyRevoked(row.id); // every instance closes the key's sockets now
  deps.logger.info({ keyPrefix: row.prefix, by: actorOf(viewer).actorKeyId }, 'api key revoked');
  return ok({ apiKeyId: row.id });
}

function canManage(viewer: Viewer): boolean {
  return viewer.kind === 'STAFF' || (viewer.kind === 'CREDITOR' && hasScope(viewer, 'admin'));
}

/** Staff register a creditor (the tenant); its keys are issued separately. */
export async function registerCreditor(deps: AppDeps, input: { name: string; vatDeductible: boolean }): Promise<Result<{ creditorId: string }, AccessErrorCode>> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) return fail('INVALID_INPUT', 'name must be 1-200 characters', ['input', 'name']);
  const row = await deps.db.creditor.create({ data: { name, vatDeductible: input.vatDeductible } });
  return ok({ creditorId: row.id });
}

export type PartnerRegisterInput = {
  name: string;
  kind: 'COLLECTION_AGENCY' | 'BAILIFF' | 'LAWYER' | 'DEBT_HELP' | 'CREDIT_DATA';
  countries: string[];
  baseUrl?: string | null;
};

/** Staff register a partner: which kind of work it does, in which countries, where its API lives. */
export async function registerPartner(deps: AppDeps, input: PartnerRegisterInput): Promise<Result<{ partnerId: string }, AccessErrorCode>> {
  const errors: UserError<AccessErrorCode>[] = [];
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) errors.push({ code: 'INVALID_INPUT', field: ['input', 'name'], message: 'name must be 1-200 characters' });
  if (input.countries.length === 0) errors.push({ code: 'INVALID_INPUT', field: ['input', 'countries'], message: 'give at least one country' });
  input.countries.forEach((c, i) => {
    if (!isCountryCode(c)) errors.push({ code: 'INVALID_INPUT', field: ['input', 'countries', String(i)], message: `${c} is not an ISO 3166-1 alpha-2 country code` });
  });
  if (input.baseUrl && !/^https?:\/\/\S+$/.test(input.baseUrl)) errors.push({ code: 'INVALID_INPUT', field: ['input', 'baseUrl'], message: 'baseUrl must be an http(s) URL' });
  if (errors.length) return { ok: false, errors };
  const row = await deps.db.partner.create({ data: { name, kind: input.kind, countries: [...new Set(input.countries)].join(','), baseUrl: input.baseUrl ?? null } });
  return ok({ partnerId: row.id });
}

/** Staff hand a case to a partner; from then on the partner's keys see it. */
export async function assignCase(deps: AppDeps, viewer: Viewer, input: { caseId: string; partnerId: string }): Promise<Result<{ caseId: string }, AccessErrorCode>> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const found = await tx.case.findFirst({ where: { id: input.caseId, AND: [visibleCases(viewer)] }, select: { id: true, creditorId: true } });
    if (!found) return fail('NOT_FOUND', 'No case with this id.', ['input', 'caseId']);
    const partner = await tx.partner.findUnique({ where: { id: input.partnerId } });
    if (!partner || !partner.active) return fail('NOT_FOUND', 'No active partner with this id.', ['input', 'partnerId']);
    const existing = await tx.partnerAssignment.findUnique({ where: { caseId_partnerId: { caseId: found.id, partnerId: partner.id } } });
    if (existing && !existing.endedAt) return fail('ALREADY_ASSIGNED', 'The case is already assigned to this partner.', ['input', 'partnerId']);
    await tx.partnerAssignment.upsert({
      where: { caseId_partnerId: { caseId: found.id, partnerId: partner.id } },
      create: { caseId: found.id, partnerId: partner.id, assignedAt: now },
      update: { endedAt: null, assignedAt: now },
    });
    await recordEvent(tx, {
      caseId: found.id, creditorId: found.creditorId, type: 'PARTNER_ASSIGNED', actor: actorOf(viewer), at: now,
      payload: { partnerId: partner.id, partnerName: partner.name, partnerKind: partner.kind },
    });
    return ok({ caseId: found.id });
  });
}
