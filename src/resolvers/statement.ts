import { builder } from './builder';
import { eur, MoneyRef } from './money';
import type { Statement, StatementClaim, StatementPayment } from '../domain/statement';
import type { CompoundedInterestPeriod } from '../domain/interest';
import type { LedgerRow } from '../services/case-ledger';

/** A statement together with the rows it was computed from, so it can point at claims and payments. */
export type StatementShape = { statement: Statement; ledger: LedgerRow };
type ClaimLine = { line: StatementClaim; ledger: LedgerRow };
type PaymentLine = { line: StatementPayment; ledger: LedgerRow };
type Part = { outstanding: Statement['principal']['outstanding']; paid: Statement['principal']['paid'] };

const PrincipalPart = builder.objectRef<Statement['principal']>('PrincipalAccount').implement({
  authScopes: { authenticated: true },
  description: 'The principal: the invoices themselves.',
  fields: (t) => ({
    original: t.field({ type: MoneyRef, description: 'Sum of the invoices handed over.', resolve: (p) => eur(p.original) }),
    paid: t.field({ type: MoneyRef, description: 'Paid off the principal so far.', resolve: (p) => eur(p.paid) }),
    outstanding: t.field({ type: MoneyRef, description: 'Principal still owed.', resolve: (p: Part) => eur(p.outstanding) }),
  }),
});

const CostsPart = builder.objectRef<Statement['costs']>('CostsAccount').implement({
  authScopes: { authenticated: true },
  description: 'Extrajudicial collection costs (BIK staffel), VAT included where the creditor cannot deduct it.',
  fields: (t) => ({
    charged: t.field({ type: MoneyRef, description: 'Costs charged; 0.00 while not (yet) chargeable, e.g. during the 14-day term.', resolve: (p) => eur(p.charged) }),
    paid: t.field({ type: MoneyRef, description: 'Paid off the costs (payments go to costs first, art. 6:44 BW).', resolve: (p) => eur(p.paid) }),
    outstanding: t.field({ type: MoneyRef, description: 'Costs still owed.', resolve: (p) => eur(p.outstanding) }),
  }),
});

const InterestPart = builder.objectRef<Statement['interest']>('InterestAccount').implement({
  authScopes: { authenticated: true },
  description: 'Statutory interest (art. 6:119 consumer / 6:119a commercial BW).',
  fields: (t) => ({
    accrued: t.field({ type: MoneyRef, description: 'All interest accrued up to the statement date: the sum of every period.', resolve: (p) => eur(p.accrued) }),
    paid: t.field({ type: MoneyRef, description: 'Paid off the interest.', resolve: (p) => eur(p.paid) }),
    outstanding: t.field({ type: MoneyRef, description: 'Interest still owed.', resolve: (p) => eur(p.outstanding) }),
  }),
});

export const InterestPeriodRef = builder.objectRef<CompoundedInterestPeriod>('InterestPeriod').implement({
  authScopes: { authenticated: true },
  description:
    'One stretch of interest at one rate on one base: amount = base × rate% × days / 365 (actual/365), rounded to cents. Periods split where the statutory rate changes and at each yearly anniversary, when unpaid interest is added to the base (compounding).',
  fields: (t) => ({
    from: t.field({ type: 'Date', description: 'First day counted.', resolve: (p) => p.from }),
    to: t.field({ type: 'Date', description: 'Day after the last day counted (the period is [from, to)).', resolve: (p) => p.to }),
    days: t.exposeInt('days', { description: 'Days counted.' }),
    ratePercent: t.field({ type: 'Decimal', description: 'The statutory rate in percent per year, e.g. "10.15".', resolve: (p) => p.ratePercent }),
    base: t.field({ type: MoneyRef, description: 'The amount interest ran on: principal outstanding plus capitalised interest.', resolve: (p) => eur(p.base) }),
    amount: t.field({ type: MoneyRef, description: 'Interest for the period.', resolve: (p) => eur(p.amount) }),
    capitalisedAfter: t.boolean({ description: 'True when unpaid interest was added to the base at the end of this period (a yearly anniversary).', resolve: (p) => p.capitalisedAfter ?? false }),
  }),
});

const ClaimLineRef = builder.objectRef<ClaimLine>('ClaimStatement').implement({
  authScopes: { authenticated: true },
  description: 'What one invoice owes on the statement date.',
  fields: (t) => ({
    claim: t.prismaField({ type: 'Claim', description: 'The invoice.', resolve: (_q, c) => c.ledger.claims.find((x) => x.id === c.line.id)! }),
    principalOutstanding: t.field({ type: MoneyRef, description: 'Principal of this invoice still owed.', resolve: (c) => eur(c.line.principalOutstanding) }),
    interestOutstanding: t.field({ type: MoneyRef, description: 'Interest on this invoice still owed.', resolve: (c) => eur(c.line.interestOutstanding) }),
    interestPeriods: t.field({ type: [InterestPeriodRef], description: 'How the interest was computed, period by period.', resolve: (c) => c.line.interestPeriods }),
  }),
});

const ClaimPartRef = builder.objectRef<{ claimId: string; toInterest: Statement['balance']; toPrincipal: Statement['balance']; ledger: LedgerRow }>('PaymentClaimPart').implement({
  authScopes: { authenticated: true },
  description: 'The part of a payment that went to one invoice.',
  fields: (t) => ({
    claim: t.prismaField({ type: 'Claim', description: 'The invoice.', resolve: (_q, p) => p.ledger.claims.find((x) => x.id === p.claimId)! }),
    toInterest: t.field({ type: MoneyRef, description: 'To this invoice’s interest.', resolve: (p) => eur(p.toInterest) }),
    toPrincipal: t.field({ type: MoneyRef, description: 'To this invoice’s principal.', resolve: (p) => eur(p.toPrincipal) }),
  }),
});

const PaymentLineRef = builder.objectRef<PaymentLine>('PaymentAllocation').implement({
  authScopes: { authenticated: true },
  description: 'Where one payment went: costs first, then interest, then principal (art. 6:44 BW); across invoices per art. 6:43 BW.',
  fields: (t) => ({
    payment: t.prismaField({ type: 'Payment', description: 'The payment.', resolve: (_q, p) => p.ledger.payments.find((x) => x.id === p.line.id)! }),
    toCosts: t.field({ type: MoneyRef, description: 'To collection costs.', resolve: (p) => eur(p.line.toCosts) }),
    toInterest: t.field({ type: MoneyRef, description: 'To interest.', resolve: (p) => eur(p.line.toInterest) }),
    toPrincipal: t.field({ type: MoneyRef, description: 'To principal.', resolve: (p) => eur(p.line.toPrincipal) }),
    unallocated: t.field({ type: MoneyRef, description: 'Overpayment: owed to nothing when it came in; kept for refund.', resolve: (p) => eur(p.line.unallocated) }),
    perClaim: t.field({
      type: [ClaimPartRef],
      description: 'The invoices it went to, in the order it paid them.',
      resolve: (p) => p.line.perClaim.map((c) => ({ ...c, ledger: p.ledger })),
    }),
  }),
});

export const StatementRef = builder.objectRef<StatementShape>('CaseStatement').implement({
  authScopes: { authenticated: true },
  description:
    'The full account of a case on a date, every amount traceable: costs, each interest period with its rate and days, each payment and where it went. principal.outstanding + costs.outstanding + interest.outstanding = balance, to the cent.',
  fields: (t) => ({
    asOf: t.field({ type: 'Date', description: 'The day the account is drawn up for.', resolve: (s) => s.statement.asOf }),
    principal: t.field({ type: PrincipalPart, description: 'The invoices.', resolve: (s) => s.statement.principal }),
    costs: t.field({ type: CostsPart, description: 'Collection costs.', resolve: (s) => s.statement.costs }),
    interest: t.field({ type: InterestPart, description: 'Statutory interest.', resolve: (s) => s.statement.interest }),
    totalPaid: t.field({ type: MoneyRef, description: 'Every payment received up to the date.', resolve: (s) => eur(s.statement.totalPaid) }),
    unallocated: t.field({ type: MoneyRef, description: 'Overpaid: received but owed to nothing.', resolve: (s) => eur(s.statement.unallocated) }),
    balance: t.field({ type: MoneyRef, description: 'What the debtor owes on the date.', resolve: (s) => eur(s.statement.balance) }),
    claims: t.field({ type: [ClaimLineRef], description: 'Per invoice.', resolve: (s) => s.statement.claims.map((line) => ({ line, ledger: s.ledger })) }),
    payments: t.field({ type: [PaymentLineRef], description: 'Per payment, in the order they were applied.', resolve: (s) => s.statement.payments.map((line) => ({ line, ledger: s.ledger })) }),
  }),
});
