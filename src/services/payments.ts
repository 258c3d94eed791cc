import type { AppDeps } from '../context';
import { actorOf, type Viewer } from '../auth/viewer';
import { dutchDate, fromUtcDate, toUtcDate, type CalendarDate } from '../domain/dates';
import { isOpen } from '../domain/case-state';
import { formatAmount, money, type Money } from '../domain/money';
import { recordEvent } from './case-events';
import { inTransaction, isUniqueViolation, type Tx } from './case-store';
import { visibleCaseForChange } from './case-lifecycle';
import { loadInterestRates } from './case-ledger';
import { fail, ok, Rejected, type PaymentErrorCode, type Result } from './errors';
import { reconsiderWikCosts, refreshFigures } from './workflow';

export type PaymentRecordInput = {
  caseId: string;
  amount: string;
  receivedOn: CalendarDate;
  externalReference: string;
  /** The debtor's designation of the invoice it pays (6:43 lid 1). */
  invoiceNumber?: string | null;
};

/**
 * A payment the creditor received directly from the debtor. Idempotent on the creditor's own
 * reference for it: the same payment twice is one payment; the same reference with another amount
 * or date is a REFERENCE_CONFLICT. Allocation follows 6:43/6:44 in the case statement.
 */
export async function recordPayment(deps: AppDeps, viewer: Viewer, input: PaymentRecordInput): Promise<Result<{ paymentId: string; caseId: string; replayed: boolean }, PaymentErrorCode>> {
  const now = deps.clock.now();
  const today = dutchDate(now);
  const amount = money(input.amount);
  if (amount.lte(0)) return fail('INVALID_AMOUNT', `amount must be more than 0.00, got ${input.amount}`, ['input', 'amount']);
  if (input.receivedOn > today) return fail('RECEIVED_IN_FUTURE', `receivedOn ${input.receivedOn} is after today (${today})`, ['input', 'receivedOn']);
  const reference = input.externalReference.trim();
  if (!/^[\w./#:-]{1,128}$/.test(reference)) {
    return fail('INVALID_INPUT', 'externalReference must be 1-128 characters: letters, digits and . / # : _ -', ['input', 'externalReference']);
  }
  try {
    return await inTransaction(deps.db, async (tx) => {
      const head = await visibleCaseForChange(tx, viewer, input.caseId);
      const replay = await findExisting(tx, head.id, reference, amount, input.receivedOn);
      if (replay) return ok({ paymentId: replay, caseId: head.id, replayed: true });
      const caseRow = await tx.case.findUniqueOrThrow({ where: { id: head.id }, select: { createdAt: true, claims: { select: { id: true, invoiceNumber: true, invoiceDate: true } } } });
      const designated = input.invoiceNumber ? caseRow.claims.find((c) => c.invoiceNumber === input.invoiceNumber) : undefined;
      if (input.invoiceNumber && !designated) {
        throw new Rejected([{ code: 'UNKNOWN_INVOICE', field: ['input', 'invoiceNumber'], message: `This case has no invoice ${input.invoiceNumber}.` }]);
      }
      const earliestInvoice = caseRow.claims.map((c) => fromUtcDate(c.invoiceDate)).sort()[0];
      if (input.receivedOn < earliestInvoice) {
        throw new Rejected([{ code: 'RECEIVED_BEFORE_INVOICE', field: ['input', 'receivedOn'], message: `receivedOn ${input.receivedOn} is before the first invoice date ${earliestInvoice}.` }]);
      }
      if (!isOpen(head.status)) {
        throw new Rejected([{ code: 'CASE_CLOSED', field: ['input', 'caseId'], message: `The case is ${head.status}; payments on it are no longer recorded here.` }]);
      }
      const payment = await tx.payment.create({
        data: {
          caseId: head.id, amount: formatAmount(amount), receivedOn: toUtcDate(input.receivedOn), source: 'CREDITOR_DIRECT',
          externalReference: reference, designatedClaimId: designated?.id ?? null, recordedByKeyId: actorOf(viewer).actorKeyId,
        },
      });
      await applyToInstalments(tx, head.id, amount);
      await recordEvent(tx, {
        caseId: head.id, creditorId: head.creditorId, type: 'PAYMENT_RECORDED', actor: actorOf(viewer), at: now,
        payload: { paymentId: payment.id, amount: formatAmount(amount), receivedOn: input.receivedOn, source: 'CREDITOR_DIRECT', externalReference: reference },
      });
      const rates = await loadInterestRates(tx);
      const step = { tx, deps, head, now, today, actor: actorOf(viewer) };
      const adjusted = await reconsiderWikCosts(step, rates, input.receivedOn);
      await refreshFigures({ ...step, head: adjusted }, rates);
      return ok({ paymentId: payment.id, caseId: head.id, replayed: false });
    });
  } catch (err) {
    if (err instanceof Rejected) return { ok: false, errors: err.errors as Rejected<PaymentErrorCode>['errors'] };
    if (isUniqueViolation(err)) return recordPayment(deps, viewer, input); // a concurrent duplicate: answer as a replay
    throw err;
  }
}

async function findExisting(tx: Tx, caseId: string, reference: string, amount: Money, receivedOn: CalendarDate): Promise<string | null> {
  const found = await tx.payment.findUnique({ where: { caseId_source_externalReference: { caseId, source: 'CREDITOR_DIRECT', externalReference: reference } } });
  if (!found) return null;
  if (!found.amount.equals(amount.toString()) || fromUtcDate(found.receivedOn) !== receivedOn) {
    throw new Rejected([{
      code: 'REFERENCE_CONFLICT', field: ['input', 'externalReference'],
      message: `Payment ${reference} was already recorded with amount ${formatAmount(found.amount.toString())} on ${fromUtcDate(found.receivedOn)}.`,
    }]);
  }
  return found.id;
}

/** Fills the instalments of an active arrangement in order with what came in. */
async function applyToInstalments(tx: Tx, caseId: string, amount: Money): Promise<void> {
  const arrangement = await tx.paymentArrangement.findFirst({
    where: { caseId, status: 'ACTIVE' },
    include: { instalments: { orderBy: { sequence: 'asc' } } },
  });
  if (!arrangement) return;
  let left = amount;
  for (const instalment of arrangement.instalments) {
    if (left.lte(0)) break;
    const open = money(instalment.amount.toString()).minus(instalment.paidAmount.toString());
    if (open.lte(0)) continue;
    const take = open.lte(left) ? open : left;
    await tx.instalment.update({ where: { id: instalment.id }, data: { paidAmount: formatAmount(money(instalment.paidAmount.toString()).plus(take)) } });
    left = left.minus(take);
  }
}
