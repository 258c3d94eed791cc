import { Money, MoneyInput, ZERO, isWholeCents, maxMoney, minMoney, money, roundCents, sum } from './money';

/** One band of the staffel: `rate` applies to the part of the base above `from` up to `to`. */
export interface StaffelSlice {
  readonly from: Money;
  /** null: the band has no upper bound. */
  readonly to: Money | null;
  readonly rate: Money;
}

/**
 * Besluit vergoeding buitengerechtelijke incassokosten, art. 2 lid 1. Kept as data so a change
 * of the decree is a change of this table, not of the rule.
 */
export const BIK_STAFFEL: readonly StaffelSlice[] = [
  { from: money('0'), to: money('2500'), rate: money('0.15') },
  { from: money('2500'), to: money('5000'), rate: money('0.10') },
  { from: money('5000'), to: money('10000'), rate: money('0.05') },
  { from: money('10000'), to: money('200000'), rate: money('0.01') },
  { from: money('200000'), to: null, rate: money('0.005') },
];

export const BIK_MINIMUM = money('40');
/** Reached at a base of €1,000,000; larger claims pay no more. */
export const BIK_MAXIMUM = money('6775');

export interface VatSetting {
  /** True only when the creditor declares it cannot deduct VAT; otherwise VAT is no damage. */
  applies: boolean;
  /** A fraction, e.g. "0.21"; the caller owns the rate so a change needs no code change. */
  rate: MoneyInput;
}

export interface CollectionCostsInput {
  principal: MoneyInput;
  vat: VatSetting;
}

export interface CollectionCostsForClaimsInput {
  /** Principals of several claims of one creditor against one debtor (one 14-day letter). */
  principals: readonly MoneyInput[];
  vat: VatSetting;
}

export interface CollectionCostsSlice {
  from: Money;
  to: Money | null;
  rate: Money;
  /** The band's share before the minimum and maximum are applied. */
  amount: Money;
}

export interface CollectionCosts {
  base: Money;
  /** Excluding VAT, after the minimum and maximum. */
  costs: Money;
  vat: Money;
  total: Money;
  /** Only the bands the base reaches into. */
  slices: CollectionCostsSlice[];
}

/**
 * The statutory collection costs (BIK) on a base of principal. A base of zero owes no costs at
 * all: the minimum is the least compensation for collecting something, not a fee for nothing.
 */
export function computeCollectionCosts({ principal, vat }: CollectionCostsInput): CollectionCosts {
  const base = requireBase(principal);
  const vatRate = requireVatRate(vat.rate);
  if (base.isZero()) return { base, costs: ZERO, vat: ZERO, total: ZERO, slices: [] };

  const exactShares = BIK_STAFFEL.filter((slice) => base.greaterThan(slice.from)).map((slice) => ({
    slice,
    share: sliceBase(base, slice).times(slice.rate),
  }));
  // Round once on the sum, so a fraction of a cent in one band is never rounded twice.
  const costs = clampToStatutoryRange(roundCents(sum(exactShares.map((s) => s.share))));
  const vatAmount = vat.applies ? roundCents(costs.times(vatRate)) : ZERO;
  return {
    base,
    costs,
    vat: vatAmount,
    total: costs.plus(vatAmount),
    slices: exactShares.map(({ slice, share }) => ({ ...slice, amount: roundCents(share) })),
  };
}

/** Several claims of one creditor are added up first: the staffel is degressive, per debtor. */
export function computeCollectionCostsForClaims({ principals, vat }: CollectionCostsForClaimsInput): CollectionCosts {
  return computeCollectionCosts({ principal: sum(principals.map(requireBase)), vat });
}

function sliceBase(base: Money, slice: StaffelSlice): Money {
  const top = slice.to === null ? base : minMoney(base, slice.to);
  return top.minus(slice.from);
}

function clampToStatutoryRange(costs: Money): Money {
  return minMoney(maxMoney(costs, BIK_MINIMUM), BIK_MAXIMUM);
}

function requireBase(value: MoneyInput): Money {
  const amount = money(value);
  if (amount.isNegative() || !isWholeCents(amount)) {
    throw new RangeError(`principal must be a non-negative amount in whole cents: ${String(value)}`);
  }
  return amount;
}

function requireVatRate(value: MoneyInput): Money {
  const rate = money(value);
  if (rate.isNegative() || rate.greaterThanOrEqualTo(1)) {
    throw new RangeError(`VAT rate must be a fraction between 0 and 1: ${String(value)}`);
  }
  return rate;
}
