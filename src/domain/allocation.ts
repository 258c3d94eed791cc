import { Money, MoneyInput, isWholeCents, minMoney, money, sum } from './money';
import { CalendarDate, compareDates } from './dates';
import type { InterestKind } from './interest';

/** What is still owed on one debt, by the parts 6:44 ranks. */
export interface DebtParts {
  costs: MoneyInput;
  interest: MoneyInput;
  principal: MoneyInput;
}

export interface WithinDebtAllocation {
  toCosts: Money;
  toInterest: Money;
  toPrincipal: Money;
  /** What exceeds the whole debt; never negative. */
  unallocated: Money;
}

/** The facts 6:43 weighs to choose between debts. */
export interface ClaimFor643 {
  id: string;
  dueDate: CalendarDate;
  invoiceDate: CalendarDate;
  /** Commercial interest outweighs consumer interest when nothing more specific is known. */
  kind?: InterestKind;
  /**
   * The caller's measure of how onerous the debt is (e.g. a contractual rate, a penalty clause,
   * a security); higher weighs more. Compared before `kind`; absent counts as 0.
   */
  burden?: number;
}

/**
 * Art. 6:44: a payment on one debt goes to costs, then interest, then principal. What is left
 * after the whole debt is not forced onto it but returned as unallocated.
 */
export function allocateWithinDebt(amount: MoneyInput, debt: DebtParts): WithinDebtAllocation {
  let remaining = nonNegativeCents(amount, 'payment');
  const take = (owed: MoneyInput, what: string): Money => {
    const part = minMoney(remaining, nonNegativeCents(owed, what));
    remaining = remaining.minus(part);
    return part;
  };
  const toCosts = take(debt.costs, 'costs');
  const toInterest = take(debt.interest, 'interest');
  const toPrincipal = take(debt.principal, 'principal');
  return { toCosts, toInterest, toPrincipal, unallocated: remaining };
}

/**
 * Art. 6:43: the order in which a payment goes to several debts, as groups. The debtor's
 * designation comes first; then debts due on the payment date (due date before it); then the
 * most burdensome; then the oldest (due date, then invoice date). Debts still equal on all of
 * that form one group, to be paid pro rata (see splitProRata); input order is kept inside a group.
 */
export function orderClaimsFor643<T extends ClaimFor643>(
  claims: readonly T[],
  paymentDate: CalendarDate,
  designatedClaimId?: string,
): T[][] {
  const designated = designatedClaimId === undefined ? undefined : findClaim(claims, designatedClaimId);
  const order = byStatutoryOrder(paymentDate);
  const groups = groupTies(claims.filter((claim) => claim !== designated).sort(order), order);
  return designated ? [[designated], ...groups] : groups;
}

/**
 * Splits an amount over weights in whole cents so the parts add up to the amount exactly: each
 * part is rounded down, and the cents left go to the largest remainders (earlier index on ties).
 */
export function splitProRata(amount: MoneyInput, weights: readonly MoneyInput[]): Money[] {
  const cents = nonNegativeCents(amount, 'amount').times(100);
  const parsed = weights.map((w) => money(w));
  if (parsed.some((w) => w.isNegative())) throw new RangeError('pro rata weights must not be negative');
  const total = sum(parsed);
  if (total.isZero()) throw new RangeError('pro rata weights must not all be zero');

  const exact = parsed.map((w) => cents.times(w).dividedBy(total));
  const floors = exact.map((e) => e.floor());
  const leftover = cents.minus(sum(floors)).toNumber();
  const bonus = new Set(
    exact
      .map((e, index) => ({ index, fraction: e.minus(e.floor()) }))
      .sort((a, b) => b.fraction.comparedTo(a.fraction) || a.index - b.index)
      .slice(0, leftover)
      .map((r) => r.index),
  );
  return floors.map((f, index) => (bonus.has(index) ? f.plus(1) : f).dividedBy(100));
}

/** Parses an amount that must be whole cents and not negative; `what` names it in the error. */
export function nonNegativeCents(value: MoneyInput, what: string): Money {
  const amount = money(value);
  if (amount.isNegative() || !isWholeCents(amount)) {
    throw new RangeError(`${what} must be a non-negative amount in whole cents: ${String(value)}`);
  }
  return amount;
}

const KIND_BURDEN: Record<InterestKind, number> = { CONSUMER: 1, COMMERCIAL: 2 };

function byStatutoryOrder(paymentDate: CalendarDate) {
  const isDue = (claim: ClaimFor643): number => (compareDates(claim.dueDate, paymentDate) < 0 ? 1 : 0);
  const kindBurden = (claim: ClaimFor643): number => (claim.kind ? KIND_BURDEN[claim.kind] : 0);
  return (a: ClaimFor643, b: ClaimFor643): number =>
    isDue(b) - isDue(a) ||
    (b.burden ?? 0) - (a.burden ?? 0) ||
    kindBurden(b) - kindBurden(a) ||
    compareDates(a.dueDate, b.dueDate) ||
    compareDates(a.invoiceDate, b.invoiceDate);
}

function groupTies<T>(sorted: T[], compare: (a: T, b: T) => number): T[][] {
  const groups: T[][] = [];
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    if (group && compare(group[0], item) === 0) group.push(item);
    else groups.push([item]);
  }
  return groups;
}

function findClaim<T extends ClaimFor643>(claims: readonly T[], id: string): T {
  const claim = claims.find((c) => c.id === id);
  if (!claim) throw new RangeError(`designated claim ${id} is not one of the claims`);
  return claim;
}
