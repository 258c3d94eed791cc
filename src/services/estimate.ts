import { addDays, type CalendarDate } from '../domain/dates';
import { computeWikTerm, decideCollectionCosts, type WikTerm } from '../domain/wik-letter';
import { computeSimpleClaimInterest, type CompoundedInterestPeriod, type InterestRate } from '../domain/interest';
import { money, sum, type Money } from '../domain/money';
import { collectionCosts } from './case-ledger';
import type { CollectionCosts } from '../domain/collection-costs';
import type { UserError } from './errors';
import { outOfBounds } from './date-bounds';
import { FIRST_SUPPORTED_YEAR } from '../domain/calendar';
import { MAX_CLAIMS_PER_CASE } from './case-validation';

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
export function estimateCosts(input: EstimateInput, rates: readonly InterestRate[], vatRatePercent: number, today: CalendarDate): { ok: true; value: Estimate } | { ok: false; errors: UserError[] } {
  const errors: UserError[] = [];
  if (input.claims.length === 0 || input.claims.length > MAX_CLAIMS_PER_CASE) {
    errors.push({ code: 'INVALID_INPUT', field: ['input', 'claims'], message: `give 1 to ${MAX_CLAIMS_PER_CASE} claims` });
  }
  const dates: [string[], CalendarDate][] = [
    [['input', 'interestUntil'], input.interestUntil],
    [['input', 'letterPostedOn'], input.letterPostedOn],
    ...input.claims.map((c, i): [string[], CalendarDate] => [['input', 'claims', String(i), 'dueDate'], c.dueDate]),
  ];
  if (input.letterPostedOn < `${FIRST_SUPPORTED_YEAR}-01-01`) {
    errors.push({ code: 'INVALID_INPUT', field: ['input', 'letterPostedOn'], message: `letterPostedOn ${input.letterPostedOn} is before ${FIRST_SUPPORTED_YEAR}, the first year the holiday calendar covers` });
  }
  for (const [field, date] of dates) {
    const problem = outOfBounds(date, today);
    if (problem) errors.push({ code: 'INVALID_INPUT', field, message: `${field.at(-1)} ${date} ${problem}` });
  }
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
      costsChargeableFrom: chargeableFrom(wikTerm, earliestDue, input.letterPostedOn),
    },
  };
}

/** The same rule the workflow applies (decideCollectionCosts), for a letter stating the 14th day. */
function chargeableFrom(wikTerm: WikTerm | null, earliestDue: CalendarDate, today: CalendarDate): CalendarDate {
  const decision = wikTerm
    ? decideCollectionCosts({ debtorKind: 'CONSUMER', letter: { postedOn: wikTerm.postedOn, statedTermEndsOn: wikTerm.termEndsOn }, paidInFullOn: null, today })
    : decideCollectionCosts({ debtorKind: 'BUSINESS', paymentDeadline: earliestDue, today });
  return decision.chargeableFrom!;
}
