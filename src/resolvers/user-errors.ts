import { builder } from './builder';
import type { CaseErrorCode, PaymentErrorCode, UserError } from '../services/errors';

export const UserErrorRef = builder.interfaceRef<UserError>('UserError').implement({
  description: 'A business rule or input check that refused a mutation. Nothing was changed.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong and how to fix it, for the developer.' }),
    field: t.exposeStringList('field', {
      nullable: true,
      description: 'Path to the input field at fault, e.g. ["input", "claims", "0", "amount"]; null when no single field is.',
    }),
  }),
});

const CaseErrorCodeEnum = builder.enumType('CaseErrorCode', {
  description: 'Why a case action was refused.',
  values: {
    CASE_NOT_FOUND: { description: 'No case with this id is visible to your key.' },
    INVALID_INPUT: { description: 'A field is malformed; the message says which rule it breaks.' },
    INVALID_AMOUNT: { description: 'An amount is zero, negative or too large.' },
    UNSUPPORTED_CURRENCY: { description: 'The currency is not collected by the agency (EUR only).' },
    UNKNOWN_COUNTRY: { description: 'The country is not an ISO 3166-1 alpha-2 code.' },
    INVOICE_DATE_IN_FUTURE: { description: 'An invoice is dated after today.' },
    DUE_DATE_BEFORE_INVOICE_DATE: { description: 'An invoice falls due before it was issued.' },
    DUPLICATE_INVOICE_NUMBER: { description: 'The same invoice number appears twice in the case.' },
    REFERENCE_CONFLICT: { description: 'Your reference was already used for a case with different content.' },
    ILLEGAL_TRANSITION: { description: 'The case is in a status where this action is not allowed.' },
    ARRANGEMENT_NOT_FOUND: { description: 'No payment arrangement with this id is visible to your key.' },
    INVALID_ARRANGEMENT: { description: 'The proposed payment plan breaks a rule (count, dates, minimum instalment).' },
    NOTHING_OUTSTANDING: { description: 'Nothing is owed on the case.' },
  } satisfies Record<CaseErrorCode, { description: string }>,
});

export const CaseErrorRef = builder.objectRef<UserError<CaseErrorCode>>('CaseError').implement({
  authScopes: { authenticated: true },
  description: 'Why a case action (submit, withdraw, dispute, arrangement) was refused.',
  interfaces: [UserErrorRef],
  fields: (t) => ({
    code: t.expose('code', { type: CaseErrorCodeEnum, description: 'The rule that refused it; stable, for your code to branch on.' }),
  }),
});

const PaymentErrorCodeEnum = builder.enumType('PaymentErrorCode', {
  description: 'Why a payment was refused.',
  values: {
    CASE_NOT_FOUND: { description: 'No case with this id is visible to your key.' },
    INVALID_INPUT: { description: 'A field is malformed; the message says which rule it breaks.' },
    INVALID_AMOUNT: { description: 'The amount is zero or negative.' },
    RECEIVED_IN_FUTURE: { description: 'The payment is dated after today.' },
    RECEIVED_BEFORE_INVOICE: { description: 'The payment is dated before the first invoice of the case.' },
    UNKNOWN_INVOICE: { description: 'The designated invoice number is not part of the case.' },
    REFERENCE_CONFLICT: { description: 'Your payment reference was already recorded with another amount or date.' },
    CASE_CLOSED: { description: 'The case is closed (paid, withdrawn or written off).' },
  } satisfies Record<PaymentErrorCode, { description: string }>,
});

export const PaymentErrorRef = builder.objectRef<UserError<PaymentErrorCode>>('PaymentError').implement({
  authScopes: { authenticated: true },
  description: 'Why recording a payment was refused.',
  interfaces: [UserErrorRef],
  fields: (t) => ({
    code: t.expose('code', { type: PaymentErrorCodeEnum, description: 'The rule that refused it.' }),
  }),
});
