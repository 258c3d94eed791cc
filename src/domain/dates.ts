/**
 * Calendar dates for legal terms: a date without a time or zone, written "YYYY-MM-DD".
 * Legal terms count whole days in the Netherlands, so rules take and return these strings and
 * compute on UTC midnights internally, which has no daylight-saving gaps.
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function parseCalendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${value}`);
  return value;
}

function toUtc(date: CalendarDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]);
}

export function fromUtcDate(d: Date): CalendarDate {
  return d.toISOString().slice(0, 10);
}

export function toUtcDate(date: CalendarDate): Date {
  return new Date(toUtc(date));
}

export function makeDate(year: number, month: number, day: number): CalendarDate {
  return fromUtcDate(new Date(Date.UTC(year, month - 1, day)));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcDate(new Date(toUtc(date) + days * DAY_MS));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Adds calendar years; 29 February falls back to 28 February in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const d = new Date(toUtc(date));
  const target = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return fromUtcDate(target);
}

/**
 * Adds calendar months keeping the day of the month, clamped to the month's last day:
 * 31 January + 1 month = 28 (or 29) February, 31 January + 2 months = 31 March.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const d = new Date(toUtc(date));
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return fromUtcDate(target);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(toUtc(date)).getUTCDay();
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function yearOf(date: CalendarDate): number {
  return +date.slice(0, 4);
}

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in the Netherlands at an instant: legal terms count Dutch days. */
export function dutchDate(instant: Date): CalendarDate {
  return AMSTERDAM_DATE.format(instant);
}
