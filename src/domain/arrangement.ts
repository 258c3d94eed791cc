import { addDays, addMonths, compareDates, isCalendarDate, type CalendarDate } from './dates';
import { Money, isWholeCents, money, type MoneyInput } from './money';

/**
 * Payment plans ("betalingsregelingen"): a total split into instalments that add up to the cent,
 * and the rule for when a plan counts as breached. Due dates are contractual, so they are not
 * moved off weekends or holidays (the Algemene termijnenwet covers statutory terms only).
 */

export const MAX_INSTALMENTS = 60;
export const MAX_INTERVAL_MONTHS = 12;
/** Agency policy, not law: below this an instalment costs more to handle than it brings in. */
export const DEFAULT_MINIMUM_INSTALMENT = '1.00';

export interface PlanInput {
  total: MoneyInput;
  count: number;
  firstDueOn: CalendarDate;
  intervalMonths?: number;
  minimumInstalment?: MoneyInput;
}

export interface PlannedInstalment {
  /** 1-based. */
  number: number;
  dueOn: CalendarDate;
  amount: Money;
}

export type PlanErrorCode =
  | 'INVALID_TOTAL'
  | 'TOTAL_NOT_POSITIVE'
  | 'COUNT_OUT_OF_RANGE'
  | 'INTERVAL_OUT_OF_RANGE'
  | 'INVALID_FIRST_DUE_DATE'
  | 'INSTALMENT_BELOW_MINIMUM';

export interface PlanError {
  code: PlanErrorCode;
  message: string;
}

export type PlanResult = { ok: true; instalments: PlannedInstalment[] } | { ok: false; errors: PlanError[] };

/**
 * Equal instalments in whole cents; the cents that do not divide evenly go on the last one.
 * Due dates keep the first due date's day of the month, clamped to shorter months
 * (31 January, 29 February, 31 March...).
 */
export function planInstalments(input: PlanInput): PlanResult {
  const { count, firstDueOn, intervalMonths = 1, minimumInstalment = DEFAULT_MINIMUM_INSTALMENT } = input;
  const total = parseAmount(input.total);
  const errors = validatePlan(total, input);
  if (total === null || errors.length > 0) return { ok: false, errors };

  const totalCents = total.times(100);
  const baseCents = totalCents.dividedToIntegerBy(count);
  const baseAmount = baseCents.dividedBy(100);
  if (baseAmount.lessThan(minimumInstalment)) {
    const message = `each instalment would be ${baseAmount.toFixed(2)}, below the minimum of ${money(minimumInstalment).toFixed(2)}`;
    return { ok: false, errors: [{ code: 'INSTALMENT_BELOW_MINIMUM', message }] };
  }
  const lastAmount = totalCents.minus(baseCents.times(count - 1)).dividedBy(100);
  const instalments = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    dueOn: addMonths(firstDueOn, i * intervalMonths),
    amount: i === count - 1 ? lastAmount : baseAmount,
  }));
  return { ok: true, instalments };
}

function validatePlan(total: Money | null, input: PlanInput): PlanError[] {
  const { count, firstDueOn, intervalMonths = 1 } = input;
  const errors: PlanError[] = [];
  if (total === null) {
    errors.push({ code: 'INVALID_TOTAL', message: 'the total must be an amount in whole cents' });
  } else if (!total.greaterThan(0)) {
    errors.push({ code: 'TOTAL_NOT_POSITIVE', message: 'the total must be more than zero' });
  }
  if (!isIntegerBetween(count, 1, MAX_INSTALMENTS)) {
    errors.push({ code: 'COUNT_OUT_OF_RANGE', message: `the number of instalments must be 1 to ${MAX_INSTALMENTS}` });
  }
  if (!isIntegerBetween(intervalMonths, 1, MAX_INTERVAL_MONTHS)) {
    errors.push({ code: 'INTERVAL_OUT_OF_RANGE', message: `the interval must be 1 to ${MAX_INTERVAL_MONTHS} months` });
  }
  if (!isCalendarDate(firstDueOn)) {
    errors.push({ code: 'INVALID_FIRST_DUE_DATE', message: 'the first due date must be a date (YYYY-MM-DD)' });
  }
  return errors;
}

function parseAmount(value: MoneyInput): Money | null {
  try {
    const amount = money(value);
    return isWholeCents(amount) ? amount : null;
  } catch {
    return null;
  }
}

function isIntegerBetween(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

export interface InstalmentStatus {
  dueOn: CalendarDate;
  amount: MoneyInput;
  paid: MoneyInput;
}

export interface Breach {
  /** Position of the breached instalment in the input list. */
  index: number;
  dueOn: CalendarDate;
  outstanding: Money;
  /** The first day the instalment counted as breached: the day after the grace period. */
  breachedOn: CalendarDate;
}

/** The earliest-due instalment still (partly) unpaid after its grace period, or null. */
export function findBreach(input: {
  instalments: readonly InstalmentStatus[];
  today: CalendarDate;
  graceDays: number;
}): Breach | null {
  const { instalments, today, graceDays } = input;
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new RangeError(`graceDays must be a whole number of days, 0 or more: ${graceDays}`);
  }
  const byDueDate = instalments
    .map((instalment, index) => ({ ...instalment, index }))
    .sort((a, b) => compareDates(a.dueOn, b.dueOn));
  for (const { index, dueOn, amount, paid } of byDueDate) {
    const outstanding = money(amount).minus(paid);
    const breachedOn = addDays(dueOn, graceDays + 1);
    if (outstanding.greaterThan(0) && compareDates(today, breachedOn) >= 0) {
      return { index, dueOn, outstanding, breachedOn };
    }
  }
  return null;
}
