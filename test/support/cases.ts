import { randomUUID } from 'node:crypto';
import { SubmitCaseDocument, type CaseSubmitInput } from '../../src/generated/operations';
import type { TestApp } from './harness';

/** A valid consumer submission; override what the test is about. */
export function caseInput(overrides: Partial<CaseSubmitInput> = {}): CaseSubmitInput {
  return {
    creditorReference: `REF-${randomUUID().slice(0, 8)}`,
    currency: 'EUR',
    debtor: { kind: 'CONSUMER', name: 'Jan de Vries', addressLine: 'Kerkstraat 1', postalCode: '1011 AB', city: 'Amsterdam', countryCode: 'NL', email: 'jan@example.nl' },
    claims: [{ invoiceNumber: 'F-1', invoiceDate: '2026-01-05', dueDate: '2026-01-19', amount: '1000.00' }],
    ...overrides,
  };
}

/** Submits a case through the API and returns the payload (asserting nothing went wrong at transport level). */
export async function submit(app: TestApp, key: string, overrides: Partial<CaseSubmitInput> = {}) {
  const { status, body } = await app.gql(SubmitCaseDocument, { input: caseInput(overrides) }, key);
  if (status !== 200 || body.errors) throw new Error(`caseSubmit failed: ${status} ${JSON.stringify(body.errors)}`);
  return body.data!.caseSubmit;
}

/** The database id behind a Relay global id ("Case:abc" base64-encoded). */
export function dbId(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':').slice(1).join(':');
}
