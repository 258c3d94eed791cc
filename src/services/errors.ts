/**
 * Expected business failures travel as data: a code from a per-domain enum, the path of the
 * input field at fault (null when no single field is), and a message a developer can act on.
 */
export type UserError<Code extends string = string> = { code: Code; field: string[] | null; message: string };

export type Result<T, Code extends string = string> = { ok: true; value: T } | { ok: false; errors: UserError<Code>[] };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function fail<Code extends string>(code: Code, message: string, field: string[] | null = null): { ok: false; errors: UserError<Code>[] } {
  return { ok: false, errors: [{ code, field, message }] };
}

/** Thrown inside a transaction to roll it back and hand the errors to the caller. */
export class Rejected<Code extends string = string> extends Error {
  constructor(readonly errors: UserError<Code>[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'Rejected';
  }
}

/** Two writers raced for the same case; the loser retries on fresh data. */
export class ConcurrentModification extends Error {
  name = 'ConcurrentModification';
}

export const CASE_ERROR_CODES = [
  'CASE_NOT_FOUND',
  'INVALID_INPUT',
  'INVALID_AMOUNT',
  'UNSUPPORTED_CURRENCY',
  'UNKNOWN_COUNTRY',
  'INVOICE_DATE_IN_FUTURE',
  'DUE_DATE_BEFORE_INVOICE_DATE',
  'DUPLICATE_INVOICE_NUMBER',
  'REFERENCE_CONFLICT',
  'ILLEGAL_TRANSITION',
  'ARRANGEMENT_NOT_FOUND',
  'INVALID_ARRANGEMENT',
  'NOTHING_OUTSTANDING',
] as const;
export type CaseErrorCode = (typeof CASE_ERROR_CODES)[number];

export const PAYMENT_ERROR_CODES = [
  'CASE_NOT_FOUND',
  'INVALID_INPUT',
  'INVALID_AMOUNT',
  'RECEIVED_IN_FUTURE',
  'RECEIVED_BEFORE_INVOICE',
  'UNKNOWN_INVOICE',
  'REFERENCE_CONFLICT',
  'CASE_CLOSED',
] as const;
export type PaymentErrorCode = (typeof PAYMENT_ERROR_CODES)[number];
