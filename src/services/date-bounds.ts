import { addYears, type CalendarDate } from '../domain/dates';
import { STATUTORY_INTEREST_RATES } from '../domain/interest-rates-seed';

/**
 * The span of days the hub computes for. Before the first statutory rate in the table there is no
 * interest to compute (and such claims are long prescribed); far in the future every result is a
 * guess and the work grows with the years asked for, so one request cannot tie up the server.
 */
export const EARLIEST_DATE: CalendarDate = STATUTORY_INTEREST_RATES.map((r) => r.effectiveFrom).sort()[0];
export const HORIZON_YEARS = 10;

export function latestDate(today: CalendarDate): CalendarDate {
  return addYears(today, HORIZON_YEARS);
}

/** Null when the day is within bounds, else why not (for an error naming the field). */
export function outOfBounds(date: CalendarDate, today: CalendarDate): string | null {
  if (date < EARLIEST_DATE) return `is before ${EARLIEST_DATE}, the first day the statutory interest table covers`;
  if (date > latestDate(today)) return `is more than ${HORIZON_YEARS} years ahead`;
  return null;
}
