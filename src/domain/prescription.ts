import { addDays, addYears, compareDates, type CalendarDate } from './dates';

/**
 * Extinctive prescription ("verjaring") of a money claim. The term starts at the beginning of the
 * day after the claim fell due (3:307) and runs for whole calendar years, so it ends at the start
 * of the same calendar date that many years later. 29 February maps to 28 February in a common
 * year (the earlier date: it never tells the agency it has more time than it has).
 *
 * The Algemene termijnenwet does not apply (art. 4: terms longer than three months), so a
 * prescription date on a weekend or holiday stands.
 */

export type ClaimKind = 'CONTRACT' | 'CONSUMER_SALE';

export interface PrescriptionInput {
  /** The day the claim became due ("opeisbaar"). */
  dueDate: CalendarDate;
  kind: ClaimKind;
  /**
   * Days on which a written demand or acknowledgement interrupted prescription (3:317, 3:318);
   * the day it reached the debtor (3:37 lid 3), in any order.
   */
  interruptions: readonly CalendarDate[];
}

export interface Prescription {
  /** The last day on which an interruption still counts and the claim is not yet prescribed. */
  lastDayToInterrupt: CalendarDate;
  /** The first day on which the claim is prescribed (if the debtor invokes it, 3:322). */
  prescribedFrom: CalendarDate;
}

/** 3:307 for contract claims; 7:28 for the price in a consumer sale. */
const TERM_YEARS: Record<ClaimKind, number> = { CONTRACT: 5, CONSUMER_SALE: 2 };
/** 3:319 lid 1: the new term equals the original one, but is never longer than five years. */
const MAX_NEW_TERM_YEARS = 5;

export function prescriptionDate({ dueDate, kind, interruptions }: PrescriptionInput): Prescription {
  const years = TERM_YEARS[kind];
  let prescribedFrom = termEnd(dueDate, years);
  for (const interruptedOn of [...interruptions].sort(compareDates)) {
    // An interruption on or after the day the claim prescribed cannot revive it.
    if (compareDates(interruptedOn, prescribedFrom) >= 0) break;
    // 3:319 lid 1: a new term starts at the beginning of the day after the interruption.
    const renewed = termEnd(interruptedOn, Math.min(years, MAX_NEW_TERM_YEARS));
    if (compareDates(renewed, prescribedFrom) > 0) prescribedFrom = renewed;
  }
  return { lastDayToInterrupt: addDays(prescribedFrom, -1), prescribedFrom };
}

/** The first day after a term of `years` that starts at the beginning of the day after `day`. */
function termEnd(day: CalendarDate, years: number): CalendarDate {
  return addYears(addDays(day, 1), years);
}
