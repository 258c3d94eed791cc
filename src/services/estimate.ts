import { addDays, type CalendarDate } from '../domain/dates';
import { computeWikTerm, type WikTerm } from '../domain/wik-letter';
import { computeSimpleClaimInterest, type CompoundedInterestPeriod, type InterestRate } from '../domain/interest';
import { money, sum, type Money } from '../domain/money';
import { collectionCosts } from './case-ledger';
import type { CollectionCosts } from '../domain/collection-costs';
import type { UserError } from './errors';

export type EstimateInput = {
  debtorKind: 'CONSUMER' | 'BUSINESS';
  claims: { amount: string; dueDate: CalendarDate }[];
  vatDeductible: boolean;
  interestUntil: CalendarDate;
  letterPostedOn: CalendarDate;
};

export type Estimate = {
  principal: Money;
  costs: CollectionCosts;
  interest: Money;
  interestPeriods: CompoundedInterestPeriod[];
  total: Money;
  wikTerm: WikTerm | null;
  costsChargeableFrom: CalendarDate;
};

/**
 * "What will it cost if my customer doesn't pay?": the BIK costs on the added principals, the
 * statutory interest per invoice to a date, and for a consumer the 14-day term of a letter
 * posted on a given day (costs are due from the day after it).
 */
export function estimateCosts(input: EstimateInput, rates: readonly InterestRate[], vatRatePercent: number): { ok: true; value: Estimate } | { ok: false; errors: UserError[] } {
  const errors: UserError[] = [];
  if (input.claims.length === 0) errors.push({ code: 'INVALID_INPUT', field: ['input', 'claims'], message: 'give at least one claim' });
  input.claims.forEach((c, i) => {
    if (money(c.amount).lte(0)) errors.push({ code: 'INVALID_AMOUNT', field: ['input', 'claims', String(i), 'amount'], message: `amount must be more than 0.00, got ${c.amount}` });
  });
  if (errors.length) return { ok: false, errors };

  const principal = sum(input.claims.map((c) => c.amount));
  const costs = collectionCosts(input.claims.map((c) => c.amount), input.vatDeductible, vatRatePercent);
  const kind = input.debtorKind === 'CONSUMER' ? 'CONSUMER' : 'COMMERCIAL';
  const interestPeriods = input.claims.flatMap((c) => {
    const from = addDays(c.dueDate, 1);
    return from < input.interestUntil ? computeSimpleClaimInterest({ kind, rates, principal: c.amount, from, to: input.interestUntil }).periods : [];
  });
  const interest = sum(interestPeriods.map((p) => p.amount));
  const wikTerm = input.debtorKind === 'CONSUMER' ? computeWikTerm(input.letterPostedOn) : null;
  const earliestDue = input.claims.map((c) => c.dueDate).sort()[0];
  return {
    ok: true,
    value: {
      principal, costs, interest, interestPeriods, wikTerm,
      total: principal.plus(costs.total).plus(interest),
      costsChargeableFrom: wikTerm ? addDays(wikTerm.extendedTermEndsOn, 1) : addDays(earliestDue, 1),
    },
  };
}
