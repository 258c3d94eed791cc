import { addDays, isCalendarDate, type CalendarDate } from '../domain/dates';
import { isCountryCode, SUPPORTED_CURRENCIES } from '../domain/countries';
import { money, sum } from '../domain/money';
import type { CaseErrorCode, UserError } from './errors';
import { EARLIEST_DATE, outOfBounds } from './date-bounds';

export type DebtorInput = {
  kind: 'CONSUMER' | 'BUSINESS';
  name: string;
  addressLine?: string | null;
  postalCode?: string | null;
  city?: string | null;
  countryCode: string;
  languageCode?: string | null;
  email?: string | null;
  phone?: string | null;
};

export type ClaimInput = {
  invoiceNumber: string;
  invoiceDate: CalendarDate;
  dueDate: CalendarDate;
  amount: string;
  description?: string | null;
};

export type CaseSubmitInput = {
  creditorReference: string;
  currency: string;
  debtor: DebtorInput;
  claims: ClaimInput[];
};

export const MAX_CLAIMS_PER_CASE = 100;
/**
 * The largest principal a case takes, per claim and for all claims together. Amounts are stored
 * as DECIMAL(15,2); the cap leaves room for costs and years of compounded interest on top.
 */
export const MAX_CASE_PRINCIPAL = money('1000000000.00');

/** Every problem with a submission at once, each naming its input field; empty when valid. */
export function validateSubmission(input: CaseSubmitInput, today: CalendarDate): UserError<CaseErrorCode>[] {
  const errors: UserError<CaseErrorCode>[] = [];
  const problem = (code: CaseErrorCode, field: (string | number)[], message: string) =>
    errors.push({ code, field: ['input', ...field.map(String)], message });

  if (!/^[\w./#-]{1,64}$/.test(input.creditorReference)) {
    problem('INVALID_INPUT', ['creditorReference'], 'creditorReference must be 1-64 characters: letters, digits and . / # _ -');
  }
  if (!SUPPORTED_CURRENCIES.has(input.currency)) {
    problem('UNSUPPORTED_CURRENCY', ['currency'], `currency ${input.currency} is not collected here; supported: ${[...SUPPORTED_CURRENCIES].join(', ')}`);
  }
  validateDebtor(input.debtor, problem);
  if (input.claims.length === 0 || input.claims.length > MAX_CLAIMS_PER_CASE) {
    problem('INVALID_INPUT', ['claims'], `a case needs 1 to ${MAX_CLAIMS_PER_CASE} claims`);
  }
  const amounts = input.claims.map((c) => money(c.amount));
  if (amounts.every((a) => a.gt(0) && a.lte(MAX_CASE_PRINCIPAL)) && sum(amounts).gt(MAX_CASE_PRINCIPAL)) {
    problem('INVALID_AMOUNT', ['claims'], `the claim amounts add up to ${sum(amounts).toFixed(2)}; a case takes at most ${MAX_CASE_PRINCIPAL.toFixed(2)}`);
  }
  const seen = new Set<string>();
  input.claims.forEach((claim, i) => {
    validateClaim(claim, today, (code, field, message) => problem(code, ['claims', i, ...field], message));
    if (seen.has(claim.invoiceNumber)) {
      problem('DUPLICATE_INVOICE_NUMBER', ['claims', i, 'invoiceNumber'], `invoiceNumber ${claim.invoiceNumber} appears twice in this case`);
    }
    seen.add(claim.invoiceNumber);
  });
  return errors;
}

type Problem = (code: CaseErrorCode, field: (string | number)[], message: string) => void;

/** Text longer than its database column (counted in characters, as MySQL does) is refused, not truncated. */
function tooLong(value: string | null | undefined, max: number, report: () => void): void {
  if (value != null && [...value].length > max) report();
}

function validateDebtor(debtor: DebtorInput, problem: Problem): void {
  const name = debtor.name.trim();
  if (name.length === 0 || name.length > 200) problem('INVALID_INPUT', ['debtor', 'name'], 'debtor name must be 1-200 characters');
  if (!isCountryCode(debtor.countryCode)) {
    problem('UNKNOWN_COUNTRY', ['debtor', 'countryCode'], `countryCode ${debtor.countryCode} is not an ISO 3166-1 alpha-2 country code (e.g. NL, DE, BE)`);
  }
  for (const [field, max] of [['addressLine', 200], ['postalCode', 20], ['city', 100], ['email', 254]] as const) {
    tooLong(debtor[field], max, () => problem('INVALID_INPUT', ['debtor', field], `debtor ${field} must be at most ${max} characters`));
  }
  if (debtor.email != null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(debtor.email)) {
    problem('INVALID_INPUT', ['debtor', 'email'], 'debtor email is not an e-mail address');
  }
  if (debtor.phone != null && !/^\+?[0-9 ()-]{6,32}$/.test(debtor.phone)) {
    problem('INVALID_INPUT', ['debtor', 'phone'], 'debtor phone must be digits, optionally with +, spaces, dashes or brackets');
  }
  if (debtor.languageCode != null && !/^[a-z]{2}(-[A-Z]{2})?$/.test(debtor.languageCode)) {
    problem('INVALID_INPUT', ['debtor', 'languageCode'], 'debtor languageCode must be an ISO 639-1 code such as nl, en or de');
  }
}

function validateClaim(claim: ClaimInput, today: CalendarDate, problem: Problem): void {
  if (!/^[\w./#-]{1,64}$/.test(claim.invoiceNumber)) {
    problem('INVALID_INPUT', ['invoiceNumber'], 'invoiceNumber must be 1-64 characters: letters, digits and . / # _ -');
  }
  tooLong(claim.description, 500, () => problem('INVALID_INPUT', ['description'], 'description must be at most 500 characters'));
  const amount = money(claim.amount);
  if (amount.lte(0)) problem('INVALID_AMOUNT', ['amount'], `amount must be more than 0.00, got ${claim.amount}`);
  else if (amount.gt(MAX_CASE_PRINCIPAL)) problem('INVALID_AMOUNT', ['amount'], `amount must be at most ${MAX_CASE_PRINCIPAL.toFixed(2)}, got ${claim.amount}`);
  const datesValid = isCalendarDate(claim.invoiceDate) && isCalendarDate(claim.dueDate);
  if (!datesValid) return;
  const tooOld = claim.dueDate < EARLIEST_DATE ? outOfBounds(claim.dueDate, today) : null;
  if (tooOld) problem('INVALID_INPUT', ['dueDate'], `dueDate ${claim.dueDate} ${tooOld}`);
  if (claim.invoiceDate > today) {
    problem('INVOICE_DATE_IN_FUTURE', ['invoiceDate'], `invoiceDate ${claim.invoiceDate} is after today (${today})`);
  }
  if (claim.dueDate < claim.invoiceDate) {
    problem('DUE_DATE_BEFORE_INVOICE_DATE', ['dueDate'], `dueDate ${claim.dueDate} is before invoiceDate ${claim.invoiceDate}`);
  } else if (claim.dueDate >= today) {
    problem('INVALID_INPUT', ['dueDate'], `the claim is not overdue yet: dueDate ${claim.dueDate} must be before today (${today}); submit it from ${addDays(claim.dueDate, 1)}`);
  }
}
