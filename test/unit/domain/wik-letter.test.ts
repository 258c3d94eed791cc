import { addDays, dayOfWeek, daysBetween } from '../../../src/domain/dates';
import {
  assumedDeliveryDate,
  computeWikTerm,
  decideCollectionCosts,
  isWikTermValid,
} from '../../../src/domain/wik-letter';

/**
 * Counting convention in the comments: after the posting day, each day is either a delivery day
 * (numbered 1, 2) or skipped (x: a Sunday, a Monday or a holiday). Day 2 is the day of receipt;
 * the 14 days run from the next day, so the term ends on receipt + 14. A term ending on a
 * Saturday, Sunday or holiday runs on to the next day that is none of these.
 */
describe('computeWikTerm', () => {
  type Row = [posted: string, delivered: string, termEnds: string, extendedEnds: string, counting: string];

  const ordinaryWeek: Row[] = [
    ['2025-06-16', '2025-06-18', '2025-07-02', '2025-07-02', 'Mon: Tue 17 (1), Wed 18 (2)'],
    ['2025-06-17', '2025-06-19', '2025-07-03', '2025-07-03', 'Tue: Wed 18 (1), Thu 19 (2)'],
    ['2025-06-18', '2025-06-20', '2025-07-04', '2025-07-04', 'Wed: Thu 19 (1), Fri 20 (2)'],
    ['2025-06-19', '2025-06-21', '2025-07-05', '2025-07-07', 'Thu: Fri 20 (1), Sat 21 (2); ends Sat 5 July → Mon 7'],
    ['2025-06-20', '2025-06-24', '2025-07-08', '2025-07-08', 'Fri: Sat 21 (1), Sun x, Mon x, Tue 24 (2)'],
    ['2025-06-21', '2025-06-25', '2025-07-09', '2025-07-09', 'Sat: Sun x, Mon x, Tue 24 (1), Wed 25 (2)'],
    ['2025-06-22', '2025-06-25', '2025-07-09', '2025-07-09', 'Sun: Mon x, Tue 24 (1), Wed 25 (2)'],
  ];

  const aroundHolidays: Row[] = [
    // Easter 2025: Good Friday 18 April, Easter Monday 21 April; Liberation Day Monday 5 May.
    ['2025-04-15', '2025-04-17', '2025-05-01', '2025-05-01', 'Tue: Wed 16 (1), Thu 17 (2)'],
    ['2025-04-16', '2025-04-19', '2025-05-03', '2025-05-06', 'Wed: Thu 17 (1), Good Fri x, Sat 19 (2); ends Sat 3 May, Sun, Liberation Day Mon 5 → Tue 6'],
    ['2025-04-17', '2025-04-22', '2025-05-06', '2025-05-06', 'Thu: Good Fri x, Sat 19 (1), Sun x, Easter Mon x, Tue 22 (2)'],
    // Christmas 2025 on Thursday and Friday.
    ['2025-12-23', '2025-12-27', '2026-01-10', '2026-01-12', 'Tue: Wed 24 (1), Thu 25 x, Fri 26 x, Sat 27 (2); ends Sat → Mon 12 Jan'],
    ['2025-12-24', '2025-12-30', '2026-01-13', '2026-01-13', 'Wed: Thu x, Fri x, Sat 27 (1), Sun x, Mon x, Tue 30 (2)'],
    ['2025-12-31', '2026-01-03', '2026-01-17', '2026-01-19', "Wed: New Year's Day x, Fri 2 (1), Sat 3 (2); ends Sat → Mon 19 Jan"],
    // King's Day: Saturday 26 April 2025 (the 27th is a Sunday); Tuesday 27 April 2027.
    ['2025-04-24', '2025-04-29', '2025-05-13', '2025-05-13', "Thu: Fri 25 (1), King's Day Sat 26 x, Sun x, Mon x, Tue 29 (2)"],
    ['2027-04-26', '2027-04-29', '2027-05-13', '2027-05-13', "Mon: King's Day Tue 27 x, Wed 28 (1), Thu 29 (2)"],
    // Ascension Day Thursday 29 May 2025; Whit Monday 9 June 2025.
    ['2025-05-27', '2025-05-30', '2025-06-13', '2025-06-13', 'Tue: Wed 28 (1), Ascension x, Fri 30 (2)'],
    ['2025-05-28', '2025-05-31', '2025-06-14', '2025-06-16', 'Wed: Ascension x, Fri 30 (1), Sat 31 (2); ends Sat → Mon 16'],
    ['2025-06-06', '2025-06-10', '2025-06-24', '2025-06-24', 'Fri: Sat 7 (1), Sun x, Whit Mon x, Tue 10 (2)'],
  ];

  const termEndingOnANonWorkingDay: Row[] = [
    ['2025-05-22', '2025-05-24', '2025-06-07', '2025-06-10', 'Thu: Fri 23 (1), Sat 24 (2); ends Sat 7 June, Sun, Whit Mon → Tue 10'],
    ['2025-05-13', '2025-05-15', '2025-05-29', '2025-05-30', 'Tue: Wed 14 (1), Thu 15 (2); ends on Ascension Day → Fri 30'],
    ['2026-03-18', '2026-03-20', '2026-04-03', '2026-04-07', 'Wed: Thu 19 (1), Fri 20 (2); ends Good Friday, Sat, Sun, Easter Mon → Tue 7'],
    ['2027-04-09', '2027-04-13', '2027-04-27', '2027-04-28', "Fri: Sat 10 (1), Sun x, Mon x, Tue 13 (2); ends on King's Day → Wed 28"],
    ['2026-04-17', '2026-04-21', '2026-05-05', '2026-05-06', 'Fri: Sat 18 (1), Sun x, Mon x, Tue 21 (2); ends on Liberation Day → Wed 6'],
    ['2025-12-09', '2025-12-11', '2025-12-25', '2025-12-29', 'Tue: Wed 10 (1), Thu 11 (2); ends Christmas Day, Boxing Day, Sat, Sun → Mon 29'],
    ['2026-12-16', '2026-12-18', '2027-01-01', '2027-01-04', "Wed: Thu 17 (1), Fri 18 (2); ends New Year's Day (Fri), Sat, Sun → Mon 4"],
  ];

  it.each([...ordinaryWeek, ...aroundHolidays, ...termEndingOnANonWorkingDay])(
    'posted %s → received %s, 14th day %s, runs to %s (%s)',
    (postedOn, deliveredOn, termEndsOn, extendedTermEndsOn) => {
      expect(computeWikTerm(postedOn)).toEqual({
        postedOn,
        deliveredOn,
        termStartsOn: addDays(deliveredOn, 1),
        termEndsOn,
        extendedTermEndsOn,
      });
    },
  );

  describe('with a Friday after Ascension equated by decree (30 May 2025)', () => {
    const equated = ['2025-05-30'];

    it('delays receipt: Tue 27 May: Wed 28 (1), Ascension x, Fri 30 x, Sat 31 (2); ends Sat 14 June → Mon 16', () => {
      expect(computeWikTerm('2025-05-27', equated)).toMatchObject({
        deliveredOn: '2025-05-31',
        termEndsOn: '2025-06-14',
        extendedTermEndsOn: '2025-06-16',
      });
    });

    it('extends a term ending on Ascension Day past the Friday and the weekend to Monday 2 June', () => {
      expect(computeWikTerm('2025-05-13', equated).extendedTermEndsOn).toBe('2025-06-02');
    });
  });

  it('never lets a term end on a Sunday or Monday: receipt is never on one (so never on Whit Monday either)', () => {
    for (let postedOn = '2025-01-01'; postedOn <= '2027-12-31'; postedOn = addDays(postedOn, 1)) {
      const term = computeWikTerm(postedOn);
      expect([0, 1]).not.toContain(dayOfWeek(term.termEndsOn));
      expect(daysBetween(term.deliveredOn, term.termEndsOn)).toBe(14);
      expect(term.extendedTermEndsOn >= term.termEndsOn).toBe(true);
      expect([0, 6]).not.toContain(dayOfWeek(term.extendedTermEndsOn));
    }
  });
});

describe('assumedDeliveryDate', () => {
  it('is at least two days after posting', () => {
    for (let postedOn = '2025-01-01'; postedOn <= '2025-12-31'; postedOn = addDays(postedOn, 1)) {
      expect(daysBetween(postedOn, assumedDeliveryDate(postedOn))).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('isWikTermValid', () => {
  it.each([
    ['2025-06-16', '2025-07-02', true, 'exactly 14 days after receipt on Wed 18 June'],
    ['2025-06-16', '2025-07-07', true, 'a longer term is allowed'],
    ['2025-06-16', '2025-07-01', false, 'one day short'],
    ['2025-06-16', '2025-06-30', false, '14 days counted from the letter date'],
    ['2025-06-20', '2025-07-04', false, 'Friday letter counted from its date; receipt is Tuesday'],
    ['2025-06-19', '2025-07-05', true, 'the 14th day is a Saturday: the Atw extension need not be stated'],
    ['2025-04-17', '2025-05-05', false, 'Easter: receipt is Tue 22 April, so the term runs to 6 May'],
  ])('posted %s, stating %s → %s (%s)', (postedOn, statedTermEndsOn, expected) => {
    expect(isWikTermValid({ postedOn, statedTermEndsOn })).toBe(expected);
  });
});

describe('decideCollectionCosts', () => {
  // Posted Mon 16 June 2025: received Wed 18, term ends Wed 2 July; costs from Thu 3 July.
  const letter = { postedOn: '2025-06-16', statedTermEndsOn: '2025-07-02' };

  it.each([
    ['2025-07-02', null, { chargeable: false, reason: 'TERM_RUNNING', chargeableFrom: '2025-07-03' }],
    ['2025-07-03', null, { chargeable: true, chargeableFrom: '2025-07-03' }],
    ['2025-07-10', '2025-07-02', { chargeable: false, reason: 'PAID_WITHIN_TERM', chargeableFrom: null }],
    ['2025-06-20', '2025-06-19', { chargeable: false, reason: 'PAID_WITHIN_TERM', chargeableFrom: null }],
    ['2025-07-10', '2025-07-03', { chargeable: true, chargeableFrom: '2025-07-03' }],
  ])('consumer, today %s, paid in full on %s → %j', (today, paidInFullOn, expected) => {
    expect(decideCollectionCosts({ debtorKind: 'CONSUMER', letter, paidInFullOn, today })).toEqual(expected);
  });

  it('charges a consumer nothing without a 14-day letter', () => {
    expect(decideCollectionCosts({ debtorKind: 'CONSUMER', letter: null, paidInFullOn: null, today: '2030-01-01' }))
      .toEqual({ chargeable: false, reason: 'NO_WIK_LETTER', chargeableFrom: null });
  });

  it('charges a consumer nothing on a defective letter, however long ago it was sent', () => {
    const defective = { postedOn: '2025-06-16', statedTermEndsOn: '2025-06-30' };
    expect(decideCollectionCosts({ debtorKind: 'CONSUMER', letter: defective, paidInFullOn: null, today: '2030-01-01' }))
      .toEqual({ chargeable: false, reason: 'DEFECTIVE_WIK_LETTER', chargeableFrom: null });
  });

  it('waits for the Atw extension: 14th day Saturday 5 July, runs to Monday 7, costs from Tuesday 8', () => {
    const saturdayLetter = { postedOn: '2025-06-19', statedTermEndsOn: '2025-07-05' };
    const base = { debtorKind: 'CONSUMER' as const, letter: saturdayLetter };
    expect(decideCollectionCosts({ ...base, paidInFullOn: null, today: '2025-07-07' }))
      .toEqual({ chargeable: false, reason: 'TERM_RUNNING', chargeableFrom: '2025-07-08' });
    expect(decideCollectionCosts({ ...base, paidInFullOn: '2025-07-07', today: '2025-07-20' }))
      .toEqual({ chargeable: false, reason: 'PAID_WITHIN_TERM', chargeableFrom: null });
    expect(decideCollectionCosts({ ...base, paidInFullOn: null, today: '2025-07-08' }))
      .toEqual({ chargeable: true, chargeableFrom: '2025-07-08' });
  });

  it('holds the creditor to a longer stated term', () => {
    const generous = { postedOn: '2025-06-16', statedTermEndsOn: '2025-07-15' };
    const base = { debtorKind: 'CONSUMER' as const, letter: generous };
    expect(decideCollectionCosts({ ...base, paidInFullOn: null, today: '2025-07-10' }))
      .toEqual({ chargeable: false, reason: 'TERM_RUNNING', chargeableFrom: '2025-07-16' });
    expect(decideCollectionCosts({ ...base, paidInFullOn: '2025-07-15', today: '2025-07-20' }))
      .toEqual({ chargeable: false, reason: 'PAID_WITHIN_TERM', chargeableFrom: null });
  });

  it('uses days equated by decree: 14th day Ascension 2025, Friday 30 May equated → costs from Tuesday 3 June', () => {
    const ascensionLetter = { postedOn: '2025-05-13', statedTermEndsOn: '2025-05-29' };
    const base = { debtorKind: 'CONSUMER' as const, letter: ascensionLetter, paidInFullOn: null, today: '2025-06-02' };
    expect(decideCollectionCosts({ ...base, equatedDays: ['2025-05-30'] }))
      .toEqual({ chargeable: false, reason: 'TERM_RUNNING', chargeableFrom: '2025-06-03' });
    expect(decideCollectionCosts(base)).toEqual({ chargeable: true, chargeableFrom: '2025-05-31' });
  });

  it.each([
    ['2025-06-30', { chargeable: false, reason: 'NOT_YET_DUE', chargeableFrom: '2025-07-01' }],
    ['2025-07-01', { chargeable: true, chargeableFrom: '2025-07-01' }],
  ])('business: no letter needed; deadline 30 June 2025, today %s → %j', (today, expected) => {
    expect(decideCollectionCosts({ debtorKind: 'BUSINESS', paymentDeadline: '2025-06-30', today })).toEqual(expected);
  });
});
