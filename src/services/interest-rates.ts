import type { AppDeps } from '../context';
import { isCalendarDate, toUtcDate } from '../domain/dates';
import { money } from '../domain/money';
import { fail, ok, type Result, type UserError } from './errors';

export type RateErrorCode = 'INVALID_INPUT' | 'ALREADY_EXISTS';

/**
 * Staff add a statutory rate as it is published (twice a year, Staatscourant). A rate for a kind
 * and day that exists is refused, not overwritten: statements already sent relied on it.
 */
export async function addInterestRate(
  deps: AppDeps,
  input: { kind: 'CONSUMER' | 'COMMERCIAL'; effectiveFrom: string; ratePercent: string },
): Promise<Result<{ rateId: string }, RateErrorCode>> {
  const errors: UserError<RateErrorCode>[] = [];
  if (!isCalendarDate(input.effectiveFrom)) errors.push({ code: 'INVALID_INPUT', field: ['input', 'effectiveFrom'], message: 'effectiveFrom must be YYYY-MM-DD' });
  const rate = money(input.ratePercent);
  if (rate.lt(0) || rate.gt(100) || rate.decimalPlaces() > 3) {
    errors.push({ code: 'INVALID_INPUT', field: ['input', 'ratePercent'], message: 'ratePercent must be from 0 to 100 with at most three decimals' });
  }
  if (errors.length) return { ok: false, errors };
  const existing = await deps.db.interestRate.findUnique({ where: { kind_effectiveFrom: { kind: input.kind, effectiveFrom: toUtcDate(input.effectiveFrom) } } });
  if (existing) {
    return fail('ALREADY_EXISTS', `A ${input.kind} rate from ${input.effectiveFrom} exists (${existing.ratePercent.toString()}%).`, ['input', 'effectiveFrom']);
  }
  const row = await deps.db.interestRate.create({ data: { kind: input.kind, effectiveFrom: toUtcDate(input.effectiveFrom), ratePercent: rate.toString() } });
  return ok({ rateId: row.id });
}
