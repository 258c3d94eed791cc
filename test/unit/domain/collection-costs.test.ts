import {
  BIK_MAXIMUM,
  BIK_MINIMUM,
  BIK_STAFFEL,
  CollectionCosts,
  computeCollectionCosts,
  computeCollectionCostsForClaims,
} from '../../../src/domain/collection-costs';
import { formatAmount } from '../../../src/domain/money';

const NO_VAT = { applies: false, rate: '0.21' };
const VAT_21 = { applies: true, rate: '0.21' };

const costsOf = (principal: string) => formatAmount(computeCollectionCosts({ principal, vat: NO_VAT }).costs);

const plain = (result: CollectionCosts) => ({
  base: formatAmount(result.base),
  costs: formatAmount(result.costs),
  vat: formatAmount(result.vat),
  total: formatAmount(result.total),
});

describe('BIK staffel data', () => {
  it('is the table of the decree, contiguous from zero', () => {
    expect(BIK_STAFFEL.map((s) => [s.from.toString(), s.to?.toString() ?? null, s.rate.toString()])).toEqual([
      ['0', '2500', '0.15'],
      ['2500', '5000', '0.1'],
      ['5000', '10000', '0.05'],
      ['10000', '200000', '0.01'],
      ['200000', null, '0.005'],
    ]);
    expect(formatAmount(BIK_MINIMUM)).toBe('40.00');
    expect(formatAmount(BIK_MAXIMUM)).toBe('6775.00');
  });
});

describe('computeCollectionCosts', () => {
  it.each([
    // The textbook examples of the staffel.
    ['1000.00', '150.00'], //     15% × 1,000
    ['2500.00', '375.00'], //     15% × 2,500
    ['5000.00', '625.00'], //     375 + 10% × 2,500
    ['10000.00', '875.00'], //    625 + 5% × 5,000
    ['200000.00', '2775.00'], //  875 + 1% × 190,000
  ])('staffel example: %s → %s', (principal, costs) => {
    expect(costsOf(principal)).toBe(costs);
  });

  it.each([
    // Each boundary ± one cent: the cent below and above are charged at the lower and upper band.
    ['2499.99', '375.00'], //     15% × 2,499.99 = 374.9985
    ['2500.01', '375.00'], //     375 + 10% × 0.01 = 375.001
    ['4999.99', '625.00'], //     375 + 10% × 2,499.99 = 624.999
    ['5000.01', '625.00'], //     625 + 5% × 0.01 = 625.0005
    ['9999.99', '875.00'], //     625 + 5% × 4,999.99 = 874.9995
    ['10000.01', '875.00'], //    875 + 1% × 0.01 = 875.0001
    ['199999.99', '2775.00'], //  875 + 1% × 189,999.99 = 2,774.9999
    ['200000.01', '2775.00'], //  2,775 + 0.5% × 0.01 = 2,775.00005
  ])('slice boundary: %s → %s', (principal, costs) => {
    expect(costsOf(principal)).toBe(costs);
  });

  it.each([
    ['0.01', '40.00'],
    ['100.00', '40.00'], //   15% = 15.00, raised to the minimum
    ['266.66', '40.00'], //   15% = 39.999 → 40.00 (rounding, also the minimum)
    ['266.67', '40.00'], //   15% = 40.0005 → 40.00 (rounding, not the minimum)
    ['266.69', '40.00'], //   15% = 40.0035 → 40.00
    ['266.70', '40.01'], //   15% = 40.005 → 40.01 (half up)
  ])('minimum €40: %s → %s', (principal, costs) => {
    expect(costsOf(principal)).toBe(costs);
  });

  it.each([
    ['999999.99', '6775.00'], //   2,775 + 0.5% × 799,999.99 = 6,774.99995 → 6,775.00
    ['1000000.00', '6775.00'], //  2,775 + 0.5% × 800,000 = 6,775 exactly
    ['2000000.00', '6775.00'], //  2,775 + 0.5% × 1,800,000 = 11,775, capped
  ])('maximum €6,775: %s → %s', (principal, costs) => {
    expect(costsOf(principal)).toBe(costs);
  });

  it.each([
    ['1234.56', '185.18'], //   15% × 1,234.56 = 185.184
    ['1234.57', '185.19'], //   15% × 1,234.57 = 185.1855 → half up
    ['3333.33', '458.33'], //   375 + 10% × 833.33 = 458.333
    ['7777.77', '763.89'], //   625 + 5% × 2,777.77 = 763.8885
    ['12345.67', '898.46'], //  875 + 1% × 2,345.67 = 898.4567
    ['250000.50', '3025.00'], // 2,775 + 0.5% × 50,000.50 = 3,025.0025
  ])('rounds fractional cents once, half up: %s → %s', (principal, costs) => {
    expect(costsOf(principal)).toBe(costs);
  });

  it('adds VAT on top when the creditor cannot deduct it', () => {
    // 15% × 1,000 = 150.00; 21% × 150.00 = 31.50
    expect(plain(computeCollectionCosts({ principal: '1000', vat: VAT_21 }))).toEqual({
      base: '1000.00',
      costs: '150.00',
      vat: '31.50',
      total: '181.50',
    });
  });

  it('adds no VAT when the creditor can deduct it, whatever the rate', () => {
    expect(plain(computeCollectionCosts({ principal: '1000', vat: NO_VAT }))).toEqual({
      base: '1000.00',
      costs: '150.00',
      vat: '0.00',
      total: '150.00',
    });
  });

  it.each([
    ['100.00', '0.21', '8.40', '48.40'], //       minimum 40.00 × 21% = 8.40
    ['1234.56', '0.21', '38.89', '224.07'], //    185.18 × 21% = 38.8878
    ['1234.57', '0.21', '38.89', '224.08'], //    185.19 × 21% = 38.8899
    ['2000000.00', '0.21', '1422.75', '8197.75'], // maximum 6,775 × 21%
    ['1000.00', '0.09', '13.50', '163.50'], //    the caller's rate is used
  ])('VAT on %s at %s: %s, total %s', (principal, rate, vat, total) => {
    const result = computeCollectionCosts({ principal, vat: { applies: true, rate } });
    expect([formatAmount(result.vat), formatAmount(result.total)]).toEqual([vat, total]);
  });

  it('shows each band the base reaches into, before minimum and maximum', () => {
    const result = computeCollectionCosts({ principal: '12345.67', vat: NO_VAT });
    const slices = result.slices.map((s) => [
      formatAmount(s.from),
      s.to && formatAmount(s.to),
      s.rate.toString(),
      formatAmount(s.amount),
    ]);
    expect(slices).toEqual([
      ['0.00', '2500.00', '0.15', '375.00'],
      ['2500.00', '5000.00', '0.1', '250.00'],
      ['5000.00', '10000.00', '0.05', '250.00'],
      ['10000.00', '200000.00', '0.01', '23.46'], // 1% × 2,345.67 = 23.4567
    ]);
  });

  it('owes nothing on a base of nil', () => {
    expect(plain(computeCollectionCosts({ principal: '0', vat: VAT_21 }))).toEqual({
      base: '0.00',
      costs: '0.00',
      vat: '0.00',
      total: '0.00',
    });
  });

  it.each([['-1.00'], ['100.001'], ['abc']])('rejects the principal %s', (principal) => {
    expect(() => computeCollectionCosts({ principal, vat: NO_VAT })).toThrow(Error);
  });

  it.each([['-0.21'], ['1'], ['21']])('rejects the VAT rate %s', (rate) => {
    expect(() => computeCollectionCosts({ principal: '100', vat: { applies: true, rate } })).toThrow(RangeError);
  });
});

describe('computeCollectionCostsForClaims', () => {
  it('adds the principals of one creditor before applying the staffel', () => {
    // 2,000 + 3,000 = 5,000 → 625.00; separately it would be 300.00 + 425.00 = 725.00.
    const result = computeCollectionCostsForClaims({ principals: ['2000.00', '3000.00'], vat: NO_VAT });
    expect(plain(result)).toEqual({ base: '5000.00', costs: '625.00', vat: '0.00', total: '625.00' });
  });

  it('lets small claims together pass the minimum', () => {
    // 150 + 150 = 300 → 15% = 45.00, where each alone would cost the minimum 40.00.
    const result = computeCollectionCostsForClaims({ principals: ['150.00', '150.00'], vat: VAT_21 });
    expect(plain(result)).toEqual({ base: '300.00', costs: '45.00', vat: '9.45', total: '54.45' });
  });

  it('is the same as one claim of the summed principal', () => {
    const together = computeCollectionCostsForClaims({ principals: ['0.01', '266.66', '9733.33'], vat: VAT_21 });
    const single = computeCollectionCosts({ principal: '10000.00', vat: VAT_21 });
    expect(plain(together)).toEqual(plain(single));
  });

  it('rejects a negative principal among the claims', () => {
    expect(() => computeCollectionCostsForClaims({ principals: ['100', '-50'], vat: NO_VAT })).toThrow(RangeError);
  });
});
