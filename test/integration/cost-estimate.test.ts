import { startTestApp, type TestApp } from '../support/harness';
import { createKey, creditorWithKey, createPartner } from '../support/factories';

/**
 * costEstimate: what a debt would cost without creating a case. Every expected number is worked
 * out by hand from the rules: the BIK staffel with its €40 minimum, 21% VAT for a creditor that
 * cannot deduct it, statutory interest per rate period (actual/365, each period rounded to
 * cents, compounded yearly) and the 14-day term of a letter. Today is Monday 2 March 2026.
 */
const ESTIMATE = `query Estimate($input: CostEstimateInput!) {
  costEstimate(input: $input) {
    principal { amount currency }
    costs { amount } vat { amount } costsTotal { amount }
    costSlices { from { amount } to { amount } ratePercent amount { amount } }
    interest { amount }
    interestPeriods { from to days ratePercent base { amount } amount { amount } capitalisedAfter }
    total { amount }
    wikTerm { postedOn deliveredOn termStartsOn termEndsOn extendedTermEndsOn }
    costsChargeableFrom
  }
}`;

type EstimateInput = {
  debtorKind: 'CONSUMER' | 'BUSINESS';
  claims: { amount: string; dueDate: string }[];
  vatDeductible?: boolean;
  interestUntil?: string;
  letterPostedOn?: string;
};

describe('costEstimate', () => {
  let app: TestApp;
  let key: string;
  beforeAll(async () => {
    app = await startTestApp({ now: '2026-03-02T10:00:00Z' });
    ({ key } = await creditorWithKey(app.db, { vatDeductible: true }));
  });
  afterAll(() => app.stop());

  async function estimate(input: EstimateInput, as: string | undefined = key) {
    const res = await app.gql(ESTIMATE, { input }, as);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    return res.body.data.costEstimate;
  }

  it('estimates a consumer debt of two invoices: staffel, VAT, interest across a rate change, and the letter’s term', async () => {
    const e = await estimate({
      debtorKind: 'CONSUMER',
      claims: [{ amount: '1500.00', dueDate: '2025-05-31' }, { amount: '1700.00', dueDate: '2025-12-15' }],
      vatDeductible: false,
      interestUntil: '2026-03-02',
      letterPostedOn: '2026-03-06',
    });
    // Principals added up for the costs: 1500 + 1700 = 3200.
    // Staffel: 15% of the first 2500 = 375.00, 10% of the next 700 = 70.00 -> 445.00.
    // The creditor cannot deduct VAT: 21% of 445.00 = 93.45 -> 538.45 to announce.
    expect(e.principal).toEqual({ amount: '3200.00', currency: 'EUR' });
    expect(e.costSlices).toEqual([
      { from: { amount: '0.00' }, to: { amount: '2500.00' }, ratePercent: '15.00', amount: { amount: '375.00' } },
      { from: { amount: '2500.00' }, to: { amount: '5000.00' }, ratePercent: '10.00', amount: { amount: '70.00' } },
    ]);
    expect([e.costs.amount, e.vat.amount, e.costsTotal.amount]).toEqual(['445.00', '93.45', '538.45']);
    // Consumer rate 6% from 1 Jan 2025 (re-published unchanged on 1 Jul 2025, so no split there),
    // 4% from 1 Jan 2026; interest from the day after the due date up to (not including) 2 March.
    //   1500.00 from 1 Jun 2025: 214 days at 6%: 1500 × 0.06 × 214 / 365 = 52.767 -> 52.77
    //                            60 days at 4% (1 Jan .. 1 Mar): 1500 × 0.04 × 60 / 365 = 9.863 -> 9.86
    //   1700.00 from 16 Dec 2025: 16 days at 6%: 1700 × 0.06 × 16 / 365 = 4.471 -> 4.47
    //                             60 days at 4%: 1700 × 0.04 × 60 / 365 = 11.178 -> 11.18
    expect(e.interestPeriods).toEqual([
      { from: '2025-06-01', to: '2026-01-01', days: 214, ratePercent: '6.00', base: { amount: '1500.00' }, amount: { amount: '52.77' }, capitalisedAfter: false },
      { from: '2026-01-01', to: '2026-03-02', days: 60, ratePercent: '4.00', base: { amount: '1500.00' }, amount: { amount: '9.86' }, capitalisedAfter: false },
      { from: '2025-12-16', to: '2026-01-01', days: 16, ratePercent: '6.00', base: { amount: '1700.00' }, amount: { amount: '4.47' }, capitalisedAfter: false },
      { from: '2026-01-01', to: '2026-03-02', days: 60, ratePercent: '4.00', base: { amount: '1700.00' }, amount: { amount: '11.18' }, capitalisedAfter: false },
    ]);
    // 52.77 + 9.86 + 4.47 + 11.18 = 78.28; total 3200.00 + 538.45 + 78.28 = 3816.73.
    expect(e.interest.amount).toBe('78.28');
    expect(e.total.amount).toBe('3816.73');
    // Posted Friday 6 March: Saturday 7th is the first delivery day, Sunday and Monday do not
    // count, Tuesday 10th the second: delivered 10 March. 14 days from Wednesday 11 March end on
    // Tuesday 24 March, a working day. Costs only from the 25th.
    expect(e.wikTerm).toEqual({ postedOn: '2026-03-06', deliveredOn: '2026-03-10', termStartsOn: '2026-03-11', termEndsOn: '2026-03-24', extendedTermEndsOn: '2026-03-24' });
    expect(e.costsChargeableFrom).toBe('2026-03-25');
  });

  it('estimates a small business debt: the €40 minimum, no letter, commercial interest compounded after a year', async () => {
    const e = await estimate({ debtorKind: 'BUSINESS', claims: [{ amount: '150.00', dueDate: '2024-12-15' }], vatDeductible: true });
    // 15% of 150.00 = 22.50, below the minimum: 40.00. VAT deductible: no VAT.
    expect(e.costSlices).toEqual([{ from: { amount: '0.00' }, to: { amount: '2500.00' }, ratePercent: '15.00', amount: { amount: '22.50' } }]);
    expect([e.costs.amount, e.vat.amount, e.costsTotal.amount]).toEqual(['40.00', '0.00', '40.00']);
    // Handelsrente from 16 Dec 2024 to today (2 March 2026, the default), split at each new rate
    // and at the anniversary 16 Dec 2025, when the year's interest joins the base:
    //   16 days at 12.25%:  150 × 0.1225 × 16 / 365  = 0.805  -> 0.81
    //   181 days at 11.15%: 150 × 0.1115 × 181 / 365 = 8.294  -> 8.29
    //   168 days at 10.15%: 150 × 0.1015 × 168 / 365 = 7.008  -> 7.01   (year 1: 16.11, capitalised)
    //   76 days at 10.15% on 166.11: 166.11 × 0.1015 × 76 / 365 = 3.511 -> 3.51
    // (1 Jan 2026 re-publishes 10.15% unchanged, so the last period is not split.)
    expect(e.interestPeriods).toEqual([
      { from: '2024-12-16', to: '2025-01-01', days: 16, ratePercent: '12.25', base: { amount: '150.00' }, amount: { amount: '0.81' }, capitalisedAfter: false },
      { from: '2025-01-01', to: '2025-07-01', days: 181, ratePercent: '11.15', base: { amount: '150.00' }, amount: { amount: '8.29' }, capitalisedAfter: false },
      { from: '2025-07-01', to: '2025-12-16', days: 168, ratePercent: '10.15', base: { amount: '150.00' }, amount: { amount: '7.01' }, capitalisedAfter: true },
      { from: '2025-12-16', to: '2026-03-02', days: 76, ratePercent: '10.15', base: { amount: '166.11' }, amount: { amount: '3.51' }, capitalisedAfter: false },
    ]);
    // 16.11 + 3.51 = 19.62; total 150.00 + 40.00 + 19.62 = 209.62.
    expect(e.interest.amount).toBe('19.62');
    expect(e.total.amount).toBe('209.62');
    // No 14-day letter for a business; the costs are due from the day after the payment deadline (6:96 lid 4).
    expect(e.wikTerm).toBeNull();
    expect(e.costsChargeableFrom).toBe('2024-12-16');
  });

  it.each([
    // The textbook examples of the staffel.
    ['1000.00', '150.00'], // 15% of 1000
    ['2500.00', '375.00'], // 15% of 2500
    ['5000.00', '625.00'], // 375 + 10% of 2500
    ['10000.00', '875.00'], // 625 + 5% of 5000
    ['200000.00', '2775.00'], // 875 + 1% of 190,000
    ['1000000.00', '6775.00'], // 2775 + 0.5% of 800,000 = the maximum
    ['2000000.00', '6775.00'], // never more than the maximum
    ['266.66', '40.00'], // 15% = 40.00 (39.999 rounds up): exactly the minimum
    ['0.01', '40.00'], // the minimum, however small the debt
  ])('charges the staffel on %s: %s', async (principal, costs) => {
    const e = await estimate({ debtorKind: 'BUSINESS', claims: [{ amount: principal, dueDate: '2026-02-01' }], vatDeductible: true });
    expect(e.costs.amount).toBe(costs);
    expect(e.costsTotal.amount).toBe(costs);
  });

  describe('the 14-day term of a letter posted on a given day', () => {
    it.each([
      // Posted Monday 2 March (the default: today): Tuesday and Wednesday are delivery days.
      ['today (the default)', undefined, { postedOn: '2026-03-02', deliveredOn: '2026-03-04', termStartsOn: '2026-03-05', termEndsOn: '2026-03-18', extendedTermEndsOn: '2026-03-18' }],
      // Thursday 2 April, before Easter (Easter Sunday 5 April 2026): Good Friday 3 April is equated
      // with a holiday (Atw art. 3 lid 2) and is no delivery day; Saturday 4th is the first, Sunday
      // and Easter Monday are not, Tuesday 7th the second. 14 days end Tuesday 21 April.
      ['2026-04-02', '2026-04-02', { postedOn: '2026-04-02', deliveredOn: '2026-04-07', termStartsOn: '2026-04-08', termEndsOn: '2026-04-21', extendedTermEndsOn: '2026-04-21' }],
      // Wednesday 18 March: delivered Friday 20th; the 14th day is Good Friday 3 April, so the
      // term runs on past Saturday, Sunday and Easter Monday to Tuesday 7 April (Atw art. 1).
      ['2026-03-18', '2026-03-18', { postedOn: '2026-03-18', deliveredOn: '2026-03-20', termStartsOn: '2026-03-21', termEndsOn: '2026-04-03', extendedTermEndsOn: '2026-04-07' }],
      // Wednesday 23 December, before Christmas: Thursday 24th is the first delivery day; Christmas
      // (Fri), Boxing Day (Sat), Sunday and Monday are not; Tuesday 29th the second. 14 days end
      // Tuesday 12 January 2027.
      ['2026-12-23', '2026-12-23', { postedOn: '2026-12-23', deliveredOn: '2026-12-29', termStartsOn: '2026-12-30', termEndsOn: '2027-01-12', extendedTermEndsOn: '2027-01-12' }],
      // Wednesday 9 December: delivered Friday 11th; the 14th day is Christmas Day (Friday 25th):
      // the term runs on past Boxing Day (Saturday) and Sunday to Monday 28 December.
      ['2026-12-09', '2026-12-09', { postedOn: '2026-12-09', deliveredOn: '2026-12-11', termStartsOn: '2026-12-12', termEndsOn: '2026-12-25', extendedTermEndsOn: '2026-12-28' }],
      // Wednesday 16 December: delivered Friday 18th; the 14th day is New Year's Day (Friday), so the
      // term runs on to Monday 4 January 2027.
      ['2026-12-16', '2026-12-16', { postedOn: '2026-12-16', deliveredOn: '2026-12-18', termStartsOn: '2026-12-19', termEndsOn: '2027-01-01', extendedTermEndsOn: '2027-01-04' }],
    ])('posted on %s', async (_day, letterPostedOn, wikTerm) => {
      const e = await estimate({ debtorKind: 'CONSUMER', claims: [{ amount: '500.00', dueDate: '2026-02-01' }], letterPostedOn });
      expect(e.wikTerm).toEqual(wikTerm);
      // Costs may be charged from the day after the (extended) term end.
      const next = new Date(Date.parse(wikTerm.extendedTermEndsOn) + 86_400_000).toISOString().slice(0, 10);
      expect(e.costsChargeableFrom).toBe(next);
    });
  });

  describe('the VAT default', () => {
    const debt = { debtorKind: 'BUSINESS' as const, claims: [{ amount: '1000.00', dueDate: '2026-02-01' }] };

    it('follows the creditor’s own VAT setting unless the request says otherwise', async () => {
      const cannotDeduct = await creditorWithKey(app.db, { vatDeductible: false });
      // 15% of 1000 = 150.00; + 21% VAT = 31.50 -> 181.50.
      expect(await estimate(debt, cannotDeduct.key)).toMatchObject({ costs: { amount: '150.00' }, vat: { amount: '31.50' }, costsTotal: { amount: '181.50' } });
      expect(await estimate({ ...debt, vatDeductible: true }, cannotDeduct.key)).toMatchObject({ vat: { amount: '0.00' }, costsTotal: { amount: '150.00' } });

      // The creditor of this file can deduct VAT.
      expect(await estimate(debt)).toMatchObject({ vat: { amount: '0.00' }, costsTotal: { amount: '150.00' } });
      expect(await estimate({ ...debt, vatDeductible: false })).toMatchObject({ vat: { amount: '31.50' }, costsTotal: { amount: '181.50' } });
    });

    it('adds VAT to the €40 minimum too', async () => {
      // 15% of 200 = 30 -> the 40.00 minimum; + 21% = 8.40 -> 48.40.
      const e = await estimate({ debtorKind: 'BUSINESS', claims: [{ amount: '200.00', dueDate: '2026-02-15' }], vatDeductible: false });
      expect([e.costs.amount, e.vat.amount, e.costsTotal.amount]).toEqual(['40.00', '8.40', '48.40']);
    });

    it('assumes a deductible VAT for a staff key', async () => {
      const { key: staffKey } = await createKey(app.db, { kind: 'STAFF' }, 'read');
      expect(await estimate(debt, staffKey)).toMatchObject({ vat: { amount: '0.00' }, costsTotal: { amount: '150.00' } });
    });
  });

  describe('refusals', () => {
    it.each([
      ['a zero amount', [{ amount: '0.00', dueDate: '2026-02-01' }], ['input', 'claims', '0', 'amount'], 'input.claims.0.amount: amount must be more than 0.00, got 0.00'],
      ['a negative amount on the second invoice', [{ amount: '10.00', dueDate: '2026-02-01' }, { amount: '-5.00', dueDate: '2026-02-01' }], ['input', 'claims', '1', 'amount'], 'input.claims.1.amount: amount must be more than 0.00, got -5.00'],
      ['no invoices', [], ['input', 'claims'], 'input.claims: give 1 to 100 claims'],
    ])('refuses %s as BAD_USER_INPUT naming the field', async (_what, claims, field, message) => {
      const res = await app.gql(ESTIMATE, { input: { debtorKind: 'CONSUMER', claims } }, key);
      expect(res.body.data).toBeNull();
      expect(res.body.errors).toEqual([expect.objectContaining({ message, path: ['costEstimate'], extensions: { code: 'BAD_USER_INPUT', field } })]);
    });

    it('refuses an amount with three decimals before it runs', async () => {
      const res = await app.gql(ESTIMATE, { input: { debtorKind: 'CONSUMER', claims: [{ amount: '99.999', dueDate: '2026-02-01' }] } }, key);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({
        message: expect.stringMatching(/at "input\.claims\[0\]\.amount"; Decimal "99\.999" must be a number with at most two decimals/),
        extensions: { code: 'BAD_USER_INPUT' },
      })]);
    });

    it('refuses interest from before the first known statutory rate', async () => {
      const res = await app.gql(ESTIMATE, { input: { debtorKind: 'CONSUMER', claims: [{ amount: '100.00', dueDate: '2005-06-30' }] } }, key);
      expect(res.body.errors).toEqual([expect.objectContaining({
        message: 'input.claims.0.dueDate: dueDate 2005-06-30 is before 2012-01-01, the first day the statutory interest table covers',
        extensions: { code: 'BAD_USER_INPUT', field: ['input', 'claims', '0', 'dueDate'] },
      })]);
    });

    it('is refused without a key, and to a partner key', async () => {
      const input = { debtorKind: 'CONSUMER', claims: [{ amount: '100.00', dueDate: '2026-02-01' }] };
      const anonymous = await app.gql(ESTIMATE, { input });
      expect(anonymous.body.data).toBeNull();
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(anonymous.body.errors![0].extensions.code);

      const partner = await createPartner(app.db);
      const { key: partnerKey } = await createKey(app.db, { kind: 'PARTNER', partnerId: partner.id });
      const asPartner = await app.gql(ESTIMATE, { input }, partnerKey);
      expect(asPartner.body.data).toBeNull();
      expect(asPartner.body.errors![0].extensions.code).toBe('FORBIDDEN');
    });
  });
});
