import { prescriptionDate, type ClaimKind } from '../../../src/domain/prescription';

describe('prescriptionDate', () => {
  it.each<[ClaimKind, string, string, string, string]>([
    ['CONTRACT', '2020-03-15', '2025-03-15', '2025-03-16', 'term starts 16 March 2020, runs 5 years'],
    ['CONTRACT', '2021-12-31', '2026-12-31', '2027-01-01', 'year end'],
    ['CONTRACT', '2024-06-14', '2029-06-14', '2029-06-15', 'mid-year'],
    ['CONTRACT', '2020-06-15', '2025-06-15', '2025-06-16', 'the last day is a Sunday: the Atw does not move it'],
    ['CONSUMER_SALE', '2023-06-30', '2025-06-30', '2025-07-01', 'consumer sale: 2 years (7:28)'],
    ['CONSUMER_SALE', '2024-01-01', '2026-01-01', '2026-01-02', 'due on a holiday: no matter'],
  ])('%s due %s → last day %s, prescribed from %s (%s)', (kind, dueDate, lastDayToInterrupt, prescribedFrom) => {
    expect(prescriptionDate({ dueDate, kind, interruptions: [] })).toEqual({ lastDayToInterrupt, prescribedFrom });
  });

  describe('leap days', () => {
    it.each<[ClaimKind, string, string, string, string]>([
      ['CONTRACT', '2020-02-28', '2025-02-27', '2025-02-28', 'term starts 29 Feb 2020; no 29 Feb in 2025 → 28 Feb'],
      ['CONTRACT', '2020-02-29', '2025-02-28', '2025-03-01', 'term starts 1 March 2020'],
      ['CONTRACT', '2019-02-28', '2024-02-29', '2024-03-01', 'term starts 1 March 2019; last day is the leap day'],
      ['CONTRACT', '2023-02-28', '2028-02-29', '2028-03-01', 'ends in a leap year'],
      ['CONSUMER_SALE', '2024-02-28', '2026-02-27', '2026-02-28', 'term starts 29 Feb 2024 → 28 Feb 2026'],
      ['CONSUMER_SALE', '2022-02-28', '2024-02-29', '2024-03-01', 'term starts 1 March 2022'],
    ])('%s due %s → last day %s, prescribed from %s (%s)', (kind, dueDate, lastDayToInterrupt, prescribedFrom) => {
      expect(prescriptionDate({ dueDate, kind, interruptions: [] })).toEqual({ lastDayToInterrupt, prescribedFrom });
    });
  });

  describe('interruptions (3:317) start a new term the next day (3:319)', () => {
    it.each<[ClaimKind, string, string[], string, string]>([
      ['CONTRACT', '2020-01-10', ['2022-05-01'], '2027-05-01', 'new 5-year term from 2 May 2022'],
      ['CONTRACT', '2020-01-10', ['2022-05-01', '2026-12-31'], '2031-12-31', 'a second demand within the new term'],
      ['CONTRACT', '2020-01-10', ['2026-12-31', '2022-05-01'], '2031-12-31', 'order of input does not matter'],
      ['CONTRACT', '2015-01-10', ['2020-01-10'], '2025-01-10', 'a demand on the last day still counts'],
      ['CONTRACT', '2015-01-10', ['2020-01-11'], '2020-01-10', 'a demand on the first prescribed day is too late'],
      ['CONTRACT', '2015-01-10', ['2020-06-01', '2021-01-01'], '2020-01-10', 'demands after prescription never revive the claim'],
      ['CONTRACT', '2015-01-10', ['2019-06-01', '2024-06-01'], '2029-06-01', 'a chain of demands, each within the running term'],
      ['CONTRACT', '2015-01-10', ['2019-06-01', '2024-06-03'], '2024-06-01', 'the chain breaks: the second came after the claim prescribed'],
      ['CONTRACT', '2020-01-10', ['2020-01-10', '2019-12-01'], '2025-01-10', 'a demand on or before the due date changes nothing'],
      ['CONSUMER_SALE', '2023-03-15', ['2024-09-01'], '2026-09-01', 'new term as long as the original: 2 years'],
      ['CONSUMER_SALE', '2023-03-15', ['2025-03-15'], '2027-03-15', 'consumer sale: demand on the last day of 2 years'],
      ['CONSUMER_SALE', '2023-03-15', ['2025-03-16'], '2025-03-15', 'consumer sale: one day late'],
      ['CONSUMER_SALE', '2022-03-15', ['2024-02-28'], '2026-02-27', 'new term from 29 Feb 2024 → prescribed from 28 Feb 2026'],
      ['CONTRACT', '2020-01-10', ['2022-05-01', '2022-05-01'], '2027-05-01', 'the same demand twice counts once'],
    ])('%s due %s, interrupted %j → last day %s (%s)', (kind, dueDate, interruptions, lastDayToInterrupt) => {
      expect(prescriptionDate({ dueDate, kind, interruptions }).lastDayToInterrupt).toBe(lastDayToInterrupt);
    });
  });

  it('always reports the prescribed-from day as the day after the last day to interrupt', () => {
    const { lastDayToInterrupt, prescribedFrom } = prescriptionDate({
      dueDate: '2020-02-28', kind: 'CONTRACT', interruptions: ['2023-02-28'],
    });
    expect([lastDayToInterrupt, prescribedFrom]).toEqual(['2028-02-29', '2028-03-01']);
  });

  it('does not change the caller\'s list', () => {
    const interruptions = ['2024-01-01', '2022-01-01'];
    prescriptionDate({ dueDate: '2021-01-01', kind: 'CONTRACT', interruptions });
    expect(interruptions).toEqual(['2024-01-01', '2022-01-01']);
  });
});
