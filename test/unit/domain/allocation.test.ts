import {
  ClaimFor643,
  allocateWithinDebt,
  nonNegativeCents,
  orderClaimsFor643,
  splitProRata,
} from '../../../src/domain/allocation';
import { formatAmount, sum } from '../../../src/domain/money';

describe('allocateWithinDebt (6:44)', () => {
  const debt = { costs: '150.00', interest: '11.51', principal: '1000.00' };

  it.each([
    // amount, toCosts, toInterest, toPrincipal, unallocated
    ['0.00', '0.00', '0.00', '0.00', '0.00'],
    ['100.00', '100.00', '0.00', '0.00', '0.00'], //    costs first
    ['150.00', '150.00', '0.00', '0.00', '0.00'],
    ['155.00', '150.00', '5.00', '0.00', '0.00'], //    then interest
    ['161.51', '150.00', '11.51', '0.00', '0.00'],
    ['200.00', '150.00', '11.51', '38.49', '0.00'], //  then principal
    ['1161.51', '150.00', '11.51', '1000.00', '0.00'], // exactly everything
    ['1200.00', '150.00', '11.51', '1000.00', '38.49'], // overpayment stays unallocated
  ])('pays %s as costs %s, interest %s, principal %s, unallocated %s', (amount, ...expected) => {
    const result = allocateWithinDebt(amount, debt);
    const parts = [result.toCosts, result.toInterest, result.toPrincipal, result.unallocated];
    expect(parts.map(formatAmount)).toEqual(expected);
  });

  it('skips parts that are nil', () => {
    const result = allocateWithinDebt('50.00', { costs: '0', interest: '0', principal: '40.00' });
    expect([result.toCosts, result.toInterest, result.toPrincipal, result.unallocated].map(formatAmount)).toEqual([
      '0.00',
      '0.00',
      '40.00',
      '10.00',
    ]);
  });

  it.each([
    ['-1.00', debt],
    ['1.001', debt],
    ['1.00', { ...debt, interest: '-0.01' }],
  ])('rejects negative or sub-cent amounts (%s)', (amount, parts) => {
    expect(() => allocateWithinDebt(amount, parts)).toThrow(RangeError);
  });
});

describe('orderClaimsFor643', () => {
  const claim = (id: string, dueDate: string, invoiceDate: string, extra: Partial<ClaimFor643> = {}): ClaimFor643 => ({
    id,
    dueDate,
    invoiceDate,
    ...extra,
  });
  const ids = (groups: ClaimFor643[][]) => groups.map((group) => group.map((c) => c.id));

  it("puts the debtor's designation first, whatever else", () => {
    const claims = [claim('old', '2024-01-31', '2024-01-01'), claim('new', '2024-05-31', '2024-05-01')];
    expect(ids(orderClaimsFor643(claims, '2024-03-01', 'new'))).toEqual([['new'], ['old']]);
  });

  it('puts due claims before claims not yet due, even a more burdensome one', () => {
    const claims = [
      claim('heavyNotDue', '2024-04-30', '2024-04-01', { burden: 100 }),
      claim('lightDue', '2024-01-31', '2024-01-01'),
    ];
    expect(ids(orderClaimsFor643(claims, '2024-03-01'))).toEqual([['lightDue'], ['heavyNotDue']]);
  });

  it('counts a claim as due once its due date lies before the payment date', () => {
    const claims = [claim('heavy', '2024-03-01', '2024-02-01', { burden: 1 }), claim('light', '2024-02-29', '2024-02-15')];
    // Paid on the due date itself: 'heavy' is not yet due, so it waits.
    expect(ids(orderClaimsFor643(claims, '2024-03-01'))).toEqual([['light'], ['heavy']]);
    // A day later both are due and the burden decides.
    expect(ids(orderClaimsFor643(claims, '2024-03-02'))).toEqual([['heavy'], ['light']]);
  });

  it('among due claims, puts the most burdensome first: commercial interest over consumer interest', () => {
    const claims = [
      claim('consumer', '2024-01-31', '2024-01-01', { kind: 'CONSUMER' }),
      claim('commercial', '2024-02-15', '2024-02-01', { kind: 'COMMERCIAL' }),
    ];
    expect(ids(orderClaimsFor643(claims, '2024-03-01'))).toEqual([['commercial'], ['consumer']]);
  });

  it('weighs an explicit burden before the kind of interest', () => {
    const claims = [
      claim('commercial', '2024-01-31', '2024-01-01', { kind: 'COMMERCIAL' }),
      claim('penaltyClause', '2024-02-15', '2024-02-01', { kind: 'CONSUMER', burden: 5 }),
      claim('plain', '2024-01-15', '2024-01-01', { kind: 'CONSUMER' }),
    ];
    expect(ids(orderClaimsFor643(claims, '2024-03-01'))).toEqual([['penaltyClause'], ['commercial'], ['plain']]);
  });

  it('among equally burdensome claims, puts the oldest first: earliest due date, then invoice date', () => {
    const claims = [
      claim('c', '2024-02-15', '2024-01-01'),
      claim('b', '2024-01-31', '2024-01-15'),
      claim('a', '2024-01-31', '2024-01-01'),
    ];
    expect(ids(orderClaimsFor643(claims, '2024-03-01'))).toEqual([['a'], ['b'], ['c']]);
  });

  it('groups exact ties to be paid pro rata, keeping input order inside the group', () => {
    const claims = [
      claim('x', '2024-01-31', '2024-01-01'),
      claim('later', '2024-02-15', '2024-02-01'),
      claim('y', '2024-01-31', '2024-01-01'),
    ];
    expect(ids(orderClaimsFor643(claims, '2024-03-01'))).toEqual([['x', 'y'], ['later']]);
  });

  it('takes a designated claim out of its tie group', () => {
    const claims = ['x', 'y', 'z'].map((id) => claim(id, '2024-01-31', '2024-01-01'));
    expect(ids(orderClaimsFor643(claims, '2024-03-01', 'y'))).toEqual([['y'], ['x', 'z']]);
  });

  it('rejects a designation of a claim that is not there', () => {
    expect(() => orderClaimsFor643([claim('a', '2024-01-31', '2024-01-01')], '2024-03-01', 'b')).toThrow(RangeError);
  });

  it('keeps the caller’s extra fields (generic)', () => {
    const [[first]] = orderClaimsFor643([{ ...claim('a', '2024-01-31', '2024-01-01'), owed: 10 }], '2024-03-01');
    expect(first.owed).toBe(10);
  });
});

describe('splitProRata', () => {
  it.each([
    // amount, weights, parts
    ['30.00', ['100.00', '200.00'], ['10.00', '20.00']],
    // 0.10 over 1:2 = 3.33 and 6.67 cents: floors 3 + 6, the cent left goes to the larger remainder (0.67)
    ['0.10', ['100.00', '200.00'], ['0.03', '0.07']],
    // 1.00 over three equal weights = 33.33 cents each; the cent left goes to the first on the tie
    ['1.00', ['1', '1', '1'], ['0.34', '0.33', '0.33']],
    // 0.02 over three equal weights: 0.67 cent each → the first two get a cent
    ['0.02', ['5', '5', '5'], ['0.01', '0.01', '0.00']],
    // a weight of nil gets nothing
    ['10.00', ['0', '3', '1'], ['0.00', '7.50', '2.50']],
    ['0.00', ['1', '2'], ['0.00', '0.00']],
    ['12.34', ['1'], ['12.34']],
  ])('splits %s over %j as %j', (amount, weights, parts) => {
    const result = splitProRata(amount, weights);
    expect(result.map(formatAmount)).toEqual(parts);
    expect(formatAmount(sum(result))).toBe(formatAmount(amount));
  });

  it('always adds up to the amount exactly', () => {
    for (let cents = 0; cents <= 500; cents += 7) {
      const amount = (cents / 100).toFixed(2);
      const parts = splitProRata(amount, ['3.33', '1.01', '7.77', '0.01']);
      expect(formatAmount(sum(parts))).toBe(amount);
    }
  });

  it.each([
    ['1.00', []],
    ['1.00', ['0', '0']],
    ['1.00', ['1', '-1']],
    ['-1.00', ['1']],
    ['0.001', ['1']],
  ])('rejects %s over %j', (amount, weights) => {
    expect(() => splitProRata(amount, weights)).toThrow(RangeError);
  });
});

describe('nonNegativeCents', () => {
  it('parses whole cents and names the amount when it rejects', () => {
    expect(formatAmount(nonNegativeCents('12.3', 'x'))).toBe('12.30');
    expect(() => nonNegativeCents('-0.01', 'payment p1')).toThrow(
      'payment p1 must be a non-negative amount in whole cents: -0.01',
    );
  });
});
