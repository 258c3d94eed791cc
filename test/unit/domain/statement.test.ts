import Decimal from 'decimal.js';
import { addDays, compareDates, daysBetween } from '../../../src/domain/dates';
import { InterestKind, MissingInterestRateError } from '../../../src/domain/interest';
import { STATUTORY_INTEREST_RATES as rates } from '../../../src/domain/interest-rates-seed';
import { Money, formatAmount, isWholeCents, sum } from '../../../src/domain/money';
import {
  Statement,
  StatementClaimInput,
  StatementInput,
  StatementPaymentInput,
  buildStatement,
} from '../../../src/domain/statement';

/** Every amount as its two-decimal text, so expectations read like the statement a debtor gets. */
type Plain<T> = T extends Decimal
  ? string
  : T extends (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? { [K in keyof T]: Plain<T[K]> }
      : T;
function plain<T>(value: T): Plain<T> {
  if (Decimal.isDecimal(value)) return formatAmount(value) as Plain<T>;
  if (Array.isArray(value)) return value.map(plain) as Plain<T>;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)])) as Plain<T>;
  }
  return value as Plain<T>;
}

const claim = (
  id: string,
  principal: string,
  interestFrom: string,
  extra: Partial<StatementClaimInput> = {},
): StatementClaimInput => ({
  id,
  principal,
  interestFrom,
  dueDate: addDays(interestFrom, -1),
  invoiceDate: addDays(interestFrom, -31),
  ...extra,
});

const NO_COSTS = { amount: '0', chargeableFrom: null };

function statement(partial: Partial<StatementInput> & Pick<StatementInput, 'asOf' | 'claims'>): Statement {
  return buildStatement({ kind: 'CONSUMER', rates, costs: NO_COSTS, payments: [], ...partial });
}

const totals = (s: Statement) =>
  plain({
    principal: s.principal,
    costs: s.costs,
    interest: s.interest,
    totalPaid: s.totalPaid,
    unallocated: s.unallocated,
    balance: s.balance,
  });

describe('buildStatement: one claim', () => {
  const base = {
    asOf: '2024-03-31',
    claims: [claim('inv-1', '1000.00', '2024-01-01')],
    costs: { amount: '150.00', chargeableFrom: '2024-01-01' },
  };

  it('owes principal, costs and running interest when nothing is paid', () => {
    const s = statement(base);
    // [2024-01-01, 2024-03-31) = 31 + 29 + 30 = 90 days; 1,000 × 7% × 90 / 365 = 17.2602… → 17.26
    expect(totals(s)).toEqual({
      principal: { original: '1000.00', paid: '0.00', outstanding: '1000.00' },
      costs: { charged: '150.00', paid: '0.00', outstanding: '150.00' },
      interest: { accrued: '17.26', paid: '0.00', outstanding: '17.26' },
      totalPaid: '0.00',
      unallocated: '0.00',
      balance: '1167.26',
    });
  });

  it('pays costs, then interest to date, then principal (the DOMAIN example)', () => {
    const s = statement({ ...base, payments: [{ id: 'pay-1', amount: '200.00', receivedOn: '2024-03-01' }] });
    // Up to the payment: [2024-01-01, 2024-03-01) = 60 days; 1,000 × 7% × 60 / 365 = 11.5068… → 11.51
    // 200.00 = 150.00 costs + 11.51 interest + 38.49 principal; principal left 1,000 − 38.49 = 961.51
    expect(plain(s.payments)).toEqual([
      {
        id: 'pay-1',
        amount: '200.00',
        receivedOn: '2024-03-01',
        toCosts: '150.00',
        toInterest: '11.51',
        toPrincipal: '38.49',
        unallocated: '0.00',
        perClaim: [{ claimId: 'inv-1', toInterest: '11.51', toPrincipal: '38.49' }],
      },
    ]);
    // After it: [2024-03-01, 2024-03-31) = 30 days; 961.51 × 7% × 30 / 365 = 5.5320… → 5.53
    expect(plain(s.claims)).toEqual([
      {
        id: 'inv-1',
        principal: '1000.00',
        principalOutstanding: '961.51',
        interestOutstanding: '5.53',
        interestPeriods: [
          { from: '2024-01-01', to: '2024-03-01', days: 60, ratePercent: '7.00', base: '1000.00', amount: '11.51' },
          { from: '2024-03-01', to: '2024-03-31', days: 30, ratePercent: '7.00', base: '961.51', amount: '5.53' },
        ],
      },
    ]);
    // balance 961.51 + 0 + 5.53 = 967.04
    expect(totals(s)).toEqual({
      principal: { original: '1000.00', paid: '38.49', outstanding: '961.51' },
      costs: { charged: '150.00', paid: '150.00', outstanding: '0.00' },
      interest: { accrued: '17.04', paid: '11.51', outstanding: '5.53' },
      totalPaid: '200.00',
      unallocated: '0.00',
      balance: '967.04',
    });
  });

  it('reaches a balance of nil when a payment clears everything on the statement date', () => {
    const s = statement({
      ...base,
      payments: [
        { id: 'pay-1', amount: '200.00', receivedOn: '2024-03-01' },
        { id: 'pay-2', amount: '967.04', receivedOn: '2024-03-31' },
      ],
    });
    expect(plain(s.payments[1])).toMatchObject({
      toCosts: '0.00',
      toInterest: '5.53',
      toPrincipal: '961.51',
      unallocated: '0.00',
    });
    expect(totals(s)).toMatchObject({ balance: '0.00', unallocated: '0.00', totalPaid: '1167.04' });
  });

  it('keeps an overpayment unallocated and stops interest on a settled claim', () => {
    const s = statement({
      asOf: '2024-12-31',
      claims: [claim('inv-1', '100.00', '2024-01-01')],
      costs: { amount: '40.00', chargeableFrom: '2024-01-01' },
      // Paid on the first interest day: [2024-01-01, 2024-01-01) has no days, so no interest yet.
      payments: [{ id: 'pay-1', amount: '200.00', receivedOn: '2024-01-01' }],
    });
    expect(plain(s.payments[0])).toMatchObject({
      toCosts: '40.00',
      toInterest: '0.00',
      toPrincipal: '100.00',
      unallocated: '60.00',
    });
    expect(s.claims[0].interestPeriods).toEqual([]);
    expect(plain([s.balance, s.unallocated, s.totalPaid])).toEqual(['0.00', '60.00', '200.00']);
  });

  it('charges no costs before they are chargeable, and owes them once they are', () => {
    const s = statement({
      ...base,
      costs: { amount: '150.00', chargeableFrom: '2024-03-15' },
      payments: [{ id: 'pay-1', amount: '200.00', receivedOn: '2024-03-01' }],
    });
    // 200.00 = 11.51 interest + 188.49 principal; principal left 811.51
    // then 811.51 × 7% × 30 / 365 = 4.6690… → 4.67; balance 811.51 + 150.00 + 4.67 = 966.18
    expect(plain(s.payments[0])).toMatchObject({ toCosts: '0.00', toInterest: '11.51', toPrincipal: '188.49' });
    expect(totals(s).costs).toEqual({ charged: '150.00', paid: '0.00', outstanding: '150.00' });
    expect(formatAmount(s.balance)).toBe('966.18');
  });

  it.each([
    ['not chargeable at all', null, '2024-03-31'],
    ['chargeable only after the statement date', '2024-04-01', '2024-03-31'],
  ])('shows no costs when %s', (_label, chargeableFrom, asOf) => {
    const s = statement({ ...base, asOf, costs: { amount: '150.00', chargeableFrom } });
    expect(totals(s).costs).toEqual({ charged: '0.00', paid: '0.00', outstanding: '0.00' });
  });

  it('capitalises the unpaid interest of a full year, and pays capitalised interest first', () => {
    const s = statement({
      asOf: '2025-03-01',
      claims: [claim('inv-1', '1000.00', '2024-01-01')],
      payments: [
        { id: 'pay-1', amount: '50.00', receivedOn: '2024-07-01' },
        { id: 'pay-2', amount: '30.00', receivedOn: '2025-02-01' },
      ],
    });
    expect(plain(s.claims[0].interestPeriods)).toEqual([
      // 1,000 × 7% × 182 / 365 = 34.9041… → 34.90; pay-1: 34.90 interest + 15.10 principal → 984.90
      { from: '2024-01-01', to: '2024-07-01', days: 182, ratePercent: '7.00', base: '1000.00', amount: '34.90' },
      // 984.90 × 7% × 184 / 365 = 1,268,551.2 / 36,500 = 34.7548… → 34.75, unpaid at the anniversary:
      // capitalised, base 984.90 + 34.75 = 1,019.65
      {
        from: '2024-07-01',
        to: '2025-01-01',
        days: 184,
        ratePercent: '7.00',
        base: '984.90',
        amount: '34.75',
        capitalisedAfter: true,
      },
      // 1,019.65 × 6% × 31 / 365 = 5.1960… → 5.20; pay-2: 30.00 to interest, the capitalised 34.75 first
      // → capitalised left 4.75, running 5.20 untouched; base 984.90 + 4.75 = 989.65
      { from: '2025-01-01', to: '2025-02-01', days: 31, ratePercent: '6.00', base: '1019.65', amount: '5.20' },
      // 989.65 × 6% × 28 / 365 = 4.5551… → 4.56
      { from: '2025-02-01', to: '2025-03-01', days: 28, ratePercent: '6.00', base: '989.65', amount: '4.56' },
    ]);
    // accrued 34.90 + 34.75 + 5.20 + 4.56 = 79.41; paid 34.90 + 30.00 = 64.90; outstanding 4.75 + 5.20 + 4.56 = 14.51
    expect(totals(s)).toMatchObject({
      principal: { original: '1000.00', paid: '15.10', outstanding: '984.90' },
      interest: { accrued: '79.41', paid: '64.90', outstanding: '14.51' },
      balance: '999.41',
    });
  });

  it('capitalises only what is unpaid of the past year', () => {
    // 2024 interest 70.19 (1,000 × 7% × 366 / 365) is paid on 2024-12-31 before it is capitalised:
    // [2024-01-01, 2024-12-31) = 365 days → 70.00, paid; [2024-12-31, 2025-01-01) 1 day → 0.19, capitalised.
    const s = statement({
      asOf: '2025-01-02',
      claims: [claim('inv-1', '1000.00', '2024-01-01')],
      payments: [{ id: 'pay-1', amount: '70.00', receivedOn: '2024-12-31' }],
    });
    expect(plain(s.claims[0].interestPeriods.map((p) => [p.to, p.base, p.amount, p.capitalisedAfter ?? false]))).toEqual([
      ['2024-12-31', '1000.00', '70.00', false],
      ['2025-01-01', '1000.00', '0.19', true],
      // base 1,000 + 0.19 = 1,000.19; × 6% × 1 / 365 = 0.1644… → 0.16
      ['2025-01-02', '1000.19', '0.16', false],
    ]);
  });

  it('uses the commercial rates for a commercial case', () => {
    const s = statement({ kind: 'COMMERCIAL', asOf: '2024-03-01', claims: [claim('inv-1', '1000.00', '2024-01-01')] });
    // 1,000 × 12.5% × 60 / 365 = 20.5479… → 20.55
    expect(formatAmount(s.interest.accrued)).toBe('20.55');
  });

  it('accrues nothing before interest starts and pays the principal', () => {
    const s = statement({
      asOf: '2024-01-01',
      claims: [claim('inv-1', '1000.00', '2024-02-01')],
      payments: [{ id: 'pay-1', amount: '100.00', receivedOn: '2023-12-15' }],
    });
    expect(plain(s.payments[0])).toMatchObject({ toInterest: '0.00', toPrincipal: '100.00' });
    expect(formatAmount(s.balance)).toBe('900.00');
  });

  it('applies payments by date, then id, and leaves out those after the statement date', () => {
    const s = statement({
      asOf: '2024-01-01',
      claims: [claim('inv-1', '100.00', '2024-01-01')],
      payments: [
        { id: 'b', amount: '60.00', receivedOn: '2024-01-01' },
        { id: 'late', amount: '500.00', receivedOn: '2024-01-02' },
        { id: 'a', amount: '60.00', receivedOn: '2024-01-01' },
      ],
    });
    expect(plain(s.payments.map((p) => [p.id, p.toPrincipal, p.unallocated]))).toEqual([
      ['a', '60.00', '0.00'],
      ['b', '40.00', '20.00'],
    ]);
    expect(formatAmount(s.totalPaid)).toBe('120.00');
  });
});

describe('buildStatement: several claims (6:43 across, 6:44 within)', () => {
  // A is older and due since 2024-02-01; B due since 2024-03-01.
  const claims = [
    claim('A', '500.00', '2024-02-01', { invoiceDate: '2024-01-01' }),
    claim('B', '300.00', '2024-03-01', { invoiceDate: '2024-01-30' }),
  ];
  const pay = (amount: string, designatedClaimId?: string): StatementPaymentInput[] => [
    { id: 'pay-1', amount, receivedOn: '2024-03-01', designatedClaimId },
  ];

  it('pays the oldest claim first: its interest, then its principal', () => {
    const s = statement({ asOf: '2024-03-01', claims, payments: pay('100.00') });
    // A: [2024-02-01, 2024-03-01) = 29 days; 500 × 7% × 29 / 365 = 2.7808… → 2.78; B: no interest yet
    expect(plain(s.payments[0].perClaim)).toEqual([{ claimId: 'A', toInterest: '2.78', toPrincipal: '97.22' }]);
  });

  it('goes on to the next claim once the first is paid', () => {
    const s = statement({ asOf: '2024-03-01', claims, payments: pay('600.00') });
    // A takes 2.78 + 500.00 = 502.78; B gets the other 97.22
    expect(plain(s.payments[0].perClaim)).toEqual([
      { claimId: 'A', toInterest: '2.78', toPrincipal: '500.00' },
      { claimId: 'B', toInterest: '0.00', toPrincipal: '97.22' },
    ]);
    expect(plain(s.claims.map((c) => [c.id, c.principalOutstanding]))).toEqual([['A', '0.00'], ['B', '202.78']]);
  });

  it("follows the debtor's designation", () => {
    const s = statement({ asOf: '2024-03-01', claims, payments: pay('100.00', 'B') });
    expect(plain(s.payments[0].perClaim)).toEqual([{ claimId: 'B', toInterest: '0.00', toPrincipal: '100.00' }]);
  });

  it('sends what exceeds a designated claim on in the statutory order', () => {
    const s = statement({ asOf: '2024-03-01', claims, payments: pay('310.00', 'B') });
    expect(plain(s.payments[0].perClaim)).toEqual([
      { claimId: 'B', toInterest: '0.00', toPrincipal: '300.00' },
      { claimId: 'A', toInterest: '2.78', toPrincipal: '7.22' },
    ]);
  });

  it('pays costs before any claim, even a designated one', () => {
    const s = statement({
      asOf: '2024-03-01',
      claims,
      costs: { amount: '120.00', chargeableFrom: '2024-02-15' },
      payments: pay('150.00', 'B'),
    });
    expect(plain(s.payments[0])).toMatchObject({
      toCosts: '120.00',
      perClaim: [{ claimId: 'B', toInterest: '0.00', toPrincipal: '30.00' }],
    });
  });

  it('pays the more burdensome claim first', () => {
    const s = statement({ asOf: '2024-03-01', claims: [claims[0], { ...claims[1], burden: 1 }], payments: pay('100.00') });
    expect(plain(s.payments[0].perClaim)).toEqual([{ claimId: 'B', toInterest: '0.00', toPrincipal: '100.00' }]);
  });

  it('splits pro rata between tied claims, to the cent', () => {
    const tied = [claim('X', '100.00', '2024-02-01'), claim('Y', '200.00', '2024-02-01')];
    const s = statement({ asOf: '2024-03-01', claims: tied, payments: pay('30.00') });
    // X: 100 × 7% × 29 / 365 = 0.5561… → 0.56, owes 100.56; Y: 200 × 7% × 29 / 365 = 1.1123… → 1.11, owes 201.11
    // 30.00 × 100.56 / 301.67 = 10.0003… and 30.00 × 201.11 / 301.67 = 19.9996… → 10.00 and 20.00
    expect(plain(s.payments[0].perClaim)).toEqual([
      { claimId: 'X', toInterest: '0.56', toPrincipal: '9.44' },
      { claimId: 'Y', toInterest: '1.11', toPrincipal: '18.89' },
    ]);
  });

  it('gives the odd cent of a pro rata split to the larger remainder', () => {
    const tied = [claim('X', '100.00', '2024-03-01'), claim('Y', '200.00', '2024-03-01')];
    const s = statement({ asOf: '2024-03-01', claims: tied, payments: pay('0.10') });
    // 10 cents × 1/3 = 3.33, × 2/3 = 6.67 → 3 and 6, the tenth cent to Y
    expect(plain(s.payments[0].perClaim)).toEqual([
      { claimId: 'X', toInterest: '0.00', toPrincipal: '0.03' },
      { claimId: 'Y', toInterest: '0.00', toPrincipal: '0.07' },
    ]);
  });

  it('skips settled claims, also inside a tie', () => {
    const tied = [claim('X', '100.00', '2024-03-01'), claim('Y', '200.00', '2024-03-01')];
    const s = statement({
      asOf: '2024-03-01',
      claims: tied,
      payments: [
        { id: 'p1', amount: '100.00', receivedOn: '2024-03-01', designatedClaimId: 'X' },
        { id: 'p2', amount: '50.00', receivedOn: '2024-03-01' },
      ],
    });
    expect(plain(s.payments[1].perClaim)).toEqual([{ claimId: 'Y', toInterest: '0.00', toPrincipal: '50.00' }]);
  });
});

describe('buildStatement: bad input', () => {
  const claims = [claim('A', '100.00', '2024-01-01')];
  const payment = (id: string, amount: string, designatedClaimId?: string): StatementPaymentInput => ({
    id,
    amount,
    receivedOn: '2024-02-01',
    designatedClaimId,
  });
  it.each<[string, Partial<StatementInput>, string | (new (...args: never[]) => Error)]>([
    ['a designation of an unknown claim', { payments: [payment('p', '1', 'Z')] }, RangeError],
    ['two claims with one id', { claims: [...claims, ...claims] }, 'claim A appears twice'],
    ['two payments with one id', { payments: [payment('p', '1'), payment('p', '2')] }, 'payment p appears twice'],
    ['a negative payment', { payments: [payment('p', '-1')] }, RangeError],
    ['a sub-cent principal', { claims: [claim('A', '100.001', '2024-01-01')] }, RangeError],
    ['an invalid date', { asOf: '2024-13-01' }, RangeError],
    ['interest before the first known rate', { claims: [claim('A', '100.00', '2011-06-01')] }, MissingInterestRateError],
  ])('rejects %s', (_label, change, error) => {
    expect(() => statement({ asOf: '2024-03-01', claims, ...change })).toThrow(error);
  });
});

describe('buildStatement: invariants over generated cases', () => {
  /** mulberry32: small, seeded, so a failing case can be replayed from its number. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function generateCase(seed: number): StatementInput {
    const rnd = random(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    const cents = (lo: number, hi: number) => (int(lo, hi) / 100).toFixed(2);
    const claims: StatementClaimInput[] = [];
    for (let i = 0, n = int(1, 4); i < n; i++) {
      const tiedWithPrevious = i > 0 && rnd() < 0.3;
      const dates = tiedWithPrevious ? claims[i - 1] : claim('', '0', addDays('2016-01-01', int(0, 3500)));
      claims.push({
        ...dates,
        id: `c${i}`,
        principal: cents(1, rnd() < 0.2 ? 100 : 2_000_000),
        burden: rnd() < 0.15 ? int(0, 2) : undefined,
      });
    }
    const firstInterest = claims.map((c) => c.interestFrom).sort(compareDates)[0];
    const asOf = addDays(firstInterest, int(0, 2500));
    const dateAround = () => addDays(firstInterest, int(-60, daysBetween(firstInterest, asOf) + 60));
    const payments: StatementPaymentInput[] = [];
    for (let i = 0, n = int(0, 8); i < n; i++) {
      payments.push({
        id: `p${int(0, 99)}-${i}`,
        amount: cents(1, rnd() < 0.5 ? 50_000 : 1_500_000),
        receivedOn: dateAround(),
        designatedClaimId: rnd() < 0.2 ? claims[int(0, claims.length - 1)].id : undefined,
      });
    }
    const kind: InterestKind = rnd() < 0.5 ? 'CONSUMER' : 'COMMERCIAL';
    const costs = { amount: cents(0, 200_000), chargeableFrom: rnd() < 0.2 ? null : dateAround() };
    return { kind, rates, asOf, claims, costs, payments };
  }

  function moneyIn(value: unknown): Decimal[] {
    if (Decimal.isDecimal(value)) return [value];
    if (Array.isArray(value)) return value.flatMap(moneyIn);
    if (value && typeof value === 'object') return Object.values(value).flatMap(moneyIn);
    return [];
  }

  const eq = (a: Money, b: Money) => expect(formatAmount(a)).toBe(formatAmount(b));

  function checkInvariants(s: Statement): void {
    for (const amount of moneyIn(s)) {
      expect(isWholeCents(amount)).toBe(true);
      expect(amount.isNegative()).toBe(false);
    }
    eq(sum(s.claims.flatMap((c) => c.interestPeriods.map((p) => p.amount))), s.interest.accrued);
    for (const p of s.payments) {
      eq(sum([p.toCosts, p.toInterest, p.toPrincipal, p.unallocated]), p.amount);
      eq(sum(p.perClaim.map((c) => c.toInterest)), p.toInterest);
      eq(sum(p.perClaim.map((c) => c.toPrincipal)), p.toPrincipal);
    }
    eq(s.principal.original.minus(s.principal.paid), s.principal.outstanding);
    eq(s.costs.charged.minus(s.costs.paid), s.costs.outstanding);
    eq(s.interest.accrued.minus(s.interest.paid), s.interest.outstanding);
    eq(sum(s.claims.map((c) => c.principalOutstanding)), s.principal.outstanding);
    eq(sum(s.claims.map((c) => c.interestOutstanding)), s.interest.outstanding);
    eq(sum(s.payments.map((p) => p.amount)), s.totalPaid);
    eq(sum([s.costs.paid, s.interest.paid, s.principal.paid, s.unallocated]), s.totalPaid);
    eq(sum([s.principal.outstanding, s.costs.outstanding, s.interest.outstanding]), s.balance);
    for (const c of s.claims) {
      c.interestPeriods.forEach((p, i) => {
        expect(p.days).toBeGreaterThan(0);
        expect(p.to <= s.asOf).toBe(true);
        if (i > 0) expect(c.interestPeriods[i - 1].to <= p.from).toBe(true);
      });
    }
  }

  it('holds for 300 generated cases, and paying the balance clears each of them', () => {
    const seen = { capitalised: 0, severalClaimsPaid: 0, overpaid: 0, designated: 0, costsPaid: 0 };
    for (let seed = 1; seed <= 300; seed++) {
      const input = generateCase(seed);
      withSeed(seed, () => {
        const s = buildStatement(input);
        checkInvariants(s);

        // Paying the balance on the statement date clears the case; a euro more stays unallocated.
        const payBalancePlus = (extra: number) =>
          buildStatement({
            ...input,
            payments: [...input.payments, { id: '~clear', amount: s.balance.plus(extra).toFixed(2), receivedOn: s.asOf }],
          });
        const cleared = payBalancePlus(0);
        checkInvariants(cleared);
        eq(cleared.balance, new Money(0));
        eq(cleared.unallocated, s.unallocated);
        eq(payBalancePlus(1).unallocated, s.unallocated.plus(1));

        seen.capitalised += Number(s.claims.some((c) => c.interestPeriods.some((p) => p.capitalisedAfter)));
        seen.severalClaimsPaid += Number(cleared.payments.some((p) => p.perClaim.length > 1));
        seen.overpaid += Number(s.unallocated.greaterThan(0));
        seen.designated += Number(input.payments.some((p) => p.designatedClaimId));
        seen.costsPaid += Number(s.costs.paid.greaterThan(0));
      });
    }
    // The generator must keep reaching the interesting paths, or the loop proves little.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(20);
  });

  function withSeed(seed: number, check: () => void): void {
    try {
      check();
    } catch (error) {
      throw new Error(`generated case ${seed}: ${(error as Error).message}`);
    }
  }
});
