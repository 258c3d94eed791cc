import { findBreach, planInstalments, type PlanInput } from '../../../src/domain/arrangement';
import { addMonths } from '../../../src/domain/dates';
import { sum } from '../../../src/domain/money';

const amountsOf = (input: PlanInput) => {
  const result = planInstalments(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.instalments.map((i) => i.amount.toFixed(2));
};

const dueDatesOf = (input: PlanInput) => {
  const result = planInstalments(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.instalments.map((i) => i.dueOn);
};

describe('planInstalments: amounts', () => {
  it.each([
    ['100.00', 3, ['33.33', '33.33', '33.34']],
    ['100', 4, ['25.00', '25.00', '25.00', '25.00']],
    ['1000.00', 12, [...Array(11).fill('83.33'), '83.37']],
    ['10.00', 10, Array(10).fill('1.00')],
    ['0.99', 1, ['0.99']],
    ['250.01', 2, ['125.00', '125.01']],
    ['1234567.89', 60, [...Array(59).fill('20576.13'), '20576.22']],
  ])('%s in %i → %j', (total, count, expected) => {
    expect(amountsOf({ total, count, firstDueOn: '2025-01-15', minimumInstalment: '0.01' })).toEqual(expected);
  });

  it('always adds up to the total exactly', () => {
    for (const total of ['0.60', '1.00', '99.99', '100.01', '777.77', '5000.03']) {
      for (let count = 1; count <= 60; count += 1) {
        const result = planInstalments({ total, count, firstDueOn: '2025-01-01', minimumInstalment: '0.01' });
        if (!result.ok) continue;
        expect(sum(result.instalments.map((i) => i.amount)).toFixed(2)).toBe(Number(total).toFixed(2));
        expect(result.instalments.map((i) => i.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      }
    }
  });
});

describe('planInstalments: due dates keep the first day of the month, clamped', () => {
  it.each([
    ['2024-01-31', 4, 1, ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']],
    ['2025-01-31', 3, 1, ['2025-01-31', '2025-02-28', '2025-03-31']],
    ['2025-01-30', 3, 1, ['2025-01-30', '2025-02-28', '2025-03-30']],
    ['2025-11-15', 3, 1, ['2025-11-15', '2025-12-15', '2026-01-15']],
    ['2025-11-30', 4, 3, ['2025-11-30', '2026-02-28', '2026-05-30', '2026-08-30']],
    ['2025-06-06', 2, 12, ['2025-06-06', '2026-06-06']],
    ['2025-06-07', 1, 1, ['2025-06-07']],
  ])('first %s, %i instalments every %i month(s) → %j', (firstDueOn, count, intervalMonths, expected) => {
    expect(dueDatesOf({ total: '600.00', count, firstDueOn, intervalMonths })).toEqual(expected);
  });

  it('leaves due dates on weekends and holidays alone (they are contractual)', () => {
    expect(dueDatesOf({ total: '20', count: 2, firstDueOn: '2025-12-25' })).toEqual(['2025-12-25', '2026-01-25']);
  });
});

describe('planInstalments: validation returns typed errors', () => {
  const valid: PlanInput = { total: '100.00', count: 4, firstDueOn: '2025-02-01' };

  it.each<[string, Partial<PlanInput>, string[]]>([
    ['zero total', { total: '0' }, ['TOTAL_NOT_POSITIVE']],
    ['negative total', { total: '-5.00' }, ['TOTAL_NOT_POSITIVE']],
    ['fractional cents', { total: '12.345' }, ['INVALID_TOTAL']],
    ['not a number', { total: 'abc' }, ['INVALID_TOTAL']],
    ['infinite', { total: Infinity }, ['INVALID_TOTAL']],
    ['no instalments', { count: 0 }, ['COUNT_OUT_OF_RANGE']],
    ['too many instalments', { count: 61 }, ['COUNT_OUT_OF_RANGE']],
    ['fractional count', { count: 2.5 }, ['COUNT_OUT_OF_RANGE']],
    ['zero interval', { intervalMonths: 0 }, ['INTERVAL_OUT_OF_RANGE']],
    ['interval over a year', { intervalMonths: 13 }, ['INTERVAL_OUT_OF_RANGE']],
    ['bad first date', { firstDueOn: '2025-02-30' }, ['INVALID_FIRST_DUE_DATE']],
    ['several problems at once', { total: '0', count: 0, firstDueOn: 'soon' }, ['TOTAL_NOT_POSITIVE', 'COUNT_OUT_OF_RANGE', 'INVALID_FIRST_DUE_DATE']],
  ])('%s → %j', (_label, change, codes) => {
    const result = planInstalments({ ...valid, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.code)).toEqual(codes);
      for (const error of result.errors) expect(error.message.length).toBeGreaterThan(0);
    }
  });

  it.each<[string, number, string | undefined, boolean, string]>([
    ['9.99', 10, undefined, false, 'below the default €1.00 minimum'],
    ['10.00', 10, undefined, true, 'exactly €1.00'],
    ['0.05', 5, undefined, false, '1 cent each'],
    ['100.00', 4, '25.01', false, 'a stricter minimum'],
    ['100.00', 4, '25.00', true, 'exactly at a stricter minimum'],
  ])('%s in %i (minimum %s) → ok %s (%s)', (total, count, minimumInstalment, ok) => {
    const result = planInstalments({ total, count, firstDueOn: '2025-02-01', minimumInstalment });
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.errors.map((e) => e.code)).toEqual(['INSTALMENT_BELOW_MINIMUM']);
  });
});

describe('addMonths (used for instalment due dates)', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 2, '2025-03-31'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i month(s) → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('findBreach', () => {
  const plan = [
    { dueOn: '2025-01-15', amount: '50.00', paid: '50.00' },
    { dueOn: '2025-02-15', amount: '50.00', paid: '0' },
    { dueOn: '2025-03-15', amount: '50.00', paid: '0' },
  ];

  type Expected = { index: number; dueOn: string; outstanding: string; breachedOn: string } | null;
  it.each<[string, number, Expected, string]>([
    ['2025-02-15', 0, null, 'on the due day itself'],
    ['2025-02-16', 0, { index: 1, dueOn: '2025-02-15', outstanding: '50', breachedOn: '2025-02-16' }, 'the day after, no grace'],
    ['2025-02-22', 7, null, 'last day of a 7-day grace period'],
    ['2025-02-23', 7, { index: 1, dueOn: '2025-02-15', outstanding: '50', breachedOn: '2025-02-23' }, 'the day after the grace period'],
    ['2025-01-10', 0, null, 'before anything is due'],
  ])('today %s, %i grace days → %j (%s)', (today, graceDays, expected) => {
    const breach = findBreach({ instalments: plan, today, graceDays });
    expect(breach && { ...breach, outstanding: breach.outstanding.toString() }).toEqual(expected);
  });

  it('reports a partly paid instalment with what is still open', () => {
    const breach = findBreach({
      instalments: [{ dueOn: '2025-01-15', amount: '50.00', paid: '49.99' }],
      today: '2025-02-01',
      graceDays: 5,
    });
    expect(breach?.outstanding.toFixed(2)).toBe('0.01');
  });

  it('treats an overpaid instalment as paid', () => {
    expect(findBreach({
      instalments: [{ dueOn: '2025-01-15', amount: '50.00', paid: '75.00' }],
      today: '2025-12-31',
      graceDays: 0,
    })).toBeNull();
  });

  it('finds the earliest-due breach whatever the input order, with its input position', () => {
    const shuffled = [plan[2], plan[0], plan[1]];
    expect(findBreach({ instalments: shuffled, today: '2025-06-01', graceDays: 3 })).toMatchObject({
      index: 2,
      dueOn: '2025-02-15',
      breachedOn: '2025-02-19',
    });
  });

  it('returns null for a fully paid plan and for no instalments', () => {
    const paid = plan.map((i) => ({ ...i, paid: i.amount }));
    expect(findBreach({ instalments: paid, today: '2026-01-01', graceDays: 0 })).toBeNull();
    expect(findBreach({ instalments: [], today: '2026-01-01', graceDays: 0 })).toBeNull();
  });

  it.each([-1, 1.5, NaN])('refuses grace days %p', (graceDays) => {
    expect(() => findBreach({ instalments: plan, today: '2025-06-01', graceDays })).toThrow(RangeError);
  });
});
