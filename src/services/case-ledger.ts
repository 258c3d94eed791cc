import type { Prisma } from '../generated/prisma/client';
import type { Db } from '../db/client';
import { fromUtcDate, minDate, addDays, type CalendarDate } from '../domain/dates';
import type { InterestRate } from '../domain/interest';
import { buildStatement, type Statement } from '../domain/statement';
import { computeCollectionCostsForClaims, type CollectionCosts } from '../domain/collection-costs';
import { money } from '../domain/money';

type Tx = Prisma.TransactionClient | Db;

/** What the statement of a case is computed from; the GraphQL layer selects the same shape. */
export const LEDGER_SELECT = {
  id: true,
  interestKind: true,
  costsAmount: true,
  costsChargeableFrom: true,
  interestFrozenOn: true,
  claims: { orderBy: { dueDate: 'asc' } },
  payments: { orderBy: { receivedOn: 'asc' } },
} as const satisfies Prisma.CaseSelect;

export type LedgerRow = Prisma.CaseGetPayload<{ select: typeof LEDGER_SELECT }>;

export async function loadInterestRates(db: Tx): Promise<InterestRate[]> {
  const rows = await db.interestRate.findMany({ orderBy: [{ kind: 'asc' }, { effectiveFrom: 'asc' }] });
  return rows.map((r) => ({ kind: r.kind, effectiveFrom: fromUtcDate(r.effectiveFrom), ratePercent: r.ratePercent.toString() }));
}

/**
 * The account of a case on a day. While a payment arrangement is kept, interest stops on the
 * day it was agreed (agency policy, stated in the arrangement): payments made after that day are
 * allocated as if made on it, so no interest accrues after it; they keep their own dates.
 */
export function statementOf(row: LedgerRow, rates: readonly InterestRate[], asOf: CalendarDate): Statement {
  const frozenOn = row.interestFrozenOn ? fromUtcDate(row.interestFrozenOn) : null;
  const received = new Map(row.payments.map((p) => [p.id, fromUtcDate(p.receivedOn)]));
  const payments = row.payments.filter((p) => received.get(p.id)! <= asOf);
  if (!frozenOn || frozenOn >= asOf) return build(row, rates, asOf, payments, (d) => d);
  const statement = build(row, rates, frozenOn, payments, (d) => minDate(d, frozenOn));
  return {
    ...statement,
    asOf,
    payments: statement.payments.map((p) => ({ ...p, receivedOn: received.get(p.id)! })),
  };
}

function build(
  row: LedgerRow,
  rates: readonly InterestRate[],
  asOf: CalendarDate,
  payments: LedgerRow['payments'],
  allocationDate: (receivedOn: CalendarDate) => CalendarDate,
): Statement {
  return buildStatement({
    kind: row.interestKind,
    rates,
    asOf,
    claims: row.claims.map((c) => ({
      id: c.id,
      principal: c.amount.toString(),
      // Interest runs from the day after the due date (6:119 default / 6:119a agreed payment day).
      interestFrom: addDays(fromUtcDate(c.dueDate), 1),
      dueDate: fromUtcDate(c.dueDate),
      invoiceDate: fromUtcDate(c.invoiceDate),
    })),
    costs: {
      amount: row.costsAmount.toString(),
      chargeableFrom: row.costsChargeableFrom ? fromUtcDate(row.costsChargeableFrom) : null,
    },
    payments: payments.map((p) => ({
      id: p.id,
      amount: p.amount.toString(),
      receivedOn: allocationDate(fromUtcDate(p.receivedOn)),
      designatedClaimId: p.designatedClaimId ?? undefined,
    })),
  });
}

export function collectionCosts(principals: readonly string[], vatDeductible: boolean, vatRatePercent: number): CollectionCosts {
  return computeCollectionCostsForClaims({
    principals,
    vat: { applies: !vatDeductible, rate: money(vatRatePercent).dividedBy(100) },
  });
}
