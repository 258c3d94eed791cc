import Decimal from 'decimal.js';

/**
 * Money is decimal end to end. One Decimal constructor, configured once, is shared by every
 * rule so rounding is the same everywhere: cents, half away from zero (the usual commercial
 * rounding in Dutch invoices and court judgments).
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export type MoneyInput = Decimal.Value;

export const ZERO = new Money(0);

/** Parses an amount; throws on anything that is not a finite decimal number. */
export function money(value: MoneyInput): Money {
  const parsed = new Money(value);
  if (!parsed.isFinite()) throw new RangeError(`not a finite amount: ${String(value)}`);
  return parsed;
}

/** Rounds to whole cents, half away from zero. */
export function roundCents(value: MoneyInput): Money {
  return money(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** The canonical text form of an amount: always two decimals ("150.00"). */
export function formatAmount(value: MoneyInput): string {
  return roundCents(value).toFixed(2);
}

export function sum(values: readonly MoneyInput[]): Money {
  return values.reduce<Money>((acc, v) => acc.plus(v), ZERO);
}

export function maxMoney(a: MoneyInput, b: MoneyInput): Money {
  return Money.max(a, b);
}

export function minMoney(a: MoneyInput, b: MoneyInput): Money {
  return Money.min(a, b);
}

/** True when the amount has at most two decimals (whole cents). */
export function isWholeCents(value: MoneyInput): boolean {
  return money(value).decimalPlaces() <= 2;
}
