import { extendTermEnd, isTermHoliday, type EquatedDays } from './calendar';
import { addDays, compareDates, dayOfWeek, maxDate, type CalendarDate } from './dates';

/**
 * The 14-day letter ("veertiendagenbrief", art. 6:96 lid 6 BW): a consumer must get 14 days to
 * pay without collection costs, counted from the day after the letter is received
 * (HR 25-11-2016, ECLI:NL:HR:2016:2704).
 */

export type DebtorKind = 'CONSUMER' | 'BUSINESS';

export interface WikTerm {
  postedOn: CalendarDate;
  /** Assumed day of receipt; the letter's term cannot start before it. */
  deliveredOn: CalendarDate;
  termStartsOn: CalendarDate;
  /** The 14th day: the shortest term a letter may state. */
  termEndsOn: CalendarDate;
  /** termEndsOn moved past a Saturday, Sunday or holiday (Algemene termijnenwet art. 1). */
  extendedTermEndsOn: CalendarDate;
}

/** What a sent letter says: when it was posted and the last day it gives to pay. */
export interface WikLetter {
  postedOn: CalendarDate;
  statedTermEndsOn: CalendarDate;
}

const TERM_DAYS = 14;
/** Practice after the HR ruling: receipt on the 2nd delivery day after posting. */
const DELIVERY_DAYS_AFTER_POSTING = 2;
const SUNDAY = 0;
const MONDAY = 1;

/**
 * Post is not delivered on Sundays and Mondays. Treating every term holiday (Good Friday and
 * decreed days included) as a non-delivery day errs towards a later receipt, hence a longer
 * term, which is always allowed.
 */
function isDeliveryDay(date: CalendarDate, equatedDays: EquatedDays): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== SUNDAY && weekday !== MONDAY && !isTermHoliday(date, equatedDays);
}

/** The assumed day of receipt: the 2nd delivery day after the day of posting. */
export function assumedDeliveryDate(postedOn: CalendarDate, equatedDays: EquatedDays = []): CalendarDate {
  let date = postedOn;
  let deliveryDaysCounted = 0;
  while (deliveryDaysCounted < DELIVERY_DAYS_AFTER_POSTING) {
    date = addDays(date, 1);
    if (isDeliveryDay(date, equatedDays)) deliveryDaysCounted += 1;
  }
  return date;
}

export function computeWikTerm(postedOn: CalendarDate, equatedDays: EquatedDays = []): WikTerm {
  const deliveredOn = assumedDeliveryDate(postedOn, equatedDays);
  const termEndsOn = addDays(deliveredOn, TERM_DAYS);
  return {
    postedOn,
    deliveredOn,
    termStartsOn: addDays(deliveredOn, 1),
    termEndsOn,
    extendedTermEndsOn: extendTermEnd(termEndsOn, equatedDays),
  };
}

/**
 * A letter stating a shorter term than 14 full days after receipt is defective and no costs are
 * due on it; a longer term is allowed. The Atw extension applies by force of law, so a letter
 * need not state it to be valid.
 */
export function isWikTermValid(letter: WikLetter, equatedDays: EquatedDays = []): boolean {
  return compareDates(letter.statedTermEndsOn, computeWikTerm(letter.postedOn, equatedDays).termEndsOn) >= 0;
}

export type CostsInput =
  | {
      debtorKind: 'BUSINESS';
      /** The agreed (or statutory) last day for payment of the invoice. */
      paymentDeadline: CalendarDate;
      today: CalendarDate;
    }
  | {
      debtorKind: 'CONSUMER';
      letter: WikLetter | null;
      /** The day the claim was paid in full, if it was. */
      paidInFullOn: CalendarDate | null;
      today: CalendarDate;
      equatedDays?: EquatedDays;
    };

export type CostsRefusal =
  | 'NOT_YET_DUE'
  | 'NO_WIK_LETTER'
  | 'DEFECTIVE_WIK_LETTER'
  | 'PAID_WITHIN_TERM'
  | 'TERM_RUNNING';

export type CostsDecision =
  | { chargeable: true; chargeableFrom: CalendarDate }
  | { chargeable: false; reason: CostsRefusal; chargeableFrom: CalendarDate | null };

/** Whether extrajudicial collection costs may be charged today, and from which day. */
export function decideCollectionCosts(input: CostsInput): CostsDecision {
  if (input.debtorKind === 'BUSINESS') {
    // 6:96 lid 4: in a commercial transaction the costs are due without any demand.
    return decideFrom(addDays(input.paymentDeadline, 1), input.today, 'NOT_YET_DUE');
  }
  const { letter, paidInFullOn, today, equatedDays = [] } = input;
  if (!letter) return { chargeable: false, reason: 'NO_WIK_LETTER', chargeableFrom: null };
  if (!isWikTermValid(letter, equatedDays)) {
    return { chargeable: false, reason: 'DEFECTIVE_WIK_LETTER', chargeableFrom: null };
  }
  // A creditor that states a longer term than the law requires is held to it.
  const lastDayToPay = maxDate(computeWikTerm(letter.postedOn, equatedDays).extendedTermEndsOn, letter.statedTermEndsOn);
  if (paidInFullOn !== null && compareDates(paidInFullOn, lastDayToPay) <= 0) {
    return { chargeable: false, reason: 'PAID_WITHIN_TERM', chargeableFrom: null };
  }
  return decideFrom(addDays(lastDayToPay, 1), today, 'TERM_RUNNING');
}

function decideFrom(chargeableFrom: CalendarDate, today: CalendarDate, notYet: CostsRefusal): CostsDecision {
  return compareDates(today, chargeableFrom) >= 0
    ? { chargeable: true, chargeableFrom }
    : { chargeable: false, reason: notYet, chargeableFrom };
}
