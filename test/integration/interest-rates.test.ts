import { CaseStatementDocument } from '../../src/generated/operations';
import { startTestApp, type TestApp } from '../support/harness';
import { createKey, creditorWithKey } from '../support/factories';
import { submit } from '../support/cases';

const ADD = 'mutation($input: InterestRateAddInput!) { interestRateAdd(input: $input) { errors { code field message } rate { kind effectiveFrom ratePercent } } }';

describe('statutory interest rates are data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ now: '2026-03-02T10:00:00Z' });
  });
  afterAll(() => app.stop());

  it('are seeded from the published rates, and a rate staff add applies to running interest from its day', async () => {
    const staff = (await createKey(app.db, { kind: 'STAFF' }, 'read,write')).key;
    const { key } = await creditorWithKey(app.db);
    const rates = (await app.gql('{ interestRates { kind effectiveFrom ratePercent } }', {}, key)).body.data.interestRates;
    expect(rates).toContainEqual({ kind: 'COMMERCIAL', effectiveFrom: '2013-03-16', ratePercent: '8.75' });
    expect(rates).toContainEqual({ kind: 'CONSUMER', effectiveFrom: '2026-01-01', ratePercent: '4.00' });

    const c = (await submit(app, key)).case!;
    const interestOn = async (asOf: string) => {
      const node = (await app.gql(CaseStatementDocument, { id: c.id, asOf }, key)).body.data!.node as any;
      return node.statement.interest.accrued.amount;
    };
    // 1000 from 20 Jan to 31 Jul 2026 (exclusive): 192 days at 4% = 21.04.
    expect(await interestOn('2026-07-31')).toBe('21.04');
    const added = (await app.gql(ADD, { input: { kind: 'CONSUMER', effectiveFrom: '2026-07-01', ratePercent: '5.00' } }, staff)).body.data.interestRateAdd;
    expect(added).toEqual({ errors: [], rate: { kind: 'CONSUMER', effectiveFrom: '2026-07-01', ratePercent: '5.00' } });
    // 162 days at 4% (20 Jan .. 30 Jun) = 17.75, then 30 days at 5% = 4.11: 21.86.
    expect(await interestOn('2026-07-31')).toBe('21.86');
  });

  it('are never overwritten, and only staff add them', async () => {
    const staff = (await createKey(app.db, { kind: 'STAFF' }, 'read,write')).key;
    const again = (await app.gql(ADD, { input: { kind: 'COMMERCIAL', effectiveFrom: '2026-01-01', ratePercent: '9.00' } }, staff)).body.data.interestRateAdd;
    expect(again.errors[0]).toMatchObject({ code: 'ALREADY_EXISTS', field: ['input', 'effectiveFrom'] });
    const { key } = await creditorWithKey(app.db);
    const denied = await app.gql(ADD, { input: { kind: 'CONSUMER', effectiveFrom: '2027-01-01', ratePercent: '3.00' } }, key);
    expect(denied.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
