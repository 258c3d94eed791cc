import { addDays, compareDates, dayOfWeek, makeDate, yearOf, type CalendarDate } from './dates';

/**
 * The Dutch calendar for statutory terms: the "algemeen erkende feestdagen" of the Algemene
 * termijnenwet (Atw), computed for any year from 2014 on, never listed by hand.
 */

export type TermHolidayName =
  | "New Year's Day"
  | 'Good Friday'
  | 'Easter Monday'
  | "King's Day"
  | 'Liberation Day'
  | 'Ascension Day'
  | 'Whit Monday'
  | 'Christmas Day'
  | 'Boxing Day';

export interface TermHoliday {
  date: CalendarDate;
  name: TermHolidayName;
}

/**
 * Days the government equates with a holiday by decree (Atw art. 3 lid 3, a "Besluit
 * gelijkstelling" published every few years, e.g. the Friday after Ascension Day). They cannot be
 * computed, so callers pass them in as data; without them a term may come out a day short.
 */
export type EquatedDays = readonly CalendarDate[];

/** King's Day replaced Queen's Day (30 April) in 2014; earlier years are out of scope. */
export const FIRST_SUPPORTED_YEAR = 2014;

const SATURDAY = 6;
const SUNDAY = 0;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeDate(year, month, day);
}

/**
 * Atw art. 3 lid 1 names "the day on which the King's birthday is celebrated": 27 April, moved
 * to the 26th when the 27th is a Sunday.
 */
function kingsDay(year: number): CalendarDate {
  const the27th = makeDate(year, 4, 27);
  return dayOfWeek(the27th) === SUNDAY ? makeDate(year, 4, 26) : the27th;
}

/**
 * The holidays of Atw art. 3 lid 1 plus Good Friday, which art. 3 lid 2 equates with them
 * "voor de toepassing van deze wet". Easter Sunday and Whit Sunday are Sundays anyway.
 */
export function termHolidays(year: number): TermHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR) {
    throw new RangeError(`term holidays are computed from ${FIRST_SUPPORTED_YEAR} on, not for ${year}`);
  }
  const easter = easterSunday(year);
  const holidays: TermHoliday[] = [
    { date: makeDate(year, 1, 1), name: "New Year's Day" },
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: kingsDay(year), name: "King's Day" },
    { date: makeDate(year, 5, 5), name: 'Liberation Day' },
    { date: addDays(easter, 39), name: 'Ascension Day' },
    { date: addDays(easter, 50), name: 'Whit Monday' },
    { date: makeDate(year, 12, 25), name: 'Christmas Day' },
    { date: makeDate(year, 12, 26), name: 'Boxing Day' },
  ];
  return holidays.sort((x, y) => compareDates(x.date, y.date));
}

export function isTermHoliday(date: CalendarDate, equatedDays: EquatedDays = []): boolean {
  return equatedDays.includes(date) || termHolidays(yearOf(date)).some((h) => h.date === date);
}

export function isWeekendOrHoliday(date: CalendarDate, equatedDays: EquatedDays = []): boolean {
  const weekday = dayOfWeek(date);
  return weekday === SATURDAY || weekday === SUNDAY || isTermHoliday(date, equatedDays);
}

/** The first day strictly after `date` that is no Saturday, Sunday or term holiday. */
export function nextDayThatIsNotWeekendOrHoliday(date: CalendarDate, equatedDays: EquatedDays = []): CalendarDate {
  let next = addDays(date, 1);
  while (isWeekendOrHoliday(next, equatedDays)) next = addDays(next, 1);
  return next;
}

/**
 * The last day of a statutory term under Atw art. 1 lid 1: a term ending on a Saturday, Sunday
 * or holiday runs on to and including the next day that is none of these. Terms longer than
 * three months (prescription) are excluded by Atw art. 4 and must not use this.
 */
export function extendTermEnd(termEndsOn: CalendarDate, equatedDays: EquatedDays = []): CalendarDate {
  return isWeekendOrHoliday(termEndsOn, equatedDays)
    ? nextDayThatIsNotWeekendOrHoliday(termEndsOn, equatedDays)
    : termEndsOn;
}
