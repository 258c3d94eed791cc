import { isTermHoliday, type EquatedDays } from './calendar';
import { addDays, dayOfWeek, toUtcDate, type CalendarDate } from './dates';

/**
 * When an agency may approach a debtor electronically, in person or by phone (Besluit kwaliteit
 * incassodienstverlening art. 4.2): not between 20:00 and 07:00, and not on a Sunday or on "een
 * algemeen erkende feestdag als bedoeld in de Algemene termijnenwet". That reference is read as
 * the whole Atw list, Good Friday and the days equated by decree included: the strict reading,
 * and the same list the term rules use. Times are Dutch wall-clock time, daylight saving included.
 */

const ZONE = 'Europe/Amsterdam';
const FIRST_HOUR = 7;
const END_HOUR = 20;
const SUNDAY = 0;
const HOUR_MS = 3_600_000;

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClockTime {
  date: CalendarDate;
  hour: number;
  /** Milliseconds the Dutch wall clock is ahead of UTC at that instant. */
  offsetMs: number;
}

function wallClockTime(instant: Date): WallClockTime {
  const part = Object.fromEntries(wallClock.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+part.year, +part.month - 1, +part.day, +part.hour, +part.minute, +part.second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return { date: `${part.year}-${part.month}-${part.day}`, hour: +part.hour, offsetMs: asUtc - wholeSeconds };
}

/** The instant the Dutch wall clock shows `hour`:00 on `date`. */
function instantAt(date: CalendarDate, hour: number): Date {
  const asUtc = toUtcDate(date).getTime() + hour * HOUR_MS;
  const guess = asUtc - wallClockTime(new Date(asUtc)).offsetMs;
  // Re-read the offset at the guess itself, in case a DST change lies between the two.
  return new Date(asUtc - wallClockTime(new Date(guess)).offsetMs);
}

function isContactDay(date: CalendarDate, equatedDays: EquatedDays): boolean {
  return dayOfWeek(date) !== SUNDAY && !isTermHoliday(date, equatedDays);
}

export function isContactAllowed(instant: Date, equatedDays: EquatedDays = []): boolean {
  const { date, hour } = wallClockTime(instant);
  return isContactDay(date, equatedDays) && hour >= FIRST_HOUR && hour < END_HOUR;
}

/** The earliest instant at or after `instant` at which the debtor may be contacted. */
export function nextContactMoment(instant: Date, equatedDays: EquatedDays = []): Date {
  if (isContactAllowed(instant, equatedDays)) return new Date(instant.getTime());
  const { date, hour } = wallClockTime(instant);
  let day = hour < FIRST_HOUR ? date : addDays(date, 1);
  while (!isContactDay(day, equatedDays)) day = addDays(day, 1);
  return instantAt(day, FIRST_HOUR);
}
