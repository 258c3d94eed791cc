import { RecordPaymentDocument } from '../../src/generated/operations';
import { advanceDueCases } from '../../src/services/workflow';
import { startTestApp, type TestApp } from '../support/harness';
import { creditorWithKey } from '../support/factories';
import { dbId, submit } from '../support/cases';

/** Writers of one case queue on its row lock: none fails, none is lost, the figures add up. */
describe('concurrent changes to one case', () => {
  let app: TestApp;
  afterEach(() => app.stop());

  it('records six different payments made at once, all of them', async () => {
    app = await startTestApp({ now: '2026-03-02T10:00:00Z' });
    const { key } = await creditorWithKey(app.db);
    const c = (await submit(app, key)).case!;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        app.gql(RecordPaymentDocument, { input: { caseId: c.id, amount: '10.00', receivedOn: '2026-03-01', externalReference: `BANK-${i}` } }, key),
      ),
    );
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data!.paymentRecord.errors).toEqual([]);
    }
    const row = await app.db.case.findUniqueOrThrow({ where: { id: dbId(c.id) }, include: { payments: true } });
    expect(row.payments).toHaveLength(6);
    expect(row.paidAmount.toString()).toBe('60');
    expect(await app.db.caseEvent.count({ where: { caseId: row.id, type: 'PAYMENT_RECORDED' } })).toBe(6);
  });

  it('lets the workflow and a payment race without losing either', async () => {
    app = await startTestApp({ now: '2026-03-19T09:00:00Z' });
    const { key } = await creditorWithKey(app.db);
    app.clock.set('2026-03-02T10:00:00Z');
    const c = (await submit(app, key)).case!;
    app.clock.set('2026-03-19T09:00:00Z');
    const [advanced, paid] = await Promise.all([
      advanceDueCases(app.deps, app.clock.now()),
      app.gql(RecordPaymentDocument, { input: { caseId: c.id, amount: '50.00', receivedOn: '2026-03-19', externalReference: 'RACE' } }, key),
    ]);
    expect(advanced).toMatchObject({ WIK_TERM_EXPIRED: 1, FAILED: 0 });
    expect(paid.body.data!.paymentRecord.errors).toEqual([]);
    const types = (await app.db.caseEvent.findMany({ where: { caseId: dbId(c.id) }, orderBy: { id: 'asc' } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['WIK_TERM_EXPIRED', 'PAYMENT_RECORDED', 'REMINDER_SENT']));
  });
});
