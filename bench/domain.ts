import { addDays } from '../src/domain/dates';
import { STATUTORY_INTEREST_RATES } from '../src/domain/interest-rates-seed';
import { buildStatement, type StatementInput } from '../src/domain/statement';
import { mean, percentile } from './stats';

export type DomainResult = {
  claims: number;
  payments: number;
  iterations: number;
  opsPerSecond: number;
  meanUs: number;
  p50Us: number;
  p99Us: number;
  /** Interest periods on the statement: how much work one statement is. */
  interestPeriods: number;
};

const AS_OF = '2026-03-02';

/**
 * A consumer case with `claims` invoices falling due through 2021 and 50 payments spread over
 * the five years up to AS_OF: every claim runs through five interest years (capitalisation),
 * several rate changes, and 50 allocations across the claims (6:43/6:44).
 */
export function statementInput(claims: number, payments = 50): StatementInput {
  const claimRows = Array.from({ length: claims }, (_, i) => {
    const dueDate = addDays('2021-01-15', Math.floor((i * 330) / Math.max(1, claims)));
    return {
      id: `c${String(i).padStart(3, '0')}`,
      principal: `${250 + ((i * 37) % 500)}.00`,
      dueDate,
      invoiceDate: addDays(dueDate, -14),
      interestFrom: addDays(dueDate, 1),
    };
  });
  const principal = claimRows.reduce((total, c) => total + Number(c.principal), 0);
  // Half the principal paid back over the years, so no claim is settled early and all keep accruing.
  const instalment = ((principal * 0.5) / payments).toFixed(2);
  return {
    kind: 'CONSUMER',
    rates: STATUTORY_INTEREST_RATES,
    asOf: AS_OF,
    claims: claimRows,
    costs: { amount: '375.00', chargeableFrom: '2021-02-20' },
    payments: Array.from({ length: payments }, (_, j) => ({
      id: `p${String(j).padStart(2, '0')}`,
      amount: instalment,
      receivedOn: addDays('2021-03-01', j * 36),
    })),
  };
}

/** Runs buildStatement for a bounded time (and at most maxIterations), timing every call. */
export function benchStatement(claims: number, options: { budgetMs: number; maxIterations: number }): DomainResult {
  const input = statementInput(claims);
  const first = buildStatement(input);
  const interestPeriods = first.claims.reduce((n, c) => n + c.interestPeriods.length, 0);

  // Warm-up: let the JIT settle before measuring (a quarter of the budget at most).
  const warmUntil = performance.now() + options.budgetMs / 4;
  for (let i = 0; i < options.maxIterations && performance.now() < warmUntil; i++) buildStatement(input);

  const samples: number[] = [];
  const started = performance.now();
  const deadline = started + options.budgetMs;
  let sink = 0;
  while (samples.length < options.maxIterations && performance.now() < deadline) {
    const t0 = process.hrtime.bigint();
    const statement = buildStatement(input);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e3);
    sink += statement.payments.length;
  }
  const elapsedMs = performance.now() - started;
  if (sink !== samples.length * input.payments.length) throw new Error('buildStatement dropped payments');
  return {
    claims,
    payments: input.payments.length,
    iterations: samples.length,
    opsPerSecond: (samples.length / elapsedMs) * 1000,
    meanUs: mean(samples),
    p50Us: percentile(samples, 50),
    p99Us: percentile(samples, 99),
    interestPeriods,
  };
}
