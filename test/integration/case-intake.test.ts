import {
  RecordPaymentDocument, ResolveDisputeDocument, SubmitCaseDocument, WithdrawCaseDocument, type CaseSubmitInput,
} from '../../src/generated/operations';
import { startTestApp, type TestApp } from '../support/harness';
import { creditorWithKey } from '../support/factories';
import { caseInput, dbId, submit } from '../support/cases';

/**
 * Case intake and payments as a creditor sees them: idempotent submission on the creditor's own
 * reference, typed errors with the exact input path, and the promise that a refused mutation
 * changes nothing. Today is Monday 2 March 2026 (Amsterdam).
 */

const TABLES = ['cases', 'debtors', 'claims', 'case_events', 'communications', 'payments'] as const;

describe('case intake', () => {
  let app: TestApp;
  let key: string;
  let creditorId: string;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-03-02T10:00:00Z' });
  });
  afterAll(() => app.stop());
  beforeEach(async () => {
    app.clock.set('2026-03-02T10:00:00Z');
    const made = await creditorWithKey(app.db);
    key = made.key;
    creditorId = made.creditor.id;
  });

  /** Row counts of every table a submission or payment writes to. */
  async function tableCounts(): Promise<Record<(typeof TABLES)[number], number>> {
    const counts = {} as Record<(typeof TABLES)[number], number>;
    for (const table of TABLES) {
      const [row] = await app.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT COUNT(*) AS n FROM \`${table}\``);
      counts[table] = Number(row.n);
    }
    return counts;
  }

  const send = async (input: CaseSubmitInput, as = key) => {
    const res = await app.gql(SubmitCaseDocument, { input }, as);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.caseSubmit;
  };

  describe('idempotency on the creditor reference', () => {
    it('answers the same submission twice with the same case, replayed, and stores it once', async () => {
      const input = caseInput();
      const first = await send(input);
      expect(first).toMatchObject({ replayed: false, errors: [] });
      const caseId = dbId(first.case!.id);
      const eventsAfterFirst = await app.db.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
      expect(eventsAfterFirst.map((e) => e.type)).toEqual(['CASE_SUBMITTED', 'WIK_NOTICE_SENT']);
      const before = await tableCounts();

      // The retry differs only in what normalisation removes: spaces around text, a lower-case
      // country code. A day later it is still the same submission.
      app.clock.set('2026-03-03T09:00:00Z');
      const retry = await send({
        ...input,
        creditorReference: ` ${input.creditorReference} `,
        debtor: { ...input.debtor, name: `  ${input.debtor.name}`, countryCode: 'nl' },
      });
      expect(retry).toMatchObject({ replayed: true, errors: [] });
      expect(retry.case!.id).toBe(first.case!.id);
      expect(retry.case!.creditorReference).toBe(input.creditorReference);

      expect(await tableCounts()).toEqual(before);
      expect(await app.db.case.count({ where: { creditorId } })).toBe(1);
      expect(await app.db.debtor.count({ where: { creditorId } })).toBe(1);
      expect(await app.db.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } })).toEqual(eventsAfterFirst);
    });

    it('makes exactly one case of five identical submissions sent at the same moment', async () => {
      const input = caseInput();
      const results = await Promise.all(Array.from({ length: 5 }, () => app.gql(SubmitCaseDocument, { input }, key)));
      for (const res of results) {
        expect(res.status).toBe(200);
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data!.caseSubmit.errors).toEqual([]);
      }
      const payloads = results.map((r) => r.body.data!.caseSubmit);
      expect(new Set(payloads.map((p) => p.case!.id)).size).toBe(1);
      expect(payloads.filter((p) => !p.replayed)).toHaveLength(1);
      expect(await app.db.case.count({ where: { creditorId } })).toBe(1);
      expect(await app.db.debtor.count({ where: { creditorId } })).toBe(1);
      expect(await app.db.caseEvent.count({ where: { creditorId } })).toBe(2);
      expect(await app.db.communication.count({ where: { case: { creditorId } } })).toBe(1);
    });

    it('refuses the same reference with other content as REFERENCE_CONFLICT and changes nothing', async () => {
      const input = caseInput();
      const first = await send(input);
      const before = await tableCounts();

      const conflict = await send({ ...input, claims: [{ ...input.claims[0], amount: '1000.01' }] });
      expect(conflict.case).toBeNull();
      expect(conflict.replayed).toBe(false);
      expect(conflict.errors).toEqual([{
        code: 'REFERENCE_CONFLICT',
        field: ['input', 'creditorReference'],
        message: expect.stringContaining(`creditorReference ${input.creditorReference}`),
      }]);
      expect(await tableCounts()).toEqual(before);
      const stored = await app.db.claim.findMany({ where: { caseId: dbId(first.case!.id) } });
      expect(stored.map((c) => c.amount.toFixed(2))).toEqual(['1000.00']);
    });

    it('gives one case and one REFERENCE_CONFLICT when two different submissions race for a reference', async () => {
      const input = caseInput();
      const other = { ...input, debtor: { ...input.debtor, name: 'Piet Jansen' } };
      const [a, b] = await Promise.all([app.gql(SubmitCaseDocument, { input }, key), app.gql(SubmitCaseDocument, { input: other }, key)]);
      const payloads = [a, b].map((r) => {
        expect(r.body.errors).toBeUndefined();
        return r.body.data!.caseSubmit;
      });
      expect(payloads.filter((p) => p.case !== null)).toHaveLength(1);
      expect(payloads.flatMap((p) => p.errors.map((e) => e.code))).toEqual(['REFERENCE_CONFLICT']);
      expect(await app.db.case.count({ where: { creditorId } })).toBe(1);
      expect(await app.db.debtor.count({ where: { creditorId } })).toBe(1);
    });

    it('accepts the largest principal a case takes', async () => {
      const result = await send(caseInput({ claims: [{ ...caseInput().claims[0], amount: '1000000000.00' }] }));
      expect(result.errors).toEqual([]);
      // 375 + 250 + 250 + 1,900 (first 200,000) + 0.5% of 999,800,000 = 4,999,000 -> 5,001,775
      // in all: capped at the 6,775.00 maximum, announced in the 14-day letter.
      expect(result.case!.communications[0].costsAnnounced).toEqual({ amount: '6775.00', currency: 'EUR' });
      expect(result.case!.balance.principal.amount).toBe('1000000000.00');
    });

    it('keeps references per creditor: another creditor may use the same one', async () => {
      const input = caseInput();
      const mine = await send(input);
      const other = await creditorWithKey(app.db);
      const theirs = await send(input, other.key);
      expect(theirs).toMatchObject({ replayed: false, errors: [] });
      expect(theirs.case!.id).not.toBe(mine.case!.id);
    });
  });

  describe('typed validation errors', () => {
    const claim = caseInput().claims[0]; // F-1, invoiced 5 Jan, due 19 Jan 2026, 1000.00

    // [what, change to the valid submission, expected error]
    const cases: [string, Partial<CaseSubmitInput>, { code: string; field: string[]; message: RegExp }][] = [
      ['a zero amount', { claims: [{ ...claim, amount: '0.00' }] },
        { code: 'INVALID_AMOUNT', field: ['input', 'claims', '0', 'amount'], message: /amount must be more than 0\.00, got 0\.00/ }],
      ['a negative amount', { claims: [{ ...claim, amount: '-25.00' }] },
        { code: 'INVALID_AMOUNT', field: ['input', 'claims', '0', 'amount'], message: /amount must be more than 0\.00, got -25\.00/ }],
      ['a bad amount on the second claim', { claims: [claim, { ...claim, invoiceNumber: 'F-2', amount: '0' }] },
        { code: 'INVALID_AMOUNT', field: ['input', 'claims', '1', 'amount'], message: /amount/ }],
      // Amounts are stored as DECIMAL(15,2): a principal near that limit plus costs and interest
      // would not fit, so a case takes at most 1,000,000,000.00 of principal.
      ['an amount above the largest principal we take', { claims: [{ ...claim, amount: '9999999999999.99' }] },
        { code: 'INVALID_AMOUNT', field: ['input', 'claims', '0', 'amount'], message: /amount must be at most 1000000000\.00, got 9999999999999\.99/ }],
      ['claims that add up to more than the largest principal', { claims: [{ ...claim, amount: '600000000.00' }, { ...claim, invoiceNumber: 'F-2', amount: '400000000.01' }] },
        { code: 'INVALID_AMOUNT', field: ['input', 'claims'], message: /add up to 1000000000\.01; a case takes at most 1000000000\.00/ }],
      ['a currency we do not collect', { currency: 'USD' },
        { code: 'UNSUPPORTED_CURRENCY', field: ['input', 'currency'], message: /currency USD is not collected here; supported: EUR/ }],
      ['an invoice dated in the future', { claims: [{ ...claim, invoiceDate: '2026-03-03', dueDate: '2026-03-03' }] },
        { code: 'INVOICE_DATE_IN_FUTURE', field: ['input', 'claims', '0', 'invoiceDate'], message: /invoiceDate 2026-03-03 is after today \(2026-03-02\)/ }],
      ['an unknown country code', { debtor: { ...caseInput().debtor, countryCode: 'XX' } },
        { code: 'UNKNOWN_COUNTRY', field: ['input', 'debtor', 'countryCode'], message: /countryCode XX is not an ISO 3166-1 alpha-2 country code/ }],
      ['a due date before the invoice date', { claims: [{ ...claim, invoiceDate: '2026-01-20', dueDate: '2026-01-19' }] },
        { code: 'DUE_DATE_BEFORE_INVOICE_DATE', field: ['input', 'claims', '0', 'dueDate'], message: /dueDate 2026-01-19 is before invoiceDate 2026-01-20/ }],
      ['an invoice number used twice', { claims: [claim, { ...claim }] },
        { code: 'DUPLICATE_INVOICE_NUMBER', field: ['input', 'claims', '1', 'invoiceNumber'], message: /invoiceNumber F-1 appears twice/ }],
      ['a claim not yet overdue', { claims: [{ ...claim, dueDate: '2026-03-02' }] },
        { code: 'INVALID_INPUT', field: ['input', 'claims', '0', 'dueDate'], message: /dueDate 2026-03-02 must be before today/ }],
      ['no claims at all', { claims: [] },
        { code: 'INVALID_INPUT', field: ['input', 'claims'], message: /claims/ }],
      ['a reference with characters we do not accept', { creditorReference: 'REF 1' },
        { code: 'INVALID_INPUT', field: ['input', 'creditorReference'], message: /creditorReference must be/ }],
      // Longer than the database column: must be a typed error, not an internal server error.
      ['a city longer than 100 characters', { debtor: { ...caseInput().debtor, city: 'A'.repeat(101) } },
        { code: 'INVALID_INPUT', field: ['input', 'debtor', 'city'], message: /city must be at most 100 characters/ }],
      ['an address line longer than 200 characters', { debtor: { ...caseInput().debtor, addressLine: 'A'.repeat(201) } },
        { code: 'INVALID_INPUT', field: ['input', 'debtor', 'addressLine'], message: /addressLine must be at most 200 characters/ }],
      ['a postal code longer than 20 characters', { debtor: { ...caseInput().debtor, postalCode: '1'.repeat(21) } },
        { code: 'INVALID_INPUT', field: ['input', 'debtor', 'postalCode'], message: /postalCode must be at most 20 characters/ }],
      ['an e-mail address longer than 254 characters', { debtor: { ...caseInput().debtor, email: `${'a'.repeat(250)}@example.nl` } },
        { code: 'INVALID_INPUT', field: ['input', 'debtor', 'email'], message: /email must be at most 254 characters/ }],
      ['an invoice description longer than 500 characters', { claims: [{ ...claim, description: 'x'.repeat(501) }] },
        { code: 'INVALID_INPUT', field: ['input', 'claims', '0', 'description'], message: /description must be at most 500 characters/ }],
    ];

    it.each(cases)('refuses %s with its code and field path, and changes nothing', async (_what, change, expected) => {
      const before = await tableCounts();
      const result = await send(caseInput(change));
      expect(result.case).toBeNull();
      expect(result.replayed).toBe(false);
      expect(result.errors).toContainEqual({ code: expected.code, field: expected.field, message: expect.stringMatching(expected.message) });
      expect(await tableCounts()).toEqual(before);
    });

    it('reports every problem of a submission at once, in input order', async () => {
      const before = await tableCounts();
      const result = await send(caseInput({
        currency: 'GBP',
        debtor: { ...caseInput().debtor, countryCode: 'QQ', email: 'not-an-address' },
        claims: [
          { ...claim, amount: '0.00' },
          { ...claim, invoiceNumber: 'F-2', invoiceDate: '2026-02-10', dueDate: '2026-02-01' },
        ],
      }));
      expect(result.case).toBeNull();
      expect(result.errors.map((e) => [e.code, e.field!.join('.')])).toEqual([
        ['UNSUPPORTED_CURRENCY', 'input.currency'],
        ['UNKNOWN_COUNTRY', 'input.debtor.countryCode'],
        ['INVALID_INPUT', 'input.debtor.email'],
        ['INVALID_AMOUNT', 'input.claims.0.amount'],
        ['DUE_DATE_BEFORE_INVOICE_DATE', 'input.claims.1.dueDate'],
      ]);
      expect(await tableCounts()).toEqual(before);
    });
  });

  describe('malformed scalars are refused by GraphQL before anything runs', () => {
    const claim = caseInput().claims[0];
    it.each([
      ['an amount with three decimals', { amount: '12.345' }, 'input.claims[0].amount', /Decimal "12\.345" must be a number with at most two decimals/],
      ['an amount that is no number', { amount: 'abc' }, 'input.claims[0].amount', /Decimal "abc" must be a number/],
      ['a date that does not exist', { invoiceDate: '2026-02-30' }, 'input.claims[0].invoiceDate', /Date "2026-02-30" must be a real date written YYYY-MM-DD/],
      ['a date in another format', { dueDate: '19-01-2026' }, 'input.claims[0].dueDate', /Date "19-01-2026" must be a real date/],
    ])('refuses %s as BAD_USER_INPUT naming the value and where it is', async (_what, change, path, message) => {
      const before = await tableCounts();
      const res = await app.gql(SubmitCaseDocument, { input: caseInput({ claims: [{ ...claim, ...change }] }) }, key);
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0].message).toContain(`at "${path}"`);
      expect(res.body.errors![0].message).toMatch(message);
      expect(await tableCounts()).toEqual(before);
    });

    it('refuses an amount sent as a JSON number (floats lose cents)', async () => {
      const input = caseInput();
      const res = await app.gql(SubmitCaseDocument, { input: { ...input, claims: [{ ...input.claims[0], amount: 12.5 as unknown as string }] } }, key);
      expect(res.status).toBe(400);
      expect(res.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/Decimal must be given as a string/) });
    });

    it('refuses a malformed amount written inline in the document', async () => {
      const res = await app.gql(
        `mutation { caseSubmit(input: { creditorReference: "INLINE-1", debtor: { kind: CONSUMER, name: "A", countryCode: "NL" },
           claims: [{ invoiceNumber: "F-1", invoiceDate: "2026-01-05", dueDate: "2026-01-19", amount: "1.001" }] }) { replayed } }`,
        {}, key,
      );
      expect(res.status).toBe(400);
      expect(res.body.errors![0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: expect.stringContaining('Decimal "1.001"') });
      expect(await app.db.case.count({ where: { creditorId } })).toBe(0);
    });
  });

  describe('payments the creditor received directly', () => {
    let caseGlobalId: string;
    beforeEach(async () => {
      // Consumer, two invoices: F-1 1000.00 due 19 Jan and F-2 250.00 due 1 Feb 2026.
      const submitted = await submit(app, key, {
        claims: [
          { invoiceNumber: 'F-1', invoiceDate: '2026-01-05', dueDate: '2026-01-19', amount: '1000.00' },
          { invoiceNumber: 'F-2', invoiceDate: '2026-01-18', dueDate: '2026-02-01', amount: '250.00' },
        ],
      });
      caseGlobalId = submitted.case!.id;
    });

    const pay = async (input: { amount: string; receivedOn: string; externalReference: string; invoiceNumber?: string }, caseId = caseGlobalId, as = key) => {
      const res = await app.gql(RecordPaymentDocument, { input: { caseId, ...input } }, as);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.paymentRecord;
    };
    const caseRow = () => app.db.case.findUniqueOrThrow({
      where: { id: dbId(caseGlobalId) }, select: { status: true, version: true, paidAmount: true, balanceAmount: true, updatedAt: true },
    });

    it.each([
      ['a zero amount', { amount: '0.00', receivedOn: '2026-03-01', externalReference: 'BANK-0' }, 'INVALID_AMOUNT', ['input', 'amount'], /amount must be more than 0\.00/],
      ['a negative amount', { amount: '-10.00', receivedOn: '2026-03-01', externalReference: 'BANK-NEG' }, 'INVALID_AMOUNT', ['input', 'amount'], /amount must be more than 0\.00, got -10\.00/],
      ['a date after today', { amount: '10.00', receivedOn: '2026-03-03', externalReference: 'BANK-FUT' }, 'RECEIVED_IN_FUTURE', ['input', 'receivedOn'], /receivedOn 2026-03-03 is after today \(2026-03-02\)/],
      ['a date before the first invoice', { amount: '10.00', receivedOn: '2026-01-04', externalReference: 'BANK-OLD' }, 'RECEIVED_BEFORE_INVOICE', ['input', 'receivedOn'], /receivedOn 2026-01-04 is before the first invoice date 2026-01-05/],
      ['an invoice that is not in the case', { amount: '10.00', receivedOn: '2026-03-01', externalReference: 'BANK-INV', invoiceNumber: 'F-9' }, 'UNKNOWN_INVOICE', ['input', 'invoiceNumber'], /no invoice F-9/],
      ['a malformed reference', { amount: '10.00', receivedOn: '2026-03-01', externalReference: 'bank 1' }, 'INVALID_INPUT', ['input', 'externalReference'], /externalReference must be/],
    ])('refuses %s with its code and field path, and changes nothing', async (_what, input, code, field, message) => {
      const before = await tableCounts();
      const row = await caseRow();
      const result = await pay(input);
      expect(result).toMatchObject({ payment: null, case: null, replayed: false });
      expect(result.errors).toEqual([{ code, field, message: expect.stringMatching(message) }]);
      expect(await tableCounts()).toEqual(before);
      expect(await caseRow()).toEqual(row);
    });

    it('refuses the same payment reference with another amount as REFERENCE_CONFLICT', async () => {
      const first = await pay({ amount: '100.00', receivedOn: '2026-03-01', externalReference: 'BANK-77' });
      expect(first.errors).toEqual([]);
      const before = await tableCounts();
      const row = await caseRow();

      const conflict = await pay({ amount: '150.00', receivedOn: '2026-03-01', externalReference: 'BANK-77' });
      expect(conflict.payment).toBeNull();
      expect(conflict.errors).toEqual([{
        code: 'REFERENCE_CONFLICT', field: ['input', 'externalReference'],
        message: 'Payment BANK-77 was already recorded with amount 100.00 on 2026-03-01.',
      }]);
      const otherDay = await pay({ amount: '100.00', receivedOn: '2026-02-28', externalReference: 'BANK-77' });
      expect(otherDay.errors.map((e) => e.code)).toEqual(['REFERENCE_CONFLICT']);
      expect(await tableCounts()).toEqual(before);
      expect(await caseRow()).toEqual(row);
    });

    it('refuses a payment on a withdrawn case as CASE_CLOSED and changes nothing', async () => {
      const withdrawn = (await app.gql(WithdrawCaseDocument, { input: { caseId: caseGlobalId, reason: 'Settled with the customer' } }, key)).body.data!.caseWithdraw;
      expect(withdrawn.case?.status).toBe('WITHDRAWN');
      const before = await tableCounts();
      const row = await caseRow();

      const result = await pay({ amount: '50.00', receivedOn: '2026-03-02', externalReference: 'BANK-LATE' });
      expect(result.errors).toEqual([{ code: 'CASE_CLOSED', field: ['input', 'caseId'], message: expect.stringContaining('WITHDRAWN') }]);
      expect(await tableCounts()).toEqual(before);
      expect(await caseRow()).toEqual(row);
    });

    it('answers another creditor’s case exactly like a missing one', async () => {
      const other = await creditorWithKey(app.db);
      const before = await tableCounts();
      const result = await pay({ amount: '50.00', receivedOn: '2026-03-02', externalReference: 'BANK-X' }, caseGlobalId, other.key);
      expect(result.errors).toEqual([{ code: 'CASE_NOT_FOUND', field: ['input', 'caseId'], message: 'No case with this id.' }]);
      expect(await tableCounts()).toEqual(before);
    });
  });

  it('refuses an illegal transition and changes nothing', async () => {
    const c = (await submit(app, key)).case!;
    const before = await tableCounts();
    const row = await app.db.case.findUniqueOrThrow({ where: { id: dbId(c.id) } });
    const res = (await app.gql(ResolveDisputeDocument, { input: { caseId: c.id, reason: 'There is no dispute' } }, key)).body.data!.caseResolveDispute;
    expect(res).toEqual({ case: null, errors: [{ code: 'ILLEGAL_TRANSITION', field: null, message: expect.stringMatching(/RESOLVE_DISPUTE is not allowed when the case is WIK_NOTICE/) }] });
    expect(await tableCounts()).toEqual(before);
    expect(await app.db.case.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});
