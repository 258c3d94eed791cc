import { randomUUID } from 'node:crypto';
import { AssignCasePartnerDocument, ProposeArrangementDocument, RecordPaymentDocument } from '../../src/generated/operations';
import { startTestApp, type TestApp } from '../support/harness';
import { createKey, createPartner, creditorWithKey } from '../support/factories';
import { dbId, submit } from '../support/cases';

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/**
 * Tenant walls: another creditor's case answers exactly like a case that does not exist, by every
 * path; a partner sees only what is assigned to it, and only the fields it needs.
 */
describe('tenant walls', () => {
  let app: TestApp;
  let a: { key: string; creditorId: string };
  let b: { key: string };
  let partnerKey: string;
  let assigned: string;
  let unassigned: string;
  let foreignIds: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    const ca = await creditorWithKey(app.db);
    const adminA = await createKey(app.db, { kind: 'CREDITOR', creditorId: ca.creditor.id }, 'read,write,admin');
    a = { key: adminA.key, creditorId: ca.creditor.id };
    const cb = await creditorWithKey(app.db);
    b = { key: (await createKey(app.db, { kind: 'CREDITOR', creditorId: cb.creditor.id }, 'read,write,admin')).key };
    const staff = (await createKey(app.db, { kind: 'STAFF' }, 'read,write,admin')).key;
    const partner = await createPartner(app.db, { countries: 'DE' });
    partnerKey = (await createKey(app.db, { kind: 'PARTNER', partnerId: partner.id }, 'read,write')).key;

    const c1 = (await submit(app, a.key, { creditorReference: 'A-SECRET-1' })).case!;
    const c2 = (await submit(app, a.key, { creditorReference: 'A-SECRET-2' })).case!;
    assigned = c1.id;
    unassigned = c2.id;
    await app.gql(RecordPaymentDocument, { input: { caseId: c1.id, amount: '10.00', receivedOn: '2026-03-01', externalReference: 'PAY-1' } }, a.key);
    const plan = (await app.gql(ProposeArrangementDocument, { input: { caseId: c1.id, instalmentCount: 2, firstDueOn: '2026-04-01' } }, a.key)).body.data!.arrangementPropose;
    const assignedOk = (await app.gql(AssignCasePartnerDocument, { input: { caseId: c1.id, partnerId: gid('Partner', partner.id) } }, staff)).body.data!.caseAssignPartner;
    expect(assignedOk.errors).toEqual([]);

    const id1 = dbId(c1.id);
    const row = await app.db.case.findUniqueOrThrow({
      where: { id: id1 },
      include: { claims: true, payments: true, communications: true, events: true },
    });
    foreignIds = {
      Case: c1.id,
      Debtor: gid('Debtor', row.debtorId),
      Claim: gid('Claim', row.claims[0].id),
      Payment: gid('Payment', row.payments[0].id),
      Communication: gid('Communication', row.communications[0].id),
      PaymentArrangement: plan.arrangement!.id,
      CaseEvent: gid('CaseEvent', row.events[0].id.toString()),
      Creditor: gid('Creditor', a.creditorId),
      ApiKey: gid('ApiKey', adminA.id),
    };
  });
  afterAll(() => app.stop());

  const ask = async (query: string, variables: Record<string, unknown>, key: string) => (await app.gql(query, variables, key)).body;

  it.each(['Case', 'Debtor', 'Claim', 'Payment', 'Communication', 'PaymentArrangement', 'CaseEvent', 'Creditor', 'ApiKey'])(
    'node(id) of another creditor’s %s answers exactly like a missing one',
    async (type) => {
      const query = 'query($id: ID!) { node(id: $id) { id __typename } }';
      expect(await ask(query, { id: foreignIds[type] }, a.key)).toEqual({ data: { node: { id: foreignIds[type], __typename: type } } });
      const missing = type === 'CaseEvent' ? gid(type, '999999999') : gid(type, randomUUID());
      expect(await ask(query, { id: foreignIds[type] }, b.key)).toEqual(await ask(query, { id: missing }, b.key));
      expect(await ask(query, { id: foreignIds[type] }, b.key)).toEqual({ data: { node: null } });
    },
  );

  it('case lookups, lists and counts show nothing of another creditor', async () => {
    expect(await ask('query($id: ID!) { case(by: { id: $id }) { id } }', { id: assigned }, b.key)).toEqual({ data: { case: null } });
    expect(await ask('{ case(by: { creditorReference: "A-SECRET-1" }) { id } }', {}, b.key)).toEqual({ data: { case: null } });
    expect(await ask('{ cases(first: 50) { totalCount edges { node { id } } } }', {}, b.key)).toEqual({ data: { cases: { totalCount: 0, edges: [] } } });
    expect(await ask('{ cases(filter: { referenceContains: "SECRET" }) { totalCount } }', {}, b.key)).toEqual({ data: { cases: { totalCount: 0 } } });
  });

  it.each([
    ['caseWithdraw', 'mutation($id: ID!) { caseWithdraw(input: { caseId: $id, reason: "x" }) { errors { code field message } case { id } } }'],
    ['caseDispute', 'mutation($id: ID!) { caseDispute(input: { caseId: $id, reason: "x" }) { errors { code field message } case { id } } }'],
    ['caseResolveDispute', 'mutation($id: ID!) { caseResolveDispute(input: { caseId: $id, reason: "x" }) { errors { code field message } case { id } } }'],
    ['paymentRecord', 'mutation($id: ID!) { paymentRecord(input: { caseId: $id, amount: "5.00", receivedOn: "2026-03-01", externalReference: "X" }) { errors { code field message } case { id } } }'],
    ['arrangementPropose', 'mutation($id: ID!) { arrangementPropose(input: { caseId: $id, instalmentCount: 2, firstDueOn: "2026-04-01" }) { errors { code field message } case { id } } }'],
  ])('%s on another creditor’s case answers exactly like a missing case and changes nothing', async (_name, mutation) => {
    const before = await app.db.caseEvent.count();
    const foreign = await ask(mutation, { id: assigned }, b.key);
    expect(foreign).toEqual(await ask(mutation, { id: gid('Case', randomUUID()) }, b.key));
    expect((foreign.data as any)[_name].errors[0].code).toBe('CASE_NOT_FOUND');
    expect(await app.db.caseEvent.count()).toBe(before);
  });

  it('arrangements and keys of another creditor answer like missing ones', async () => {
    const accept = 'mutation($id: ID!) { arrangementAccept(input: { arrangementId: $id }) { errors { code field message } } }';
    expect(await ask(accept, { id: foreignIds.PaymentArrangement }, b.key)).toEqual(await ask(accept, { id: gid('PaymentArrangement', randomUUID()) }, b.key));
    const revoke = 'mutation($id: ID!) { apiKeyRevoke(input: { apiKeyId: $id }) { errors { code field message } } }';
    expect(await ask(revoke, { id: foreignIds.ApiKey }, b.key)).toEqual(await ask(revoke, { id: gid('ApiKey', randomUUID()) }, b.key));
    expect((await app.db.apiKey.findFirstOrThrow({ where: { creditorId: a.creditorId, scopes: { contains: 'admin' } } })).revokedAt).toBeNull();
  });

  it('webhook endpoints and deliveries of another creditor answer like missing ones', async () => {
    const created = (await ask('mutation { webhookEndpointCreate(input: { url: "https://hooks.a.example/x" }) { endpoint { id } } }', {}, a.key)).data as any;
    const endpointId = created.webhookEndpointCreate.endpoint.id;
    await submit(app, a.key, { creditorReference: 'A-SECRET-3' }); // its events become deliveries to A's endpoint
    const delivery = await app.db.webhookDelivery.findFirstOrThrow();
    const deliveryId = gid('WebhookDelivery', delivery.id);
    expect(await ask('{ webhookEndpoints { id } webhookDeliveries { totalCount: edges { cursor } } }', {}, b.key)).toEqual({ data: { webhookEndpoints: [], webhookDeliveries: { totalCount: [] } } });
    const node = 'query($id: ID!) { node(id: $id) { id } }';
    expect(await ask(node, { id: endpointId }, b.key)).toEqual({ data: { node: null } });
    expect(await ask(node, { id: deliveryId }, b.key)).toEqual({ data: { node: null } });
    const disable = 'mutation($id: ID!) { webhookEndpointDisable(input: { endpointId: $id }) { errors { code field message } } }';
    expect(await ask(disable, { id: endpointId }, b.key)).toEqual(await ask(disable, { id: gid('WebhookEndpoint', randomUUID()) }, b.key));
    const redeliver = 'mutation($id: ID!) { webhookRedeliver(input: { deliveryId: $id }) { errors { code field message } } }';
    expect(await ask(redeliver, { id: deliveryId }, b.key)).toEqual(await ask(redeliver, { id: gid('WebhookDelivery', randomUUID()) }, b.key));
    expect((await app.db.webhookEndpoint.findFirstOrThrow()).active).toBe(true);
  });

  it('a partner sees only the cases assigned to it', async () => {
    const query = 'query($id: ID!) { node(id: $id) { id } }';
    expect(await ask(query, { id: assigned }, partnerKey)).toEqual({ data: { node: { id: assigned } } });
    expect(await ask(query, { id: unassigned }, partnerKey)).toEqual({ data: { node: null } });
    expect(await ask('{ cases { totalCount edges { node { id } } } }', {}, partnerKey)).toEqual({ data: { cases: { totalCount: 1, edges: [{ node: { id: assigned } }] } } });
    expect(await ask(query, { id: foreignIds.Creditor }, partnerKey)).toEqual({ data: { node: null } });
  });

  it('a partner gets the fields it needs to work the case, not the creditor’s internals', async () => {
    const work = await ask('query($id: ID!) { node(id: $id) { ... on Case { status debtor { name countryCode } claims { invoiceNumber } balance { total { amount } } } } }', { id: assigned }, partnerKey);
    expect(work.errors).toBeUndefined();
    for (const field of ['timeline { edges { cursor } }', 'communications { kind }', 'arrangements { status }']) {
      const res = await ask(`query($id: ID!) { node(id: $id) { ... on Case { ${field} } } }`, { id: assigned }, partnerKey);
      expect(res.errors?.[0]).toMatchObject({ message: 'Not authorized for this field.', extensions: { code: 'FORBIDDEN' } });
    }
    // The same internals by global id answer like missing objects.
    for (const type of ['CaseEvent', 'Communication', 'PaymentArrangement']) {
      expect(await ask('query($id: ID!) { node(id: $id) { id } }', { id: foreignIds[type] }, partnerKey)).toEqual({ data: { node: null } });
    }
    for (const type of ['Debtor', 'Claim', 'Payment']) {
      expect(await ask('query($id: ID!) { node(id: $id) { id } }', { id: foreignIds[type] }, partnerKey)).toEqual({ data: { node: { id: foreignIds[type] } } });
    }
    const withdraw = await ask('mutation($id: ID!) { caseWithdraw(input: { caseId: $id, reason: "x" }) { errors { code } } }', { id: assigned }, partnerKey);
    expect(withdraw.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
