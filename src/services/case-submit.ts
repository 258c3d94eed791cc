import { createHash } from 'node:crypto';
import type { AppDeps } from '../context';
import { actorOf, type Viewer } from '../auth/viewer';
import { dutchDate, toUtcDate } from '../domain/dates';
import { formatAmount, sum } from '../domain/money';
import { recordEvent } from './case-events';
import { CASE_HEAD, inTransaction, isUniqueViolation } from './case-store';
import { loadInterestRates } from './case-ledger';
import { fail, ok, Rejected, type CaseErrorCode, type Result } from './errors';
import { validateSubmission, type CaseSubmitInput } from './case-validation';
import { refreshFigures, startCollection } from './workflow';

export type CaseSubmitted = { caseId: string; replayed: boolean };

/**
 * A creditor hands over a debtor's unpaid invoices. Idempotent on the creditor's reference: the
 * same submission again returns the existing case (replayed); the same reference with other
 * content is a REFERENCE_CONFLICT. Intake and the first collection step commit together.
 */
export async function submitCase(deps: AppDeps, viewer: Viewer, input: CaseSubmitInput): Promise<Result<CaseSubmitted, CaseErrorCode>> {
  if (viewer.kind !== 'CREDITOR') return fail('INVALID_INPUT', 'Only a creditor key can submit cases.');
  const now = deps.clock.now();
  const today = dutchDate(now);
  const normalised = normalise(input);
  const errors = validateSubmission(normalised, today);
  if (errors.length > 0) return { ok: false, errors };
  const submissionHash = hashOf(normalised);

  const existing = await findReplay(deps, viewer.creditorId, normalised.creditorReference, submissionHash);
  if (existing) return existing;
  try {
    return ok({ caseId: await createCase(deps, viewer, normalised, submissionHash, now), replayed: false });
  } catch (err) {
    // A concurrent identical submission won the race for the unique reference.
    if (isUniqueViolation(err)) {
      const replay = await findReplay(deps, viewer.creditorId, normalised.creditorReference, submissionHash);
      if (replay) return replay;
    }
    if (err instanceof Rejected) return { ok: false, errors: err.errors };
    throw err;
  }
}

async function findReplay(deps: AppDeps, creditorId: string, creditorReference: string, submissionHash: string): Promise<Result<CaseSubmitted, CaseErrorCode> | null> {
  const found = await deps.db.case.findUnique({
    where: { creditorId_creditorReference: { creditorId, creditorReference } },
    select: { id: true, submissionHash: true },
  });
  if (!found) return null;
  if (found.submissionHash === submissionHash) return ok({ caseId: found.id, replayed: true });
  return fail(
    'REFERENCE_CONFLICT',
    `A different case was already submitted with creditorReference ${creditorReference}; use a new reference or send exactly the same content to retry.`,
    ['input', 'creditorReference'],
  );
}

async function createCase(deps: AppDeps, viewer: Extract<Viewer, { kind: 'CREDITOR' }>, input: CaseSubmitInput, submissionHash: string, now: Date): Promise<string> {
  const today = dutchDate(now);
  const actor = actorOf(viewer);
  const principal = sum(input.claims.map((c) => c.amount));
  return inTransaction(deps.db, async (tx) => {
    const creditor = await tx.creditor.findUniqueOrThrow({ where: { id: viewer.creditorId }, select: { vatDeductible: true } });
    const debtor = await tx.debtor.create({ data: { creditorId: viewer.creditorId, ...input.debtor, languageCode: input.debtor.languageCode ?? 'nl' } });
    const created = await tx.case.create({
      data: {
        creditorId: viewer.creditorId,
        debtorId: debtor.id,
        creditorReference: input.creditorReference,
        submissionHash,
        // The hub's clock, like the CASE_SUBMITTED event: createdAt filters and sorts must agree with the timeline.
        createdAt: now,
        currency: input.currency,
        interestKind: debtor.kind === 'CONSUMER' ? 'CONSUMER' : 'COMMERCIAL',
        principalAmount: formatAmount(principal),
        balanceAmount: formatAmount(principal),
        claims: {
          create: input.claims.map((c) => ({
            invoiceNumber: c.invoiceNumber, invoiceDate: toUtcDate(c.invoiceDate), dueDate: toUtcDate(c.dueDate),
            amount: formatAmount(c.amount), description: c.description ?? null,
          })),
        },
      },
      select: CASE_HEAD,
    });
    await recordEvent(tx, {
      caseId: created.id, creditorId: viewer.creditorId, type: 'CASE_SUBMITTED', actor, at: now,
      payload: { creditorReference: input.creditorReference, principal: formatAmount(principal), claims: input.claims.length, debtorKind: debtor.kind },
    });
    const earliestDue = input.claims.map((c) => c.dueDate).sort()[0];
    const step = { tx, deps, head: created, now, today, actor };
    const started = await startCollection(step, input.claims.map((c) => c.amount), creditor.vatDeductible, earliestDue);
    await refreshFigures({ ...step, head: started }, await loadInterestRates(tx));
    return created.id;
  });
}

/** Trims text and canonicalises amounts so an identical retry hashes identically. */
function normalise(input: CaseSubmitInput): CaseSubmitInput {
  const text = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
  return {
    creditorReference: input.creditorReference.trim(),
    currency: input.currency.trim().toUpperCase(),
    debtor: {
      kind: input.debtor.kind,
      name: input.debtor.name.trim(),
      addressLine: text(input.debtor.addressLine),
      postalCode: text(input.debtor.postalCode),
      city: text(input.debtor.city),
      countryCode: input.debtor.countryCode.trim().toUpperCase(),
      languageCode: text(input.debtor.languageCode),
      email: text(input.debtor.email),
      phone: text(input.debtor.phone),
    },
    claims: input.claims.map((c) => ({
      invoiceNumber: c.invoiceNumber.trim(),
      invoiceDate: c.invoiceDate,
      dueDate: c.dueDate,
      amount: formatAmount(c.amount),
      description: text(c.description),
    })),
  };
}

function hashOf(input: CaseSubmitInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}
