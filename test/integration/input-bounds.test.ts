import { startTestApp, type TestApp } from '../support/harness';
import { creditorWithKey } from '../support/factories';
import { caseInput, submit } from '../support/cases';
import { SubmitCaseDocument } from '../../src/generated/operations';

/** Requests that would make the server compute for ages, or outside its tables, are refused up front. */
describe('date and size bounds', () => {
  let app: TestApp;
  let key: string;
  beforeAll(async () => {
    app = await startTestApp({ now: '2026-03-02T10:00:00Z' });
    ({ key } = await creditorWithKey(app.db));
  });
  afterAll(() => app.stop());

  const ESTIMATE = 'query($input: CostEstimateInput!) { costEstimate(input: $input) { total { amount } } }';

  it('refuses a cost estimate for too many claims or dates far away, naming the field', async () => {
    const many = Array.from({ length: 101 }, () => ({ amount: '10.00', dueDate: '2026-01-01' }));
    const tooMany = await app.gql(ESTIMATE, { input: { debtorKind: 'CONSUMER', claims: many } }, key);
    expect(tooMany.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/input.claims: give 1 to 100 claims/) });
    const future = await app.gql(ESTIMATE, { input: { debtorKind: 'CONSUMER', claims: [{ amount: '10.00', dueDate: '2026-01-01' }], interestUntil: '2999-01-01' } }, key);
    expect(future.body.errors?.[0].message).toMatch(/interestUntil 2999-01-01 is more than 10 years ahead/);
    const oldLetter = await app.gql(ESTIMATE, { input: { debtorKind: 'CONSUMER', claims: [{ amount: '10.00', dueDate: '2026-01-01' }], letterPostedOn: '2013-05-01' } }, key);
    expect(oldLetter.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/letterPostedOn 2013-05-01 is before 2014/) });
  });

  it('refuses a statement asOf outside the covered years', async () => {
    const c = (await submit(app, key)).case!;
    const res = await app.gql('query($id: ID!) { node(id: $id) { ... on Case { statement(asOf: "2040-01-01") { balance { amount } } } } }', { id: c.id }, key);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'asOf 2040-01-01 is more than 10 years ahead' });
  });

  it('refuses a claim due before the statutory rate table starts as a typed error, not a fault', async () => {
    const input = caseInput({ claims: [{ invoiceNumber: 'OLD-1', invoiceDate: '2011-05-01', dueDate: '2011-05-15', amount: '100.00' }] });
    const res = (await app.gql(SubmitCaseDocument, { input }, key)).body.data!.caseSubmit;
    expect(res.errors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'claims', '0', 'dueDate'], message: 'dueDate 2011-05-15 is before 2012-01-01, the first day the statutory interest table covers' }]);
  });
});
