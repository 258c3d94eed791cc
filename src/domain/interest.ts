import { Money, MoneyInput, ZERO, money, roundCents, sum } from './money';
import { CalendarDate, addYears, compareDates, daysBetween, minDate, parseCalendarDate } from './dates';

/** CONSUMER: wettelijke rente (6:119). COMMERCIAL: wettelijke handelsrente (6:119a). */
export type InterestKind = 'CONSUMER' | 'COMMERCIAL';

/**
 * Interest for a period is base × rate × days / DAY_COUNT_BASIS, with days the actual calendar
 * days. Actual/365 is common practice but not fixed by statute (marked [check]), so
 * it is this one named choice. A leap year is still divided by 365: a whole leap year earns
 * 366/365 of the annual rate, as courts and the usual rente calculators do.
 */
export const DAY_COUNT_BASIS = 365;

/** A statutory rate as published; staff extend the table, the rules never name a rate. */
export interface InterestRate {
  kind: InterestKind;
  /** From this date the rate also applies to interest that is already running (6:120 lid 2). */
  effectiveFrom: CalendarDate;
  /** Annual percentage, e.g. "7" or "12.25". */
  ratePercent: MoneyInput;
}

export class MissingInterestRateError extends Error {
  constructor(
    readonly kind: InterestKind,
    readonly date: CalendarDate,
  ) {
    super(`no ${kind} interest rate is known on ${date}`);
    this.name = 'MissingInterestRateError';
  }
}

/** Interest over the half-open period [from, to): `from` counts, `to` does not. */
export interface InterestPeriod {
  from: CalendarDate;
  to: CalendarDate;
  days: number;
  ratePercent: Money;
  base: Money;
  /** Rounded to cents for this period alone. */
  amount: Money;
}

export interface CompoundedInterestPeriod extends InterestPeriod {
  /** True on the last period of a full interest year: its interest joined the base afterwards. */
  capitalisedAfter?: boolean;
}

export interface AccrueInterestInput {
  kind: InterestKind;
  rates: readonly InterestRate[];
  base: MoneyInput;
  from: CalendarDate;
  to: CalendarDate;
}

export interface InterestAccrual {
  periods: InterestPeriod[];
  total: Money;
}

export interface SimpleClaimInterestInput {
  kind: InterestKind;
  rates: readonly InterestRate[];
  principal: MoneyInput;
  from: CalendarDate;
  to: CalendarDate;
}

export interface SimpleClaimInterest {
  periods: CompoundedInterestPeriod[];
  total: Money;
  /** The part of `total` that was added to the base at yearly anniversaries. */
  capitalised: Money;
}

/**
 * Simple interest on a fixed base over [from, to): from the first day up to but not including
 * `to`, so consecutive periods that share a boundary never count a day twice. The period is split
 * where a new rate takes effect (6:120); each part is rounded to cents. No compounding: the caller
 * decides when interest joins the base. Throws MissingInterestRateError before the first rate.
 */
export function accrueInterest({ kind, rates, base, from, to }: AccrueInterestInput): InterestAccrual {
  const amountBase = money(base);
  const periods = rateSegments(rateSchedule(kind, rates), kind, from, to).map((segment) =>
    interestPeriod(segment, amountBase),
  );
  return { periods, total: sum(periods.map((p) => p.amount)) };
}

/**
 * Interest on a claim without payments over [from, to), compounded: after each full year from
 * `from` that year's interest is added to the base (6:119 lid 2, 6:119a lid 3).
 */
export function computeSimpleClaimInterest(input: SimpleClaimInterestInput): SimpleClaimInterest {
  const { kind, rates, principal, from, to } = input;
  requirePeriod(from, to);
  const periods: CompoundedInterestPeriod[] = [];
  let capitalised = ZERO;
  for (let year = 1, start = from; compareDates(start, to) < 0; year++) {
    const anniversary = interestAnniversary(from, year);
    const end = minDate(anniversary, to);
    const accrual = accrueInterest({ kind, rates, base: money(principal).plus(capitalised), from: start, to: end });
    periods.push(...accrual.periods);
    if (end === anniversary) {
      capitalised = capitalised.plus(accrual.total);
      markCapitalised(periods, anniversary);
    }
    start = end;
  }
  return { periods, total: sum(periods.map((p) => p.amount)), capitalised };
}

/**
 * The date the n-th interest year ends. Counted from the start each time, so a start on
 * 29 February returns to the 29th in leap years instead of drifting to the 28th.
 */
export function interestAnniversary(interestFrom: CalendarDate, years: number): CalendarDate {
  return addYears(interestFrom, years);
}

/**
 * Flags the period that ends on the anniversary, so a statement shows where interest joined the
 * base. No period ends there when the base was nil; then there is nothing to flag.
 */
export function markCapitalised(periods: CompoundedInterestPeriod[], anniversary: CalendarDate): void {
  const last = periods[periods.length - 1];
  if (last?.to === anniversary) last.capitalisedAfter = true;
}

interface RateStep {
  effectiveFrom: CalendarDate;
  ratePercent: Money;
}

interface RateSegment {
  from: CalendarDate;
  to: CalendarDate;
  ratePercent: Money;
}

/**
 * Rate tables are immutable inputs, and one statement accrues per claim, payment and year, so the
 * parsed schedule is kept per table and kind (about half of a statement's time went to re-parsing).
 */
const schedules = new WeakMap<readonly InterestRate[], Map<InterestKind, RateStep[]>>();

function rateSchedule(kind: InterestKind, rates: readonly InterestRate[]): RateStep[] {
  let byKind = schedules.get(rates);
  if (!byKind) schedules.set(rates, (byKind = new Map()));
  let schedule = byKind.get(kind);
  if (!schedule) byKind.set(kind, (schedule = parseSchedule(kind, rates)));
  return schedule;
}

function parseSchedule(kind: InterestKind, rates: readonly InterestRate[]): RateStep[] {
  const steps = rates
    .filter((r) => r.kind === kind)
    .map((r) => ({ effectiveFrom: parseCalendarDate(r.effectiveFrom), ratePercent: money(r.ratePercent) }))
    .sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
  steps.forEach((step, i) => {
    if (i > 0 && steps[i - 1].effectiveFrom === step.effectiveFrom) {
      throw new RangeError(`two ${kind} interest rates take effect on ${step.effectiveFrom}`);
    }
  });
  // A republished unchanged rate is no rate change, so it must not split a period (and its rounding).
  return steps.filter((step, i) => i === 0 || !step.ratePercent.equals(steps[i - 1].ratePercent));
}

function rateSegments(schedule: RateStep[], kind: InterestKind, from: CalendarDate, to: CalendarDate): RateSegment[] {
  requirePeriod(from, to);
  if (from === to) return [];
  const first = schedule.findLastIndex((step) => compareDates(step.effectiveFrom, from) <= 0);
  if (first < 0) throw new MissingInterestRateError(kind, from);

  const segments: RateSegment[] = [];
  for (let i = first, start = from; compareDates(start, to) < 0; i++) {
    const next = schedule[i + 1];
    const end = next && compareDates(next.effectiveFrom, to) < 0 ? next.effectiveFrom : to;
    segments.push({ from: start, to: end, ratePercent: schedule[i].ratePercent });
    start = end;
  }
  return segments;
}

function requirePeriod(from: CalendarDate, to: CalendarDate): void {
  if (compareDates(parseCalendarDate(to), parseCalendarDate(from)) < 0) {
    throw new RangeError(`interest period ends (${to}) before it starts (${from})`);
  }
}

function interestPeriod({ from, to, ratePercent }: RateSegment, base: Money): InterestPeriod {
  const days = daysBetween(from, to);
  const amount = roundCents(base.times(ratePercent).times(days).dividedBy(100 * DAY_COUNT_BASIS));
  return { from, to, days, ratePercent, base, amount };
}
