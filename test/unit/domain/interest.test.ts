import {
  DAY_COUNT_BASIS,
  InterestKind,
  InterestPeriod,
  InterestRate,
  MissingInterestRateError,
  accrueInterest,
  computeSimpleClaimInterest,
  interestAnniversary,
} from '../../../src/domain/interest';
import { STATUTORY_INTEREST_RATES as rates } from '../../../src/domain/interest-rates-seed';
import { formatAmount } from '../../../src/domain/money';

const rows = (periods: InterestPeriod[]) =>
  periods.map((p) => [p.from, p.to, p.days, p.ratePercent.toString(), formatAmount(p.base), formatAmount(p.amount)]);

const accrue = (kind: InterestKind, base: string, from: string, to: string) =>
  accrueInterest({ kind, rates, base, from, to });

describe('DAY_COUNT_BASIS', () => {
  it('is actual/365, one named choice', () => {
    expect(DAY_COUNT_BASIS).toBe(365);
  });
});

describe('accrueInterest', () => {
  it('charges one rate over a period without a rate change', () => {
    // 2024-01-01 up to 2024-03-01 = 31 + 29 = 60 days; 1,000 × 7% × 60 / 365 = 11.5068… → 11.51
    const result = accrue('CONSUMER', '1000.00', '2024-01-01', '2024-03-01');
    expect(rows(result.periods)).toEqual([['2024-01-01', '2024-03-01', 60, '7', '1000.00', '11.51']]);
    expect(formatAmount(result.total)).toBe('11.51');
  });

  it.each([
    // [from, to): the first day counts, the last does not.
    ['2024-03-01', '2024-03-01', 0, '0.00'],
    ['2024-03-01', '2024-03-02', 1, '0.19'], //   1,000 × 7% × 1 / 365 = 0.1917…
    ['2024-03-01', '2024-03-31', 30, '5.75'], //  1,000 × 7% × 30 / 365 = 5.7534…
  ])('is half-open: [%s, %s) has %i days', (from, to, days, amount) => {
    const result = accrue('CONSUMER', '1000.00', from, to);
    expect(result.periods.reduce((n, p) => n + p.days, 0)).toBe(days);
    expect(formatAmount(result.total)).toBe(amount);
  });

  it('makes consecutive periods add up to the whole when they share a boundary', () => {
    const whole = accrue('CONSUMER', '365.00', '2024-02-01', '2024-04-01');
    const first = accrue('CONSUMER', '365.00', '2024-02-01', '2024-03-01');
    const second = accrue('CONSUMER', '365.00', '2024-03-01', '2024-04-01');
    // 365 × 7% × 60 / 365 = 4.20 = 365 × 7% × 29 / 365 + 365 × 7% × 31 / 365 = 2.03 + 2.17
    expect([whole.total, first.total, second.total].map(formatAmount)).toEqual(['4.20', '2.03', '2.17']);
  });

  it('splits at a rate change: consumer 2023, 4% then 6% from 1 July', () => {
    const result = accrue('CONSUMER', '1000.00', '2023-01-01', '2023-12-31');
    expect(rows(result.periods)).toEqual([
      // 31+28+31+30+31+30 = 181 days; 1,000 × 4% × 181 / 365 = 19.8356… → 19.84
      ['2023-01-01', '2023-07-01', 181, '4', '1000.00', '19.84'],
      // 31+31+30+31+30+30 = 183 days (31 Dec excluded); 1,000 × 6% × 183 / 365 = 30.0821… → 30.08
      ['2023-07-01', '2023-12-31', 183, '6', '1000.00', '30.08'],
    ]);
    expect(formatAmount(result.total)).toBe('49.92');
  });

  it('splits at every change: commercial 2013 with three rates', () => {
    const result = accrue('COMMERCIAL', '10000.00', '2013-01-01', '2014-01-01');
    expect(rows(result.periods)).toEqual([
      ['2013-01-01', '2013-03-16', 74, '7.75', '10000.00', '157.12'], //  10,000 × 7.75% × 74 / 365 = 157.1232…
      ['2013-03-16', '2013-07-01', 107, '8.75', '10000.00', '256.51'], // 10,000 × 8.75% × 107 / 365 = 256.5068…
      ['2013-07-01', '2014-01-01', 184, '8.5', '10000.00', '428.49'], //  10,000 × 8.50% × 184 / 365 = 428.4931…
    ]);
    expect(formatAmount(result.total)).toBe('842.12');
  });

  it('does not split where an unchanged rate is republished (consumer 7% on 2024-07-01)', () => {
    // 2024 is a leap year: 366 days, still divided by 365: 1,000 × 7% × 366 / 365 = 70.1917… → 70.19
    const result = accrue('CONSUMER', '1000.00', '2024-01-01', '2025-01-01');
    expect(rows(result.periods)).toEqual([['2024-01-01', '2025-01-01', 366, '7', '1000.00', '70.19']]);
  });

  it('divides a leap year by 365 too: a full leap year earns more than the annual rate', () => {
    const leap = accrue('CONSUMER', '1000.00', '2024-01-01', '2025-01-01');
    // 2025: 365 days at 6% (6% again from 2025-07-01): 1,000 × 6% × 365 / 365 = 60.00 exactly
    const common = accrue('CONSUMER', '1000.00', '2025-01-01', '2026-01-01');
    expect([leap.total, common.total].map(formatAmount)).toEqual(['70.19', '60.00']);
  });

  it('uses the commercial rates for commercial claims', () => {
    const consumer = accrue('CONSUMER', '1000.00', '2024-01-01', '2025-01-01');
    const commercial = accrue('COMMERCIAL', '1000.00', '2024-01-01', '2025-01-01');
    expect(rows(commercial.periods)).toEqual([
      ['2024-01-01', '2024-07-01', 182, '12.5', '1000.00', '62.33'], //  1,000 × 12.50% × 182 / 365 = 62.3287…
      ['2024-07-01', '2025-01-01', 184, '12.25', '1000.00', '61.75'], // 1,000 × 12.25% × 184 / 365 = 61.7534…
    ]);
    expect([consumer.total, commercial.total].map(formatAmount)).toEqual(['70.19', '124.08']);
  });

  it('differs between consumer and commercial over the same period (2023)', () => {
    // consumer: 19.84 + 30.08 = 49.92 (see above)
    // commercial: 1,000 × 10.5% × 181 / 365 = 52.0684… → 52.07; 1,000 × 12% × 183 / 365 = 60.1643… → 60.16
    const totalFor = (kind: InterestKind) => accrue(kind, '1000.00', '2023-01-01', '2023-12-31').total;
    expect([totalFor('CONSUMER'), totalFor('COMMERCIAL')].map(formatAmount)).toEqual(['49.92', '112.23']);
  });

  it('takes rates as data, in any order, and ignores the other kind', () => {
    const custom: InterestRate[] = [
      { kind: 'CONSUMER', effectiveFrom: '2020-03-01', ratePercent: '10' },
      { kind: 'COMMERCIAL', effectiveFrom: '2020-02-15', ratePercent: '99' },
      { kind: 'CONSUMER', effectiveFrom: '2020-01-01', ratePercent: '5' },
    ];
    const result = accrueInterest({ kind: 'CONSUMER', rates: custom, base: '365.00', from: '2020-02-01', to: '2020-04-01' });
    expect(rows(result.periods)).toEqual([
      ['2020-02-01', '2020-03-01', 29, '5', '365.00', '1.45'], //   365 × 5% × 29 / 365
      ['2020-03-01', '2020-04-01', 31, '10', '365.00', '3.10'], //  365 × 10% × 31 / 365
    ]);
  });

  it('applies a rate from its effective date on, also to interest already running (6:120)', () => {
    const result = accrue('CONSUMER', '1000.00', '2022-12-31', '2023-01-02');
    expect(rows(result.periods)).toEqual([
      ['2022-12-31', '2023-01-01', 1, '2', '1000.00', '0.05'], // 1,000 × 2% / 365 = 0.0547…
      ['2023-01-01', '2023-01-02', 1, '4', '1000.00', '0.11'], // 1,000 × 4% / 365 = 0.1095…
    ]);
  });

  it('fails when no rate is known on the first day', () => {
    expect(() => accrue('CONSUMER', '1000.00', '2011-12-31', '2012-02-01')).toThrow(MissingInterestRateError);
    expect(() => accrue('CONSUMER', '1000.00', '2012-01-01', '2012-02-01')).not.toThrow();
    const consumerOnly = rates.filter((r) => r.kind === 'CONSUMER');
    expect(() =>
      accrueInterest({ kind: 'COMMERCIAL', rates: consumerOnly, base: '1', from: '2024-01-01', to: '2024-02-01' }),
    ).toThrow('no COMMERCIAL interest rate is known on 2024-01-01');
  });

  it('rejects a period that ends before it starts, and bad dates', () => {
    expect(() => accrue('CONSUMER', '1000.00', '2024-03-01', '2024-02-29')).toThrow(RangeError);
    expect(() => accrue('CONSUMER', '1000.00', '2024-02-30', '2024-03-01')).toThrow(RangeError);
  });

  it('rejects two rates of one kind on the same date', () => {
    const twice: InterestRate[] = [
      { kind: 'CONSUMER', effectiveFrom: '2024-01-01', ratePercent: '7' },
      { kind: 'CONSUMER', effectiveFrom: '2024-01-01', ratePercent: '8' },
    ];
    expect(() =>
      accrueInterest({ kind: 'CONSUMER', rates: twice, base: '1', from: '2024-01-01', to: '2024-02-01' }),
    ).toThrow(RangeError);
  });
});

describe('computeSimpleClaimInterest', () => {
  const simple = (kind: InterestKind, principal: string, from: string, to: string) =>
    computeSimpleClaimInterest({ kind, rates, principal, from, to });

  it('does not compound within the first year', () => {
    const result = simple('CONSUMER', '1000.00', '2024-01-01', '2024-12-31');
    // 365 days of the leap year 2024: 1,000 × 7% × 365 / 365 = 70.00
    expect(formatAmount(result.total)).toBe('70.00');
    expect(formatAmount(result.capitalised)).toBe('0.00');
    expect(result.periods.some((p) => p.capitalisedAfter)).toBe(false);
  });

  it('adds a full year of interest to the base after that year', () => {
    const result = simple('CONSUMER', '1000.00', '2024-01-01', '2025-07-01');
    expect(rows(result.periods)).toEqual([
      // year 1: 1,000 × 7% × 366 / 365 = 70.1917… → 70.19, then capitalised
      ['2024-01-01', '2025-01-01', 366, '7', '1000.00', '70.19'],
      // base 1,000 + 70.19 = 1,070.19; 1,070.19 × 6% × 181 / 365 = 1,162,226.34 / 36,500 = 31.8418… → 31.84
      ['2025-01-01', '2025-07-01', 181, '6', '1070.19', '31.84'],
    ]);
    expect(result.periods.map((p) => p.capitalisedAfter ?? false)).toEqual([true, false]);
    // Without compounding the second period would be 1,000 × 6% × 181 / 365 = 29.75.
    expect([result.total, result.capitalised].map(formatAmount)).toEqual(['102.03', '70.19']);
  });

  it('capitalises at the anniversary even when the period ends exactly there', () => {
    const result = simple('CONSUMER', '1000.00', '2024-01-01', '2025-01-01');
    expect([result.total, result.capitalised].map(formatAmount)).toEqual(['70.19', '70.19']);
    expect(result.periods[0].capitalisedAfter).toBe(true);
  });

  it('compounds year after year, with rate changes inside the years (commercial, three years)', () => {
    const result = simple('COMMERCIAL', '10000.00', '2023-01-01', '2026-01-01');
    expect(rows(result.periods)).toEqual([
      // year 1 on 10,000: × 10.5% × 181 / 365 = 520.6849… ; × 12% × 184 / 365 = 604.9315… → 1,125.61
      ['2023-01-01', '2023-07-01', 181, '10.5', '10000.00', '520.68'],
      ['2023-07-01', '2024-01-01', 184, '12', '10000.00', '604.93'],
      // year 2 on 11,125.61: × 12.5% × 182 / 365 = 693.4455… ; × 12.25% × 184 / 365 = 687.0445… → 1,380.49
      ['2024-01-01', '2024-07-01', 182, '12.5', '11125.61', '693.45'],
      ['2024-07-01', '2025-01-01', 184, '12.25', '11125.61', '687.04'],
      // year 3 on 12,506.10: × 11.15% × 181 / 365 = 691.4845… ; × 10.15% × 184 / 365 = 639.9011… → 1,331.38
      ['2025-01-01', '2025-07-01', 181, '11.15', '12506.10', '691.48'],
      ['2025-07-01', '2026-01-01', 184, '10.15', '12506.10', '639.90'],
    ]);
    expect(result.periods.map((p) => p.capitalisedAfter ?? false)).toEqual([false, true, false, true, false, true]);
    // 1,125.61 + 1,380.49 + 1,331.38 = 3,837.48
    expect([result.total, result.capitalised].map(formatAmount)).toEqual(['3837.48', '3837.48']);
  });

  it('counts interest years from the start date, not from 1 January', () => {
    const result = simple('CONSUMER', '1000.00', '2023-07-01', '2024-07-02');
    expect(rows(result.periods)).toEqual([
      ['2023-07-01', '2024-01-01', 184, '6', '1000.00', '30.25'], // 1,000 × 6% × 184 / 365 = 30.2465…
      ['2024-01-01', '2024-07-01', 182, '7', '1000.00', '34.90'], // 1,000 × 7% × 182 / 365 = 34.9041…
      ['2024-07-01', '2024-07-02', 1, '7', '1065.15', '0.20'], //   1,065.15 × 7% × 1 / 365 = 0.2042…
    ]);
  });

  it('rejects a period that ends before it starts', () => {
    expect(() => simple('CONSUMER', '1000.00', '2024-03-01', '2024-02-01')).toThrow(RangeError);
  });
});

describe('interestAnniversary', () => {
  it.each([
    ['2024-01-01', 1, '2025-01-01'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 3, '2027-02-28'],
    ['2024-02-29', 4, '2028-02-29'], // counted from the start, so it does not drift to the 28th
  ])('%s + %i year(s) = %s', (start, years, expected) => {
    expect(interestAnniversary(start, years)).toBe(expected);
  });
});

describe('STATUTORY_INTEREST_RATES seed', () => {
  it('lists every published rate for both kinds, flagging the unconfirmed ones', () => {
    const table = (kind: InterestKind) =>
      rates
        .filter((r) => r.kind === kind)
        .map((r) => `${r.effectiveFrom} ${String(r.ratePercent)}${r.confirmed ? '' : '?'}`);
    expect(table('CONSUMER')).toEqual([
      '2012-01-01 4', '2012-07-01 3', '2013-01-01 3', '2013-03-16 3', '2013-07-01 3', '2014-01-01 3',
      '2014-07-01 3', '2015-01-01 2', '2016-07-01 2', '2023-01-01 4', '2023-07-01 6', '2024-01-01 7',
      '2024-07-01 7', '2025-01-01 6', '2025-07-01 6?', '2026-01-01 4?',
    ]);
    expect(table('COMMERCIAL')).toEqual([
      '2012-01-01 8.00', '2012-07-01 8.00', '2013-01-01 7.75', '2013-03-16 8.75', '2013-07-01 8.50',
      '2014-01-01 8.25', '2014-07-01 8.15', '2015-01-01 8.05', '2016-07-01 8.00', '2023-01-01 10.50',
      '2023-07-01 12.00', '2024-01-01 12.50', '2024-07-01 12.25', '2025-01-01 11.15', '2025-07-01 10.15',
      '2026-01-01 10.15?',
    ]);
  });
});
