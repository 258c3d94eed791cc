import {
  easterSunday,
  extendTermEnd,
  isTermHoliday,
  isWeekendOrHoliday,
  nextDayThatIsNotWeekendOrHoliday,
  termHolidays,
} from '../../../src/domain/calendar';
import { dayOfWeek } from '../../../src/domain/dates';

describe('easterSunday (anonymous Gregorian computus)', () => {
  it.each([
    [2000, '2000-04-23'], [2001, '2001-04-15'], [2002, '2002-03-31'], [2003, '2003-04-20'],
    [2004, '2004-04-11'], [2005, '2005-03-27'], [2006, '2006-04-16'], [2007, '2007-04-08'],
    [2008, '2008-03-23'], [2009, '2009-04-12'], [2010, '2010-04-04'], [2011, '2011-04-24'],
    [2012, '2012-04-08'], [2013, '2013-03-31'], [2014, '2014-04-20'], [2015, '2015-04-05'],
    [2016, '2016-03-27'], [2017, '2017-04-16'], [2018, '2018-04-01'], [2019, '2019-04-21'],
    [2020, '2020-04-12'], [2021, '2021-04-04'], [2022, '2022-04-17'], [2023, '2023-04-09'],
    [2024, '2024-03-31'], [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'],
    [2028, '2028-04-16'], [2029, '2029-04-01'], [2030, '2030-04-21'],
    // Extremes and century years: earliest (22 March) and latest (25 April) possible dates.
    [1818, '1818-03-22'], [1943, '1943-04-25'], [2038, '2038-04-25'], [2049, '2049-04-18'],
    [2100, '2100-03-28'], [2285, '2285-03-22'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2200; year += 1) {
      const easter = easterSunday(year);
      expect(dayOfWeek(easter)).toBe(0);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
    }
  });
});

describe('termHolidays (Algemene termijnenwet art. 3)', () => {
  it('lists 2025 in date order: King\'s Day moves to Saturday 26 April because the 27th is a Sunday', () => {
    expect(termHolidays(2025)).toEqual([
      { date: '2025-01-01', name: "New Year's Day" },
      { date: '2025-04-18', name: 'Good Friday' },
      { date: '2025-04-21', name: 'Easter Monday' },
      { date: '2025-04-26', name: "King's Day" },
      { date: '2025-05-05', name: 'Liberation Day' },
      { date: '2025-05-29', name: 'Ascension Day' },
      { date: '2025-06-09', name: 'Whit Monday' },
      { date: '2025-12-25', name: 'Christmas Day' },
      { date: '2025-12-26', name: 'Boxing Day' },
    ]);
  });

  it('lists 2026 in date order', () => {
    expect(termHolidays(2026)).toEqual([
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-04-27', name: "King's Day" },
      { date: '2026-05-05', name: 'Liberation Day' },
      { date: '2026-05-14', name: 'Ascension Day' },
      { date: '2026-05-25', name: 'Whit Monday' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-26', name: 'Boxing Day' },
    ]);
  });

  it('puts Ascension Day before Liberation Day when Easter is early (2035: Ascension on 3 May)', () => {
    const names = termHolidays(2035).map((h) => `${h.date} ${h.name}`);
    expect(names).toContain('2035-05-03 Ascension Day');
    expect(names.indexOf('2035-05-03 Ascension Day')).toBeLessThan(names.indexOf('2035-05-05 Liberation Day'));
  });

  it.each([
    [2014, '2014-04-26'], // 27th a Sunday
    [2024, '2024-04-27'], // a Saturday: not moved
    [2025, '2025-04-26'], // 27th a Sunday
    [2026, '2026-04-27'],
    [2027, '2027-04-27'],
    [2031, '2031-04-26'], // 27th a Sunday
    [2036, '2036-04-26'], // 27th a Sunday
  ])("King's Day %i is %s", (year, expected) => {
    expect(termHolidays(year).find((h) => h.name === "King's Day")?.date).toBe(expected);
  });

  it.each([2024, 2025, 2026, 2030])('has 5 May (Liberation Day) every year, not only lustrum years: %i', (year) => {
    expect(isTermHoliday(`${year}-05-05`)).toBe(true);
  });

  it('refuses years before King\'s Day existed (2014)', () => {
    expect(() => termHolidays(2013)).toThrow(RangeError);
  });
});

describe('isTermHoliday', () => {
  it.each([
    ['2025-01-01', true, "New Year's Day"],
    ['2025-04-18', true, 'Good Friday (art. 3 lid 2 equates it)'],
    ['2025-04-20', false, 'Easter Sunday: a Sunday, not a listed holiday'],
    ['2025-04-21', true, 'Easter Monday'],
    ['2025-04-26', true, "King's Day on the 26th"],
    ['2025-04-27', false, 'the 27th when King\'s Day moved'],
    ['2025-05-29', true, 'Ascension Day'],
    ['2025-05-30', false, 'the Friday after Ascension without a decree'],
    ['2025-06-08', false, 'Whit Sunday'],
    ['2025-06-09', true, 'Whit Monday'],
    ['2025-12-24', false, 'Christmas Eve'],
    ['2025-12-25', true, 'Christmas Day'],
    ['2025-12-26', true, 'Boxing Day'],
    ['2025-12-31', false, "New Year's Eve"],
    ['2025-03-17', false, 'an ordinary Monday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isTermHoliday(date)).toBe(expected);
  });

  it('counts a day equated by decree (Atw art. 3 lid 3) when it is passed in', () => {
    expect(isTermHoliday('2025-05-30', ['2025-05-30'])).toBe(true);
  });
});

describe('isWeekendOrHoliday', () => {
  it.each([
    ['2025-06-14', true], // Saturday
    ['2025-06-15', true], // Sunday
    ['2025-06-16', false], // Monday
    ['2025-06-20', false], // Friday
    ['2025-06-09', true], // Whit Monday
    ['2026-04-27', true], // King's Day, a Monday
  ])('%s → %s', (date, expected) => {
    expect(isWeekendOrHoliday(date)).toBe(expected);
  });
});

describe('nextDayThatIsNotWeekendOrHoliday (always strictly after the date)', () => {
  it.each([
    ['2025-06-16', '2025-06-17', 'Monday → Tuesday'],
    ['2025-06-20', '2025-06-23', 'Friday → Monday'],
    ['2025-06-06', '2025-06-10', 'Friday before Whit Monday → Tuesday'],
    ['2025-04-17', '2025-04-22', 'Thursday before Good Friday → Tuesday after Easter Monday'],
    ['2025-12-24', '2025-12-29', 'Christmas Eve 2025 (Wed) → Monday 29th'],
    ['2025-12-31', '2026-01-02', "New Year's Eve → Friday 2 January"],
    ['2025-04-25', '2025-04-28', "Friday before King's Day on Saturday → Monday"],
    ['2026-04-24', '2026-04-28', "Friday before King's Day on Monday → Tuesday"],
    ['2026-05-04', '2026-05-06', 'Monday before Liberation Day (Tuesday) → Wednesday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(nextDayThatIsNotWeekendOrHoliday(date)).toBe(expected);
  });

  it('skips days equated by decree too', () => {
    // Ascension Thursday 29 May 2025; Friday 30 May equated → Monday 2 June.
    expect(nextDayThatIsNotWeekendOrHoliday('2025-05-28', ['2025-05-30'])).toBe('2025-06-02');
  });
});

describe('extendTermEnd (Atw art. 1: a term ending on a non-working day runs on)', () => {
  it.each([
    ['2025-06-17', '2025-06-17', 'a Tuesday stays'],
    ['2025-06-14', '2025-06-16', 'Saturday → Monday'],
    ['2025-06-15', '2025-06-16', 'Sunday → Monday'],
    ['2025-06-07', '2025-06-10', 'Saturday before Whit Monday → Tuesday'],
    ['2025-06-09', '2025-06-10', 'Whit Monday → Tuesday'],
    ['2025-04-18', '2025-04-22', 'Good Friday → Tuesday after Easter'],
    ['2025-05-29', '2025-05-30', 'Ascension Day → Friday'],
    ['2025-12-25', '2025-12-29', 'Christmas Day 2025 (Thursday) → Monday'],
    ['2026-12-26', '2026-12-28', 'Boxing Day 2026 (Saturday) → Monday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(extendTermEnd(date)).toBe(expected);
  });

  it('runs on past a decreed day: Ascension 2025 with Friday 30 May equated → Monday 2 June', () => {
    expect(extendTermEnd('2025-05-29', ['2025-05-30'])).toBe('2025-06-02');
  });
});
