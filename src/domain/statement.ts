import { Money, MoneyInput, ZERO, minMoney, sum } from './money';
import { CalendarDate, compareDates, minDate, parseCalendarDate } from './dates';
import {
  CompoundedInterestPeriod,
  InterestKind,
  InterestRate,
  accrueInterest,
  interestAnniversary,
  markCapitalised,
} from './interest';
import { ClaimFor643, allocateWithinDebt, nonNegativeCents, orderClaimsFor643, splitProRata } from './allocation';

export interface StatementClaimInput {
  id: string;
  principal: MoneyInput;
  /** The first day interest runs, normally the day after the due date. */
  interestFrom: CalendarDate;
  dueDate: CalendarDate;
  invoiceDate: CalendarDate;
  /** See ClaimFor643.burden; only needed when claims of one case differ in how onerous they are. */
  burden?: number;
}

export interface StatementCostsInput {
  /** Collection costs for the whole case as charged, VAT included where it applies. */
  amount: MoneyInput;
  /** The first day the costs may be claimed (e.g. after the 14-day term); null: not chargeable. */
  chargeableFrom: CalendarDate | null;
}

export interface StatementPaymentInput {
  id: string;
  amount: MoneyInput;
  receivedOn: CalendarDate;
  /** The debtor's own designation (6:43 lid 1). */
  designatedClaimId?: string;
}

export interface StatementInput {
  kind: InterestKind;
  rates: readonly InterestRate[];
  asOf: CalendarDate;
  claims: readonly StatementClaimInput[];
  costs: StatementCostsInput;
  /** Payments received after `asOf` are left out. */
  payments: readonly StatementPaymentInput[];
}

export interface PrincipalSummary {
  original: Money;
  paid: Money;
  outstanding: Money;
}

export interface CostsSummary {
  /** Nil until the costs are chargeable on `asOf`. */
  charged: Money;
  paid: Money;
  outstanding: Money;
}

export interface InterestSummary {
  accrued: Money;
  paid: Money;
  outstanding: Money;
}

export interface StatementClaim {
  id: string;
  principal: Money;
  principalOutstanding: Money;
  /** Capitalised and running interest together. */
  interestOutstanding: Money;
  interestPeriods: CompoundedInterestPeriod[];
}

export interface ClaimPaymentPart {
  claimId: string;
  toInterest: Money;
  toPrincipal: Money;
}

export interface StatementPayment {
  id: string;
  amount: Money;
  receivedOn: CalendarDate;
  toCosts: Money;
  toInterest: Money;
  toPrincipal: Money;
  unallocated: Money;
  /** Only the claims that received something, in the order 6:43 paid them. */
  perClaim: ClaimPaymentPart[];
}

export interface Statement {
  asOf: CalendarDate;
  principal: PrincipalSummary;
  costs: CostsSummary;
  interest: InterestSummary;
  /** Every payment received up to `asOf`, allocated or not. */
  totalPaid: Money;
  /** Overpayment: received but owed to nothing when it came in; kept for refund or set-off. */
  unallocated: Money;
  /** principal.outstanding + costs.outstanding + interest.outstanding. */
  balance: Money;
  claims: StatementClaim[];
  payments: StatementPayment[];
}

/**
 * The account of one case as of `asOf`. Walks the payments in order of receipt (then id). Before
 * each payment every claim's interest runs up to, not including, the payment date; an interest
 * year that ends on the way capitalises its unpaid interest into that claim's base. The payment
 * then goes to the costs (once chargeable), then claim by claim in 6:43 order, each claim
 * interest before principal (6:44). After the last payment interest runs on up to `asOf`.
 *
 * Paying interest settles capitalised interest before running interest: that lowers the base,
 * which is the debtor's benefit. An overpayment stays unallocated; it is not held against costs or
 * interest that arise later.
 */
export function buildStatement(input: StatementInput): Statement {
  const asOf = parseCalendarDate(input.asOf);
  const claims = openClaimLedgers(input.claims);
  const costs = openCostsLedger(input.costs);
  const accrueAllTo = (date: CalendarDate) => claims.forEach((c) => accrueClaimTo(c, date, input.kind, input.rates));

  const payments = paymentsUpTo(input.payments, asOf).map((payment) => {
    accrueAllTo(payment.receivedOn);
    return applyPayment(payment, costs, claims);
  });
  accrueAllTo(asOf);
  return summarise(asOf, claims, costs, payments);
}

interface ClaimLedger extends ClaimFor643 {
  interestFrom: CalendarDate;
  principal: Money;
  principalOutstanding: Money;
  /** Interest of finished interest years: part of the base, still unpaid. */
  capitalisedOutstanding: Money;
  /** Interest of the current interest year, still unpaid. */
  runningOutstanding: Money;
  accruedUntil: CalendarDate;
  yearsCompleted: number;
  periods: CompoundedInterestPeriod[];
}

interface CostsLedger {
  amount: Money;
  chargeableFrom: CalendarDate | null;
  outstanding: Money;
}

interface Payment {
  id: string;
  amount: Money;
  receivedOn: CalendarDate;
  designatedClaimId?: string;
}

function openClaimLedgers(claims: readonly StatementClaimInput[]): ClaimLedger[] {
  requireUniqueIds(claims.map((c) => c.id), 'claim');
  return claims.map((claim) => {
    const principal = nonNegativeCents(claim.principal, `principal of claim ${claim.id}`);
    const interestFrom = parseCalendarDate(claim.interestFrom);
    return {
      id: claim.id,
      dueDate: parseCalendarDate(claim.dueDate),
      invoiceDate: parseCalendarDate(claim.invoiceDate),
      burden: claim.burden,
      interestFrom,
      principal,
      principalOutstanding: principal,
      capitalisedOutstanding: ZERO,
      runningOutstanding: ZERO,
      accruedUntil: interestFrom,
      yearsCompleted: 0,
      periods: [],
    };
  });
}

function openCostsLedger({ amount, chargeableFrom }: StatementCostsInput): CostsLedger {
  const charged = nonNegativeCents(amount, 'costs');
  return {
    amount: charged,
    chargeableFrom: chargeableFrom === null ? null : parseCalendarDate(chargeableFrom),
    outstanding: charged,
  };
}

function paymentsUpTo(payments: readonly StatementPaymentInput[], asOf: CalendarDate): Payment[] {
  requireUniqueIds(payments.map((p) => p.id), 'payment');
  return payments
    .map((p) => ({
      ...p,
      amount: nonNegativeCents(p.amount, `payment ${p.id}`),
      receivedOn: parseCalendarDate(p.receivedOn),
    }))
    .filter((p) => compareDates(p.receivedOn, asOf) <= 0)
    .sort((a, b) => compareDates(a.receivedOn, b.receivedOn) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function accrueClaimTo(
  claim: ClaimLedger,
  date: CalendarDate,
  kind: InterestKind,
  rates: readonly InterestRate[],
): void {
  while (compareDates(claim.accruedUntil, date) < 0) {
    const anniversary = interestAnniversary(claim.interestFrom, claim.yearsCompleted + 1);
    const end = minDate(anniversary, date);
    const base = claim.principalOutstanding.plus(claim.capitalisedOutstanding);
    // A settled claim earns nothing; skipping it keeps rows of 0.00 off the statement.
    if (!base.isZero()) {
      const accrual = accrueInterest({ kind, rates, base, from: claim.accruedUntil, to: end });
      claim.periods.push(...accrual.periods);
      claim.runningOutstanding = claim.runningOutstanding.plus(accrual.total);
    }
    claim.accruedUntil = end;
    if (end === anniversary) capitaliseYear(claim, anniversary);
  }
}

function capitaliseYear(claim: ClaimLedger, anniversary: CalendarDate): void {
  claim.capitalisedOutstanding = claim.capitalisedOutstanding.plus(claim.runningOutstanding);
  claim.runningOutstanding = ZERO;
  claim.yearsCompleted += 1;
  markCapitalised(claim.periods, anniversary);
}

function applyPayment(payment: Payment, costs: CostsLedger, claims: ClaimLedger[]): StatementPayment {
  const toCosts = minMoney(payment.amount, chargeableOn(costs, payment.receivedOn) ? costs.outstanding : ZERO);
  costs.outstanding = costs.outstanding.minus(toCosts);
  let remaining = payment.amount.minus(toCosts);

  const perClaim: ClaimPaymentPart[] = [];
  for (const group of orderClaimsFor643(claims, payment.receivedOn, payment.designatedClaimId)) {
    const open = group.filter((claim) => owedOn(claim).greaterThan(0));
    if (remaining.isZero()) break;
    if (open.length === 0) continue;
    const shares = sharesOf(remaining, open);
    open.forEach((claim, i) => perClaim.push(payClaim(claim, shares[i])));
    remaining = remaining.minus(sum(shares));
  }

  const paidToClaims = perClaim.filter((part) => !part.toInterest.plus(part.toPrincipal).isZero());
  return {
    id: payment.id,
    amount: payment.amount,
    receivedOn: payment.receivedOn,
    toCosts,
    toInterest: sum(paidToClaims.map((p) => p.toInterest)),
    toPrincipal: sum(paidToClaims.map((p) => p.toPrincipal)),
    unallocated: remaining,
    perClaim: paidToClaims,
  };
}

function chargeableOn(costs: CostsLedger, date: CalendarDate): boolean {
  return costs.chargeableFrom !== null && compareDates(costs.chargeableFrom, date) <= 0;
}

/** Claims tied under 6:43 share pro rata to what each still owes, unless all can be paid in full. */
function sharesOf(amount: Money, claims: ClaimLedger[]): Money[] {
  const owed = claims.map(owedOn);
  return amount.greaterThanOrEqualTo(sum(owed)) ? owed : splitProRata(amount, owed);
}

function payClaim(claim: ClaimLedger, share: Money): ClaimPaymentPart {
  const { toInterest, toPrincipal } = allocateWithinDebt(share, {
    costs: ZERO,
    interest: interestOutstanding(claim),
    principal: claim.principalOutstanding,
  });
  const fromCapitalised = minMoney(toInterest, claim.capitalisedOutstanding);
  claim.capitalisedOutstanding = claim.capitalisedOutstanding.minus(fromCapitalised);
  claim.runningOutstanding = claim.runningOutstanding.minus(toInterest.minus(fromCapitalised));
  claim.principalOutstanding = claim.principalOutstanding.minus(toPrincipal);
  return { claimId: claim.id, toInterest, toPrincipal };
}

function owedOn(claim: ClaimLedger): Money {
  return interestOutstanding(claim).plus(claim.principalOutstanding);
}

function interestOutstanding(claim: ClaimLedger): Money {
  return claim.capitalisedOutstanding.plus(claim.runningOutstanding);
}

function summarise(
  asOf: CalendarDate,
  claims: ClaimLedger[],
  costs: CostsLedger,
  payments: StatementPayment[],
): Statement {
  const principal = {
    original: sum(claims.map((c) => c.principal)),
    paid: sum(payments.map((p) => p.toPrincipal)),
    outstanding: sum(claims.map((c) => c.principalOutstanding)),
  };
  const charged = chargeableOn(costs, asOf) ? costs.amount : ZERO;
  const costsPaid = sum(payments.map((p) => p.toCosts));
  const interest = {
    accrued: sum(claims.flatMap((c) => c.periods.map((p) => p.amount))),
    paid: sum(payments.map((p) => p.toInterest)),
    outstanding: sum(claims.map(interestOutstanding)),
  };
  const costsSummary = { charged, paid: costsPaid, outstanding: charged.minus(costsPaid) };
  return {
    asOf,
    principal,
    costs: costsSummary,
    interest,
    totalPaid: sum(payments.map((p) => p.amount)),
    unallocated: sum(payments.map((p) => p.unallocated)),
    balance: principal.outstanding.plus(costsSummary.outstanding).plus(interest.outstanding),
    claims: claims.map((c) => ({
      id: c.id,
      principal: c.principal,
      principalOutstanding: c.principalOutstanding,
      interestOutstanding: interestOutstanding(c),
      interestPeriods: c.periods,
    })),
    payments,
  };
}

function requireUniqueIds(ids: string[], what: string): void {
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) throw new RangeError(`${what} ${duplicate} appears twice`);
}
