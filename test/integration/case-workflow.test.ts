import { advanceDueCases } from '../../src/services/workflow';
import {
  AcceptArrangementDocument, CaseStatementDocument, CaseTimelineDocument, DisputeCaseDocument, ProposeArrangementDocument,
  RecordPaymentDocument, ResolveDisputeDocument, WithdrawCaseDocument,
} from '../../src/generated/operations';
import { startTestApp, type TestApp } from '../support/harness';
import { creditorWithKey } from '../support/factories';
import { dbId, submit } from '../support/cases';

/**
 * The amicable workflow end to end through the API, with the clock moved by hand. Today is
 * Monday 2 March 2026; the consumer rate is 4% [check] and the commercial rate 10.15% since 1-1-2026.
 */
describe('the amicable workflow', () => {
  let app: TestApp;
  let key: string;
  beforeEach(async () => {
    app = await startTestApp({ now: '2026-03-02T10:00:00Z' });
    ({ key } = await creditorWithKey(app.db));
  });
  afterEach(() => app.stop());

  const advance = () => advanceDueCases(app.deps, app.clock.now());
  const pay = async (caseId: string, amount: string, receivedOn: string, externalReference = `BANK-${amount}-${receivedOn}`) =>
    (await app.gql(RecordPaymentDocument, { input: { caseId, amount, receivedOn, externalReference } }, key)).body.data!.paymentRecord;
  const statement = async (id: string, asOf?: string) => {
    const res = await app.gql(CaseStatementDocument, { id, asOf }, key);
    const node = res.body.data!.node;
    if (!node || !('statement' in node)) throw new Error('no statement');
    return node.statement;
  };

  it('sends a consumer the 14-day letter with the exact term end and the costs it announces', async () => {
    const result = await submit(app, key);
    expect(result.errors).toEqual([]);
    const c = result.case!;
    expect(c.status).toBe('WIK_NOTICE');
    expect(c.phase).toBe('AMICABLE');
    // Posted Monday 2 March; Tuesday and Wednesday are delivery days -> delivered Wed 4 March;
    // 14 days from Thursday 5 March end on Wednesday 18 March, a working day.
    expect(c.communications).toEqual([
      { kind: 'WIK_NOTICE', channel: 'LETTER', postedOn: '2026-03-02', termEndsOn: '2026-03-18', costsAnnounced: { amount: '150.00', currency: 'EUR' } },
    ]);
    expect(c.nextAction).toEqual({ kind: 'WIK_TERM_ENDS', on: '2026-03-19' });
    // No costs during the term; interest from 20 January: 1000 × 4% × 41/365 = 4.49.
    expect(c.balance).toMatchObject({ costs: { amount: '0.00' }, interest: { amount: '4.49' }, total: { amount: '1004.49' } });
  });

  it('charges costs when the term expires unpaid, starts reminders, and lets interest run', async () => {
    const c = (await submit(app, key)).case!;
    app.clock.set('2026-03-18T18:00:00Z'); // 19:00 in Amsterdam on 18 March: still the last day of the term
    expect((await advance()).WIK_TERM_EXPIRED).toBe(0);
    app.clock.set('2026-03-19T08:00:00Z');
    expect(await advance()).toMatchObject({ WIK_TERM_EXPIRED: 1, FAILED: 0 });

    const s = await statement(c.id, '2026-03-19');
    expect(s.costs.charged.amount).toBe('150.00');
    // 20 Jan .. 18 Mar inclusive = 58 days: 1000 × 4% × 58/365 = 6.36.
    expect(s.interest.accrued.amount).toBe('6.36');
    expect(s.balance.amount).toBe('1156.36');
    const timeline = (await app.gql(CaseTimelineDocument, { id: c.id }, key)).body.data!.node as any;
    expect(timeline.timeline.edges.map((e: any) => e.node.type)).toEqual(['CASE_SUBMITTED', 'WIK_NOTICE_SENT', 'WIK_TERM_EXPIRED', 'REMINDER_SENT']);
    expect(timeline.timeline.edges.map((e: any) => e.node.actorKind)).toEqual(['CREDITOR', 'CREDITOR', 'SYSTEM', 'SYSTEM']);
  });

  it('computes the costs on what remains after a part payment within the term', async () => {
    const c = (await submit(app, key)).case!;
    app.clock.set('2026-03-10T10:00:00Z');
    const paid = await pay(c.id, '400.00', '2026-03-10');
    expect(paid.errors).toEqual([]);
    app.clock.set('2026-03-19T08:00:00Z');
    await advance();
    const s = await statement(c.id, '2026-03-19');
    // 400 went to interest first (1000 × 4% × 49/365 = 5.37), then 394.63 to principal; 605.37
    // remains, so the costs are 15% of 605.37 = 90.81.
    expect(s.payments[0]).toMatchObject({ toCosts: { amount: '0.00' }, toInterest: { amount: '5.37' }, toPrincipal: { amount: '394.63' } });
    expect(s.costs.charged.amount).toBe('90.81');
  });

  it('drops the costs when a payment made within the term is reported after it expired', async () => {
    const c = (await submit(app, key)).case!;
    app.clock.set('2026-03-19T08:00:00Z');
    await advance(); // costs 150.00 charged: nothing was known to be paid
    app.clock.set('2026-03-20T08:00:00Z');
    // Paid in full on 10 March (principal + interest to then: 1000 × 4% × 49/365 = 5.37), reported now.
    const paid = await pay(c.id, '1005.37', '2026-03-10');
    expect(paid.errors).toEqual([]);
    expect(paid.case).toMatchObject({ status: 'PAID', balance: { costs: { amount: '0.00' }, total: { amount: '0.00' } } });
    const s = await statement(c.id, '2026-03-20');
    expect(s.costs.charged.amount).toBe('0.00');
    expect(s.unallocated.amount).toBe('0.00');
    const timeline = (await app.gql(CaseTimelineDocument, { id: c.id }, key)).body.data!.node as any;
    const adjusted = timeline.timeline.edges.map((e: any) => e.node).find((n: any) => n.type === 'COSTS_ADJUSTED');
    expect(JSON.parse(adjusted.data)).toMatchObject({ costs: '0.00', previousCosts: '150.00', costsRefused: 'PAID_WITHIN_TERM' });
  });

  it('lowers the costs when a part payment within the term is reported late', async () => {
    const c = (await submit(app, key)).case!;
    app.clock.set('2026-03-19T08:00:00Z');
    await advance();
    app.clock.set('2026-03-20T08:00:00Z');
    await pay(c.id, '400.00', '2026-03-10');
    // As if known in time: 605.37 principal remained, so costs are 15% of it = 90.81.
    expect((await statement(c.id, '2026-03-20')).costs.charged.amount).toBe('90.81');
  });

  it('takes a business debtor straight to reminders with the €40 minimum, VAT added when not deductible', async () => {
    const other = await creditorWithKey(app.db, { vatDeductible: false });
    const result = await submit(app, other.key, {
      debtor: { kind: 'BUSINESS', name: 'Bouwbedrijf Noord B.V.', countryCode: 'NL' },
      claims: [{ invoiceNumber: 'B-1', invoiceDate: '2026-02-01', dueDate: '2026-02-15', amount: '200.00' }],
    });
    const c = result.case!;
    expect(c.status).toBe('REMINDERS');
    expect(c.communications.map((m) => m.kind)).toEqual(['REMINDER']);
    expect(c.nextAction).toEqual({ kind: 'SEND_REMINDER', on: '2026-03-16' });
    // 15% of 200 = 30 -> the 40.00 minimum, + 21% VAT = 48.40; commercial interest 10.15% from
    // 16 Feb: 200 × 10.15% × 14/365 = 0.78.
    expect(c.balance).toMatchObject({ costs: { amount: '48.40' }, interest: { amount: '0.78' }, total: { amount: '249.18' } });
  });

  it('allocates payments to costs, then interest, then principal, and closes the case when paid in full', async () => {
    const c = (await submit(app, key)).case!;
    app.clock.set('2026-03-19T08:00:00Z');
    await advance();
    app.clock.set('2026-03-20T08:00:00Z');
    const first = await pay(c.id, '200.00', '2026-03-20');
    // Interest 20 Jan .. 19 Mar = 59 days: 6.47.
    const s = await statement(c.id, '2026-03-20');
    expect(s.payments[0]).toMatchObject({ toCosts: { amount: '150.00' }, toInterest: { amount: '6.47' }, toPrincipal: { amount: '43.53' } });
    expect(first.case!.balance.total.amount).toBe('956.47');

    const last = await pay(c.id, '956.47', '2026-03-20');
    expect(last.errors).toEqual([]);
    expect(last.case).toMatchObject({ status: 'PAID', phase: 'CLOSED', nextAction: null, balance: { total: { amount: '0.00' } } });
    // The same bank transaction reported again is one payment.
    const again = await pay(c.id, '956.47', '2026-03-20');
    expect(again.replayed).toBe(true);
    expect(await app.db.payment.count({ where: { caseId: dbId(c.id) } })).toBe(2);
  });

  it('breaches an arrangement when an instalment is unpaid past its grace period, and collection resumes', async () => {
    const c = (await submit(app, key, {
      debtor: { kind: 'BUSINESS', name: 'Kapsalon Knip', countryCode: 'NL' },
      claims: [{ invoiceNumber: 'K-1', invoiceDate: '2026-01-10', dueDate: '2026-02-09', amount: '900.00' }],
    })).case!;
    const proposed = (await app.gql(ProposeArrangementDocument, { input: { caseId: c.id, instalmentCount: 3, firstDueOn: '2026-03-15' } }, key)).body.data!.arrangementPropose;
    expect(proposed.errors).toEqual([]);
    const plan = proposed.arrangement!;
    // Balance on 2 March: 900 + costs 135.00 + interest 900 × 10.15% × 20/365 (10 Feb .. 1 Mar) = 5.01 -> 1040.01.
    expect(plan.total.amount).toBe('1040.01');
    expect(plan.instalments.map((i) => [i.dueOn, i.amount.amount])).toEqual([
      ['2026-03-15', '346.67'], ['2026-04-15', '346.67'], ['2026-05-15', '346.67'],
    ]);
    const accepted = (await app.gql(AcceptArrangementDocument, { input: { arrangementId: plan.id } }, key)).body.data!.arrangementAccept;
    expect(accepted.case).toMatchObject({ status: 'ARRANGEMENT', nextAction: { kind: 'CHECK_INSTALMENT', on: '2026-03-23' } });

    app.clock.set('2026-03-14T10:00:00Z');
    await pay(c.id, '346.67', '2026-03-14');
    app.clock.set('2026-03-23T08:00:00Z'); // instalment 1 is checked after its grace period: paid
    expect((await advance()).NOTHING_DUE).toBe(1);
    const kept = await app.db.case.findUniqueOrThrow({ where: { id: dbId(c.id) } });
    expect(kept.status).toBe('ARRANGEMENT');
    expect(kept.nextActionOn?.toISOString().slice(0, 10)).toBe('2026-04-23'); // 15 April + 7 grace days + 1
    app.clock.set('2026-04-23T08:00:00Z'); // instalment 2 (15 April) was never paid
    await advance();
    const breached = await app.db.case.findUniqueOrThrow({ where: { id: kept.id }, include: { arrangements: true } });
    expect(breached.status).toBe('REMINDERS');
    expect(breached.arrangements[0].status).toBe('BREACHED');
    expect(breached.interestFrozenOn).toBeNull();
  });

  it('charges the announced costs when a plan agreed during the 14-day term is breached', async () => {
    const c = (await submit(app, key)).case!; // consumer, letter posted 2 March, term to 18 March
    const plan = (await app.gql(ProposeArrangementDocument, { input: { caseId: c.id, instalmentCount: 2, firstDueOn: '2026-03-10' } }, key)).body.data!.arrangementPropose;
    await app.gql(AcceptArrangementDocument, { input: { arrangementId: plan.arrangement!.id } }, key);
    app.clock.set('2026-03-18T08:00:00Z'); // instalment 1 (10 March) unpaid past 7 grace days
    expect((await advance()).ARRANGEMENT_BREACHED).toBe(1);
    // The term had not run out unpaid before the breach: the costs become due from 19 March.
    const s = await statement(c.id, '2026-03-19');
    expect(s.costs.charged.amount).toBe('150.00');
    expect((await statement(c.id, '2026-03-18')).costs.charged.amount).toBe('0.00');
  });

  it('closes a plan agreed during the 14-day term and kept to the end as paid, without costs', async () => {
    const c = (await submit(app, key)).case!; // balance on 2 March: 1000 + 4.49 interest
    const plan = (await app.gql(ProposeArrangementDocument, { input: { caseId: c.id, instalmentCount: 2, firstDueOn: '2026-03-10' } }, key)).body.data!.arrangementPropose;
    expect(plan.arrangement!.instalments.map((i) => i.amount.amount)).toEqual(['502.24', '502.25']);
    await app.gql(AcceptArrangementDocument, { input: { arrangementId: plan.arrangement!.id } }, key);
    app.clock.set('2026-03-10T10:00:00Z');
    await pay(c.id, '502.24', '2026-03-10'); // within the term
    app.clock.set('2026-04-10T10:00:00Z');
    const last = await pay(c.id, '502.25', '2026-04-10');
    expect(last.case).toMatchObject({ status: 'PAID', balance: { costs: { amount: '0.00' }, total: { amount: '0.00' } } });
  });

  it('pauses every action while disputed and resumes where it was', async () => {
    const c = (await submit(app, key)).case!;
    const disputed = (await app.gql(DisputeCaseDocument, { input: { caseId: c.id, reason: 'Debtor says the goods were never delivered' } }, key)).body.data!.caseDispute;
    expect(disputed.case).toMatchObject({ status: 'DISPUTED', nextAction: { kind: 'RESOLVE_DISPUTE', on: null } });
    app.clock.set('2026-04-30T08:00:00Z');
    expect(await advance()).toMatchObject({ WIK_TERM_EXPIRED: 0, REMINDER_SENT: 0 });
    const resolved = (await app.gql(ResolveDisputeDocument, { input: { caseId: c.id, reason: 'Delivery proven' } }, key)).body.data!.caseResolveDispute;
    expect(resolved.case?.status).toBe('WIK_NOTICE');
    expect((await advance()).WIK_TERM_EXPIRED).toBe(1);
  });

  it('refuses an illegal transition as a typed error and changes nothing', async () => {
    const c = (await submit(app, key)).case!;
    const actions = async () => ((await app.gql('query($id: ID!) { node(id: $id) { ... on Case { availableActions } } }', { id: c.id }, key)).body.data as any).node.availableActions;
    expect(await actions()).toEqual(['WITHDRAW', 'DISPUTE', 'AGREE_ARRANGEMENT']);
    const res = (await app.gql(ResolveDisputeDocument, { input: { caseId: c.id, reason: 'nothing to resolve' } }, key)).body.data!.caseResolveDispute;
    expect(res.case).toBeNull();
    expect(res.errors).toEqual([{ code: 'ILLEGAL_TRANSITION', field: null, message: expect.stringMatching(/RESOLVE_DISPUTE is not allowed when the case is WIK_NOTICE/) }]);
    const withdrawn = (await app.gql(WithdrawCaseDocument, { input: { caseId: c.id, reason: 'settled with the customer' } }, key)).body.data!.caseWithdraw;
    expect(withdrawn.case?.status).toBe('WITHDRAWN');
    const twice = (await app.gql(WithdrawCaseDocument, { input: { caseId: c.id, reason: 'again' } }, key)).body.data!.caseWithdraw;
    expect(twice.errors[0].code).toBe('ILLEGAL_TRANSITION');
    expect(await actions()).toEqual([]);
    expect(await app.db.caseEvent.count({ where: { type: 'CASE_WITHDRAWN' } })).toBe(1);
  });
});

describe('a case handed over on a weekend', () => {
  let app: TestApp;
  afterEach(() => app.stop());

  it('posts the 14-day letter on the next working day and counts the term from then', async () => {
    app = await startTestApp({ now: '2026-03-07T10:00:00Z' }); // Saturday 7 March
    const { key } = await creditorWithKey(app.db);
    const c = (await submit(app, key)).case!;
    // Posted Monday 9 March; Tuesday and Wednesday are delivery days -> delivered Wed 11 March;
    // 14 days from Thursday 12 March end on Wednesday 25 March.
    expect(c.communications[0]).toMatchObject({ kind: 'WIK_NOTICE', postedOn: '2026-03-09', termEndsOn: '2026-03-25' });
  });
});
