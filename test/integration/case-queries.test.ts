import Decimal from 'decimal.js';
import { advanceDueCases } from '../../src/services/workflow';
import {
  AcceptArrangementDocument, CaseByReferenceDocument, CasesDocument, CaseTimelineDocument, DisputeCaseDocument,
  ProposeArrangementDocument, RecordPaymentDocument, WithdrawCaseDocument,
  type CaseFilter, type CaseOrderField, type CaseSubmitInput, type OrderDirection,
} from '../../src/generated/operations';
import { startTestApp, type TestApp } from '../support/harness';
import { creditorWithKey } from '../support/factories';
import { dbId, submit } from '../support/cases';

/**
 * Reading cases as a creditor: one case by reference or global id, the `cases` connection
 * (pages, filters, orderings, page-size limit), the SQL a list costs, and the statement
 * invariants every amount on a case must satisfy.
 */
describe('reading cases', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ now: '2026-03-02T10:00:00Z' });
  });
  afterAll(() => app.stop());

  const at = (instant: string) => app.clock.set(instant);
  const business = (name: string, countryCode = 'NL'): CaseSubmitInput['debtor'] => ({ kind: 'BUSINESS', name, countryCode });
  const consumer = (name: string, countryCode = 'NL'): CaseSubmitInput['debtor'] => ({ kind: 'CONSUMER', name, countryCode });
  const claim = (invoiceNumber: string, amount: string, dueDate = '2026-01-19', invoiceDate = '2025-11-01') => ({ invoiceNumber, invoiceDate, dueDate, amount });
  const pay = async (key: string, caseId: string, amount: string, receivedOn: string, externalReference: string, invoiceNumber?: string) => {
    const res = await app.gql(RecordPaymentDocument, { input: { caseId, amount, receivedOn, externalReference, invoiceNumber } }, key);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.paymentRecord.errors).toEqual([]);
    return res.body.data!.paymentRecord;
  };

  describe('one case', () => {
    it('finds a case by your reference and by global id, with status, balance, next action, prescription and timeline', async () => {
      at('2026-03-02T10:00:00Z');
      const { key } = await creditorWithKey(app.db);
      const submitted = await submit(app, key, { creditorReference: 'LOOKUP-1' });

      const byRef = (await app.gql(CaseByReferenceDocument, { reference: 'LOOKUP-1' }, key)).body.data!.case!;
      expect(byRef).toMatchObject({
        id: submitted.case!.id,
        status: 'WIK_NOTICE',
        phase: 'AMICABLE',
        debtor: { name: 'Jan de Vries', countryCode: 'NL', kind: 'CONSUMER' },
        // No costs during the 14-day term; interest 20 Jan .. 1 Mar = 41 days: 1000 × 4% × 41/365 = 4.49.
        balance: {
          asOf: '2026-03-02',
          principal: { amount: '1000.00', currency: 'EUR' },
          costs: { amount: '0.00', currency: 'EUR' },
          interest: { amount: '4.49', currency: 'EUR' },
          paid: { amount: '0.00', currency: 'EUR' },
          total: { amount: '1004.49', currency: 'EUR' },
        },
        // Posted Mon 2 Mar, delivered Wed 4 Mar, 14 days end Wed 18 Mar: the term ends, action on the 19th.
        nextAction: { kind: 'WIK_TERM_ENDS', on: '2026-03-19' },
        // Due 19 Jan 2026: 5 years from 20 Jan 2026 -> prescribed from 20 Jan 2031. The 14-day letter
        // posted 2 Mar 2026 interrupts it when it reaches the debtor (3:37 lid 3), on Wed 4 Mar: a new
        // 5 years from 5 Mar 2026 -> prescribed from 5 Mar 2031.
        prescription: { lastDayToInterrupt: '2031-03-04', prescribedFrom: '2031-03-05' },
      });

      const byId = await app.gql(`query($id: ID!) { case(by: { id: $id }) { creditorReference } node(id: $id) { id ... on Case { creditorReference status phase } } }`, { id: submitted.case!.id }, key);
      expect(byId.body).toEqual({
        data: {
          case: { creditorReference: 'LOOKUP-1' },
          node: { id: submitted.case!.id, creditorReference: 'LOOKUP-1', status: 'WIK_NOTICE', phase: 'AMICABLE' },
        },
      });

      const timeline = (await app.gql(CaseTimelineDocument, { id: submitted.case!.id }, key)).body.data!.node as any;
      expect(timeline.timeline.edges.map((e: any) => [e.node.type, e.node.actorKind, e.node.occurredAt])).toEqual([
        ['CASE_SUBMITTED', 'CREDITOR', '2026-03-02T10:00:00.000Z'],
        ['WIK_NOTICE_SENT', 'CREDITOR', '2026-03-02T10:00:00.000Z'],
      ]);
    });

    it('answers another creditor’s case as null, by reference, by id and as a node', async () => {
      at('2026-03-02T10:00:00Z');
      const mine = await creditorWithKey(app.db);
      const other = await creditorWithKey(app.db);
      const submitted = await submit(app, mine.key, { creditorReference: 'PRIVATE-1' });
      const res = await app.gql(
        `query($id: ID!) { byRef: case(by: { creditorReference: "PRIVATE-1" }) { id } byId: case(by: { id: $id }) { id } node(id: $id) { id } }`,
        { id: submitted.case!.id }, other.key,
      );
      expect(res.body).toEqual({ data: { byRef: null, byId: null, node: null } });
    });
  });

  describe('the cases connection', () => {
    const ids = async (key: string, variables: { first?: number; after?: string; filter?: CaseFilter }) => {
      const res = await app.gql(CasesDocument, variables, key);
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.cases;
    };

    it('pages through every case once, with a stable totalCount, and never shows another creditor’s', async () => {
      at('2026-03-02T10:00:00Z');
      const { key, creditor } = await creditorWithKey(app.db);
      const other = await creditorWithKey(app.db);
      for (let i = 0; i < 25; i++) await submit(app, key, { creditorReference: `PAGE-${String(i).padStart(2, '0')}` });
      for (let i = 0; i < 3; i++) await submit(app, other.key, { creditorReference: `PAGE-${String(i).padStart(2, '0')}` });

      const seen: string[] = [];
      const pages: { size: number; hasNextPage: boolean; totalCount: number }[] = [];
      let after: string | undefined;
      do {
        const page = await ids(key, { first: 10, after });
        pages.push({ size: page.edges.length, hasNextPage: page.pageInfo.hasNextPage, totalCount: page.totalCount });
        seen.push(...page.edges.map((e) => e.node.id));
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
      } while (after);

      expect(pages).toEqual([
        { size: 10, hasNextPage: true, totalCount: 25 },
        { size: 10, hasNextPage: true, totalCount: 25 },
        { size: 5, hasNextPage: false, totalCount: 25 },
      ]);
      const expected = await app.db.case.findMany({ where: { creditorId: creditor.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      expect(seen.map(dbId)).toEqual(expected.map((c) => c.id));
      expect(new Set(seen).size).toBe(25);

      // Without first, a page holds 20.
      expect((await ids(key, {})).edges).toHaveLength(20);
    });

    it('refuses a page larger than 100 with BAD_USER_INPUT instead of quietly returning less', async () => {
      const { key } = await creditorWithKey(app.db);
      const res = await app.gql(CasesDocument, { first: 500 }, key);
      expect(res.body.data).toBeNull();
      expect(res.body.errors).toEqual([expect.objectContaining({
        path: ['cases'],
        message: expect.stringContaining('A page holds at most 100 cases, 500 were asked for'),
        extensions: { code: 'BAD_USER_INPUT' },
      })]);
      expect((await app.gql(CasesDocument, { first: 100 }, key)).body.errors).toBeUndefined();
      expect((await app.gql(CasesDocument, { first: 101 }, key)).body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });

    describe('filters', () => {
      let key: string;
      const refs: Record<string, string> = {};
      beforeAll(async () => {
        const me = await creditorWithKey(app.db);
        key = me.key;
        const other = await creditorWithKey(app.db);
        const add = async (name: string, instant: string, input: Partial<CaseSubmitInput>) => {
          at(instant);
          const c = (await submit(app, key, { creditorReference: name, ...input })).case!;
          refs[name] = c.id;
          return c;
        };
        // One case a day, each in another state.
        await add('ACME-2026-001', '2026-03-02T10:00:00Z', { debtor: consumer('Jan de Vries', 'NL') }); // WIK_NOTICE
        await add('ACME-2026-002', '2026-03-03T10:00:00Z', { debtor: business('Müller GmbH', 'DE'), claims: [claim('D-1', '800.00')] }); // REMINDERS
        const disputed = await add('OTHER_7', '2026-03-04T10:00:00Z', { debtor: consumer('Marie Peeters', 'BE') });
        await app.gql(DisputeCaseDocument, { input: { caseId: disputed.id, reason: 'Goods not received' } }, key);
        const withdrawn = await add('OTHER-7', '2026-03-05T10:00:00Z', { debtor: consumer('Kees Bakker', 'NL') });
        await app.gql(WithdrawCaseDocument, { input: { caseId: withdrawn.id, reason: 'Paid us directly' } }, key);
        const paid = await add('acme-x', '2026-03-06T10:00:00Z', { debtor: business('Bakkerij Zoet', 'NL'), claims: [claim('Z-1', '200.00')] });
        await pay(key, paid.id, paid.balance.total.amount, '2026-03-06', 'BANK-Z1');
        const planned = await add('PLAN-1', '2026-03-07T10:00:00Z', { debtor: business('Kapsalon Knip', 'NL'), claims: [claim('K-1', '900.00')] });
        const proposal = (await app.gql(ProposeArrangementDocument, { input: { caseId: planned.id, instalmentCount: 3, firstDueOn: '2026-03-15' } }, key)).body.data!.arrangementPropose;
        await app.gql(AcceptArrangementDocument, { input: { arrangementId: proposal.arrangement!.id } }, key);
        // Another creditor's case that matches most filters must never show up.
        at('2026-03-04T10:00:00Z');
        await submit(app, other.key, { creditorReference: 'ACME-2026-003', debtor: business('Müller GmbH', 'DE'), claims: [claim('D-1', '800.00')] });
        at('2026-03-07T10:00:00Z');
      });

      it.each<[string, CaseFilter, string[]]>([
        ['nothing', {}, ['PLAN-1', 'acme-x', 'OTHER-7', 'OTHER_7', 'ACME-2026-002', 'ACME-2026-001']],
        ['one status', { status: ['WIK_NOTICE'] }, ['ACME-2026-001']],
        ['several statuses', { status: ['WITHDRAWN', 'PAID', 'ARRANGEMENT'] }, ['PLAN-1', 'acme-x', 'OTHER-7']],
        ['phase AMICABLE', { phase: ['AMICABLE'] }, ['ACME-2026-002', 'ACME-2026-001']],
        ['phase CLOSED', { phase: ['CLOSED'] }, ['acme-x', 'OTHER-7']],
        ['phases DISPUTE and PAYMENT_PLAN', { phase: ['DISPUTE', 'PAYMENT_PLAN'] }, ['PLAN-1', 'OTHER_7']],
        ['debtor country DE', { debtorCountry: 'DE' }, ['ACME-2026-002']],
        ['debtor country BE', { debtorCountry: 'BE' }, ['OTHER_7']],
        ['business debtors', { debtorKind: 'BUSINESS' }, ['PLAN-1', 'acme-x', 'ACME-2026-002']],
        // createdFrom counts its own instant, createdBefore does not.
        ['created between', { createdFrom: '2026-03-03T10:00:00.000Z', createdBefore: '2026-03-05T10:00:00.000Z' }, ['OTHER_7', 'ACME-2026-002']],
        ['created from', { createdFrom: '2026-03-06T00:00:00.000Z' }, ['PLAN-1', 'acme-x']],
        ['created before', { createdBefore: '2026-03-03T00:00:00.000Z' }, ['ACME-2026-001']],
        // Reference search ignores case; "_" is a character, not a LIKE wildcard.
        ['reference contains ACME', { referenceContains: 'ACME' }, ['acme-x', 'ACME-2026-002', 'ACME-2026-001']],
        ['reference contains "R_7"', { referenceContains: 'R_7' }, ['OTHER_7']],
        ['reference contains "%"', { referenceContains: '%' }, []],
        ['consumers in the amicable phase', { debtorKind: 'CONSUMER', phase: ['AMICABLE'] }, ['ACME-2026-001']],
        ['no match', { debtorCountry: 'FR' }, []],
      ])('filters on %s', async (_what, filter, expected) => {
        const page = await ids(key, { filter, first: 50 });
        expect(page.edges.map((e) => e.node.creditorReference)).toEqual(expected);
        expect(page.totalCount).toBe(expected.length);
        expect(page.edges.map((e) => e.node.id)).toEqual(expected.map((r) => refs[r]));
      });
    });

    describe('ordering', () => {
      let key: string;
      let creditorId: string;
      beforeAll(async () => {
        ({ key, creditor: { id: creditorId } } = await creditorWithKey(app.db));
        // Twelve consumer cases at three moments of the same day (so createdAt ties four times), with
        // amounts that tie too: the same principal and due date give the same balance that day.
        const amounts = ['100.00', '250.00', '100.00', '500.00', '250.00', '100.00', '750.00', '500.00', '1000.00', '500.00', '1000.00', '1200.00'];
        const letters = 'KBHADLFJCGEI';
        for (let i = 0; i < amounts.length; i++) {
          at(['2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'][i % 3]);
          await submit(app, key, { creditorReference: `ORD-${letters[i]}`, claims: [claim('F-1', amounts[i])] });
        }
        at('2026-03-02T10:00:00Z');
      });

      const COLUMN = { CREATED_AT: 'createdAt', BALANCE: 'balanceAmount', REFERENCE: 'creditorReference' } as const;

      it.each<[CaseOrderField & keyof typeof COLUMN, OrderDirection]>([
        ['CREATED_AT', 'ASC'], ['CREATED_AT', 'DESC'], ['BALANCE', 'ASC'], ['BALANCE', 'DESC'], ['REFERENCE', 'ASC'], ['REFERENCE', 'DESC'],
      ])('orders by %s %s, ties broken by id, the same across pages of 5', async (field, direction) => {
        const query = `query($after: String, $orderBy: CaseOrder) { cases(first: 5, after: $after, orderBy: $orderBy) {
          pageInfo { hasNextPage endCursor } edges { node { id creditorReference createdAt balance { total { amount } } } } } }`;
        const nodes: { id: string; creditorReference: string; createdAt: string; balance: { total: { amount: string } } }[] = [];
        let after: string | undefined;
        do {
          const res = await app.gql(query, { after, orderBy: { field, direction } }, key);
          expect(res.body.errors).toBeUndefined();
          nodes.push(...res.body.data.cases.edges.map((e: any) => e.node));
          after = res.body.data.cases.pageInfo.hasNextPage ? res.body.data.cases.pageInfo.endCursor : undefined;
        } while (after);

        const dir = direction === 'ASC' ? 'asc' : 'desc';
        const expected = await app.db.case.findMany({ where: { creditorId }, orderBy: [{ [COLUMN[field]]: dir }, { id: dir }] });
        expect(nodes.map((n) => dbId(n.id))).toEqual(expected.map((c) => c.id));

        // The same order, checked on what the API shows: the sort key never goes the wrong way,
        // and within a tie the ids run in the same direction.
        const sortKey = (n: (typeof nodes)[number]) =>
          field === 'BALANCE' ? new Decimal(n.balance.total.amount) : field === 'CREATED_AT' ? new Decimal(Date.parse(n.createdAt)) : n.creditorReference;
        const sign = direction === 'ASC' ? 1 : -1;
        for (let i = 1; i < nodes.length; i++) {
          const [a, b] = [sortKey(nodes[i - 1]), sortKey(nodes[i])];
          const cmp = a instanceof Decimal ? a.comparedTo(b as Decimal) : (a as string).localeCompare(b as string);
          expect(cmp * sign).toBeLessThanOrEqual(0);
          if (cmp === 0) expect((dbId(nodes[i - 1].id) < dbId(nodes[i].id) ? 1 : -1) * sign).toBe(1);
        }
        if (field !== 'REFERENCE') expect(new Set(nodes.map((n) => String(sortKey(n)))).size).toBeLessThan(nodes.length); // ties exist
      });
    });
  });

  describe('SQL per list', () => {
    const LIST = `query($first: Int) { cases(first: $first) { totalCount edges { node {
      id creditorReference status phase
      debtor { name countryCode kind }
      claims { invoiceNumber dueDate amount { amount } }
      balance { principal { amount } costs { amount } interest { amount } paid { amount } total { amount } }
      nextAction { kind on }
      prescription { lastDayToInterrupt prescribedFrom }
      communications { kind postedOn }
    } } } }`;

    it('runs the same small number of statements for 5 cases as for 30 (no N+1)', async () => {
      at('2026-03-02T10:00:00Z');
      const { key } = await creditorWithKey(app.db);
      const addCases = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const c = (await submit(app, key, {
            debtor: i % 2 ? business(`Bedrijf ${i}`, 'DE') : consumer(`Persoon ${i}`),
            claims: [claim('F-1', '300.00', '2026-01-10'), claim('F-2', '125.50', '2026-02-01', '2026-01-15')],
          })).case!;
          if (i % 3 === 0) await pay(key, c.id, '20.00', '2026-03-01', `BANK-${i}`);
        }
      };
      const count = async (expectedCases: number) => {
        await app.gql(LIST, { first: 50 }, key); // warm-up: the key's lastUsedAt is written at most once a minute
        const { result, statements } = await app.countSql(() => app.gql(LIST, { first: 50 }, key));
        expect(result.body.errors).toBeUndefined();
        expect(result.body.data.cases.edges).toHaveLength(expectedCases);
        expect(result.body.data.cases.edges.every((e: any) => e.node.claims.length === 2 && e.node.prescription && e.node.balance)).toBe(true);
        return statements;
      };

      await addCases(5);
      const withFive = await count(5);
      await addCases(25);
      const withThirty = await count(30);
      // key lookup, cases, claims, debtors, payments, communications, totalCount, interest rates.
      expect(withFive.length).toBeLessThanOrEqual(10);
      expect(withThirty).toHaveLength(withFive.length);
    });
  });

  describe('the statement adds up', () => {
    const STATEMENT = `query($id: ID!, $asOf: Date) { node(id: $id) { ... on Case {
      status
      balance { asOf principal { amount currency } costs { amount currency } interest { amount currency } paid { amount currency } total { amount currency } }
      statement(asOf: $asOf) {
        asOf
        principal { original { amount currency } paid { amount currency } outstanding { amount currency } }
        costs { charged { amount currency } paid { amount currency } outstanding { amount currency } }
        interest { accrued { amount currency } paid { amount currency } outstanding { amount currency } }
        totalPaid { amount currency } unallocated { amount currency } balance { amount currency }
        claims {
          claim { invoiceNumber amount { amount currency } }
          principalOutstanding { amount currency } interestOutstanding { amount currency }
          interestPeriods { from to days ratePercent base { amount currency } amount { amount currency } capitalisedAfter }
        }
        payments {
          payment { externalReference amount { amount currency } }
          toCosts { amount currency } toInterest { amount currency } toPrincipal { amount currency } unallocated { amount currency }
          perClaim { claim { invoiceNumber } toInterest { amount currency } toPrincipal { amount currency } }
        }
      } } } }`;

    const d = (m: { amount: string }) => new Decimal(m.amount);
    const total = (ms: { amount: string }[]) => ms.reduce((acc, m) => acc.plus(m.amount), new Decimal(0));
    const DAY = 86_400_000;

    /** Every Money in the response has exactly two decimals and is in EUR. */
    function moneyIn(value: unknown, found: { amount: string; currency: string }[] = []) {
      if (Array.isArray(value)) value.forEach((v) => moneyIn(v, found));
      else if (value && typeof value === 'object') {
        if ('amount' in value && 'currency' in value) found.push(value as { amount: string; currency: string });
        else Object.values(value).forEach((v) => moneyIn(v, found));
      }
      return found;
    }

    function expectInvariants(s: any) {
      const money = moneyIn(s);
      expect(money.length).toBeGreaterThan(10);
      for (const m of money) {
        expect(m.amount).toMatch(/^-?\d+\.\d{2}$/);
        expect(m.currency).toBe('EUR');
      }
      // The three parts add up to the balance, to the cent, and none is negative.
      expect(d(s.principal.outstanding).plus(d(s.costs.outstanding)).plus(d(s.interest.outstanding)).toFixed(2)).toBe(s.balance.amount);
      for (const part of [s.principal.outstanding, s.costs.outstanding, s.interest.outstanding, s.balance]) expect(d(part).isNegative()).toBe(false);
      // Each account: what arose minus what was paid is what is outstanding.
      expect(d(s.principal.original).minus(d(s.principal.paid)).toFixed(2)).toBe(s.principal.outstanding.amount);
      expect(d(s.costs.charged).minus(d(s.costs.paid)).toFixed(2)).toBe(s.costs.outstanding.amount);
      expect(d(s.interest.accrued).minus(d(s.interest.paid)).toFixed(2)).toBe(s.interest.outstanding.amount);
      // Interest: the periods of all claims add up to what accrued; each period is base × rate × days / 365.
      const periods = s.claims.flatMap((c: any) => c.interestPeriods);
      expect(total(periods.map((p: any) => p.amount)).toFixed(2)).toBe(s.interest.accrued.amount);
      for (const p of periods) {
        expect(p.days).toBe((Date.parse(p.to) - Date.parse(p.from)) / DAY);
        expect(new Decimal(p.base.amount).times(p.ratePercent).times(p.days).dividedBy(36500).toFixed(2, Decimal.ROUND_HALF_UP)).toBe(p.amount.amount);
      }
      // Claims add up to the totals.
      expect(total(s.claims.map((c: any) => c.principalOutstanding)).toFixed(2)).toBe(s.principal.outstanding.amount);
      expect(total(s.claims.map((c: any) => c.interestOutstanding)).toFixed(2)).toBe(s.interest.outstanding.amount);
      expect(total(s.claims.map((c: any) => c.claim.amount)).toFixed(2)).toBe(s.principal.original.amount);
      // Payments: each one is spent exactly, per claim as well; together they are what was paid.
      for (const p of s.payments) {
        expect(total([p.toCosts, p.toInterest, p.toPrincipal, p.unallocated]).toFixed(2)).toBe(p.payment.amount.amount);
        expect(total(p.perClaim.map((c: any) => c.toInterest)).toFixed(2)).toBe(p.toInterest.amount);
        expect(total(p.perClaim.map((c: any) => c.toPrincipal)).toFixed(2)).toBe(p.toPrincipal.amount);
      }
      expect(total(s.payments.map((p: any) => p.payment.amount)).toFixed(2)).toBe(s.totalPaid.amount);
      expect(total(s.payments.map((p: any) => p.unallocated)).toFixed(2)).toBe(s.unallocated.amount);
      expect(total(s.payments.map((p: any) => p.toCosts)).toFixed(2)).toBe(s.costs.paid.amount);
      expect(total(s.payments.map((p: any) => p.toInterest)).toFixed(2)).toBe(s.interest.paid.amount);
      expect(total(s.payments.map((p: any) => p.toPrincipal)).toFixed(2)).toBe(s.principal.paid.amount);
    }

    it('holds for several cases with several claims, a designated payment, overpayments, an arrangement and a year of compounding', async () => {
      at('2026-03-02T10:00:00Z');
      const { key } = await creditorWithKey(app.db, { vatDeductible: false });

      // S1: business, three invoices, three payments over a year (one designated).
      const s1 = (await submit(app, key, {
        debtor: business('Groothandel Vos B.V.'),
        claims: [claim('A', '1200.00', '2025-11-30'), claim('B', '345.67', '2026-01-15'), claim('C', '99.99', '2026-02-20')],
      })).case!;
      // S2: consumer, two invoices; the 14-day term passes unpaid, then a part payment, then an overpayment.
      const s2 = (await submit(app, key, {
        debtor: consumer('Fatima el Amrani'),
        claims: [claim('P-1', '400.00', '2026-01-31', '2026-01-17'), claim('P-2', '150.00', '2026-02-14', '2026-01-31')],
      })).case!;
      // S3: business, one invoice, paid too much at once.
      const s3 = (await submit(app, key, { debtor: business('Bouwbedrijf Noord B.V.'), claims: [claim('N-1', '200.00', '2026-02-15', '2026-02-01')] })).case!;
      // S4: business on a payment arrangement, interest frozen on the proposal day.
      const s4 = (await submit(app, key, { debtor: business('Kapsalon Knip'), claims: [claim('K-1', '900.00', '2026-02-09', '2026-01-10')] })).case!;

      // S1 on 2 March: 500.00 for invoice C. Costs first (the staffel on 1200 + 345.67 + 99.99 =
      // 1645.66: 15% = 246.85, + 21% VAT 51.84 = 298.69), then C: interest 21 Feb .. 1 Mar = 9 days,
      // 99.99 × 10.15% × 9/365 = 0.25, principal 99.99; then the oldest due invoice A: interest
      // 1 Dec 2025 .. 1 Mar 2026 = 91 days (10.15% throughout; the 1 Jan 2026 rate is the same, so no
      // split), 1200 × 10.15% × 91/365 = 30.37, and the remaining 70.70 to its principal.
      await pay(key, s1.id, '500.00', '2026-03-02', 'S1-1', 'C');
      // S3 on 2 March owes 200 + costs 48.40 (the €40 minimum + 21% VAT) + interest 16 Feb .. 1 Mar
      // 200 × 10.15% × 14/365 = 0.78 = 249.18; 300.00 leaves 50.82 over, and the case is paid.
      expect(s3.balance.total.amount).toBe('249.18');
      expect((await pay(key, s3.id, '300.00', '2026-03-02', 'S3-1')).case!.status).toBe('PAID');
      const proposal = (await app.gql(ProposeArrangementDocument, { input: { caseId: s4.id, instalmentCount: 3, firstDueOn: '2026-03-15' } }, key)).body.data!.arrangementPropose;
      expect((await app.gql(AcceptArrangementDocument, { input: { arrangementId: proposal.arrangement!.id } }, key)).body.data!.arrangementAccept.errors).toEqual([]);

      at('2026-03-14T10:00:00Z');
      await pay(key, s4.id, proposal.arrangement!.instalments[0].amount.amount, '2026-03-14', 'S4-1');
      at('2026-03-19T08:00:00Z');
      await advanceDueCases(app.deps, app.clock.now()); // S2's 14-day term (to 18 March) has passed: costs become due
      at('2026-04-01T10:00:00Z');
      await pay(key, s2.id, '100.00', '2026-04-01', 'S2-1');
      at('2026-06-15T10:00:00Z');
      await pay(key, s1.id, '300.00', '2026-06-15', 'S1-2');
      const s2Owes = (await app.gql(STATEMENT, { id: s2.id }, key)).body.data.node.balance.total.amount;
      const overpaid = await pay(key, s2.id, new Decimal(s2Owes).plus(50).toFixed(2), '2026-06-15', 'S2-2');
      expect(overpaid.case!.status).toBe('PAID');
      // Past the first anniversary of A (1 Dec 2026) and B (16 Jan 2027): their year's interest joined the base.
      at('2027-03-10T10:00:00Z');
      await pay(key, s1.id, '250.00', '2027-03-10', 'S1-3');

      const statementOf = async (id: string, asOf?: string) => {
        const res = await app.gql(STATEMENT, { id, asOf }, key);
        expect(res.body.errors).toBeUndefined();
        return res.body.data.node;
      };

      for (const c of [s1, s2, s3, s4]) {
        for (const asOf of ['2026-03-02', '2026-06-15', '2026-12-01', '2027-01-16', undefined]) {
          const node = await statementOf(c.id, asOf);
          expectInvariants(node.statement);
        }
        // Today's balance on the case is the statement of today, part by part.
        const today = await statementOf(c.id);
        expect(today.statement.asOf).toBe('2027-03-10');
        expect(today.balance).toEqual({
          asOf: '2027-03-10',
          principal: today.statement.principal.outstanding,
          costs: today.statement.costs.outstanding,
          interest: today.statement.interest.outstanding,
          paid: today.statement.totalPaid,
          total: today.statement.balance,
        });
      }

      const one = (await statementOf(s1.id)).statement;
      expect(one.payments[0]).toMatchObject({
        payment: { externalReference: 'S1-1', amount: { amount: '500.00' } },
        toCosts: { amount: '298.69' }, toInterest: { amount: '30.62' }, toPrincipal: { amount: '170.69' }, unallocated: { amount: '0.00' },
        perClaim: [
          { claim: { invoiceNumber: 'C' }, toInterest: { amount: '0.25' }, toPrincipal: { amount: '99.99' } },
          { claim: { invoiceNumber: 'A' }, toInterest: { amount: '30.37' }, toPrincipal: { amount: '70.70' } },
        ],
      });
      const periodsOf = (s: any, invoice: string) => s.claims.find((c: any) => c.claim.invoiceNumber === invoice).interestPeriods;
      expect(periodsOf(one, 'A').filter((p: any) => p.capitalisedAfter).map((p: any) => p.to)).toEqual(['2026-12-01']);
      expect(periodsOf(one, 'B').filter((p: any) => p.capitalisedAfter).map((p: any) => p.to)).toEqual(['2027-01-16']);
      // After the anniversary A's base is its principal plus the year's unpaid interest.
      const aPeriods = periodsOf(one, 'A');
      const anniversary = aPeriods.findIndex((p: any) => p.capitalisedAfter);
      expect(d(aPeriods[anniversary + 1].base).greaterThan(d(aPeriods[anniversary].base))).toBe(true);

      const three = (await statementOf(s3.id)).statement;
      expect(three.payments[0]).toMatchObject({
        toCosts: { amount: '48.40' }, toInterest: { amount: '0.78' }, toPrincipal: { amount: '200.00' }, unallocated: { amount: '50.82' },
      });
      expect(three.balance.amount).toBe('0.00');
      const two = (await statementOf(s2.id)).statement;
      expect(two.unallocated.amount).toBe('50.00');
      expect(two.balance.amount).toBe('0.00');
    });
  });
});
