import { RecordPaymentDocument } from '../../src/generated/operations';
import { startTestApp, type TestApp } from '../support/harness';
import { createKey, creditorWithKey } from '../support/factories';
import { submit } from '../support/cases';

/**
 * Logs and error messages never carry a key, an IBAN, an e-mail address, a phone number, a birth
 * date or a street address. Runs a busy session with debug logging and scans every line.
 */
describe('nothing sensitive in logs or errors', () => {
  const logLines: string[] = [];
  const responses: string[] = [];
  let app: TestApp;
  afterAll(() => app.stop());

  const secrets = {
    email: 'geheim.adres@voorbeeld.nl',
    phone: '+31 6 12345678',
    street: 'Prinsengracht 263',
    iban: 'NL91ABNA0417164300',
    birthDate: '1984-07-13',
  };

  it('keeps personal data and keys out of every log line and error', async () => {
    app = await startTestApp({ logLines });
    const { key } = await creditorWithKey(app.db);
    const staff = (await createKey(app.db, { kind: 'STAFF' }, 'read,write,admin')).key;
    // Only what explains a failure counts here; the owning creditor may of course read its debtor's data.
    const record = async (p: Promise<{ body: unknown }>) => responses.push(JSON.stringify(errorsIn((await p).body)));

    const submitted = await submit(app, key, {
      debtor: { kind: 'CONSUMER', name: 'A. Frank', addressLine: secrets.street, postalCode: '1016 GV', city: 'Amsterdam', countryCode: 'NL', email: secrets.email, phone: secrets.phone },
      claims: [{ invoiceNumber: 'INV-1', invoiceDate: '2026-01-02', dueDate: '2026-01-16', amount: '120.00', description: `IBAN ${secrets.iban}, born ${secrets.birthDate}` }],
    });
    responses.push(JSON.stringify(submitted.errors));
    // Refusals that echo input must not echo personal data.
    await record(app.gql('mutation($i: CaseSubmitInput!) { caseSubmit(input: $i) { errors { code field message } } }', {
      i: { creditorReference: 'X-1', debtor: { kind: 'CONSUMER', name: 'B', countryCode: 'NL', email: `${secrets.email} not valid`, phone: `${secrets.phone} x` }, claims: [{ invoiceNumber: 'I', invoiceDate: '2026-01-01', dueDate: '2026-01-10', amount: '1.00' }] },
    }, key));
    await record(app.gql(RecordPaymentDocument, { input: { caseId: submitted.case!.id, amount: '20.00', receivedOn: '2026-03-01', externalReference: secrets.iban } }, key));
    await record(app.gql('{ cases { edges { node { debtor { email phone addressLine } } } } }', {}, key));
    await record(app.gql('{ viewer { kind } }', {}, `${key}x`)); // a mistyped key: 401
    await record(app.gql('{ viewer { kind } }', {}, key.replace(/.$/, 'Q')));
    await record(app.gql('{ apiKeys { edges { node { prefix } } } }', {}, staff));
    await record(app.gql('query { nonsense }', {}, key));

    expect(responses.join('\n')).toContain('debtor email is not an e-mail address'); // errors were collected
    const text = [...logLines, ...responses].join('\n');
    expect(logLines.length).toBeGreaterThan(5);
    for (const [what, value] of Object.entries(secrets)) {
      const inLogs = logLines.filter((l) => l.includes(value));
      expect({ what, inLogs }).toEqual({ what, inLogs: [] });
    }
    for (const k of [key, staff]) expect(text).not.toContain(k.split('_').slice(2).join('_')); // the secret part (it may itself contain _)
    for (const value of Object.values(secrets)) expect(responses.join('\n')).not.toContain(value);
    expect(logLines.every((l) => /"requestId":"[^"]+"/.test(l) || !/graphql request|request failed/.test(l))).toBe(true);
  });
});

/** Every `errors` list in a response, top-level or in payloads. */
function errorsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(errorsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'errors' && Array.isArray(v) ? v : errorsIn(v)));
}
