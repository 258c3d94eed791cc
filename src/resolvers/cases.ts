import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { builder, LIMITS } from './builder';
import { eur, MoneyRef } from './money';
import { StatementRef } from './statement';
import { CaseErrorRef } from './user-errors';
import { DebtorKindEnum } from './case-parts';
import { visibleCases } from '../auth/visibility';
import type { Prisma } from '../generated/prisma/client';
import { allowedActions, CASE_STATUSES, phaseOf, type CasePhase, type CaseStatus } from '../domain/case-state';
import { dutchDate, fromUtcDate, isCalendarDate } from '../domain/dates';
import { MissingInterestRateError } from '../domain/interest';
import { LEDGER_SELECT, statementOf, type LedgerRow } from '../services/case-ledger';
import { submitCase } from '../services/case-submit';
import { casePrescription } from '../services/case-prescription';
import { outOfBounds } from '../services/date-bounds';
import { changeCaseStatus, type SimpleCaseAction } from '../services/case-lifecycle';
import type { CaseErrorCode, Result, UserError } from '../services/errors';
import type { Context } from '../context';

const STATUS_DESCRIPTIONS: Record<CaseStatus, string> = {
  SUBMITTED: 'Received, first step not yet taken.',
  WIK_NOTICE: 'Consumer: the 14-day letter is out; no costs until its term has passed unpaid.',
  REMINDERS: 'Amicable collection: costs and interest run, reminders go out.',
  ARRANGEMENT: 'A payment arrangement is being kept.',
  DISPUTED: 'The debtor disputes the claim: every collection action pauses until it is resolved.',
  PARTNER_ABROAD: 'With a partner agency in the debtor’s country.',
  BAILIFF_VISIT: 'A bailiff visits the debtor (still extrajudicial).',
  LEGAL: 'With a lawyer or in court.',
  MONITORING: 'The debtor cannot pay now: actions stop, credit data is watched.',
  PAID: 'Paid in full.',
  WITHDRAWN: 'Taken back by the creditor.',
  WRITTEN_OFF: 'Given up as uncollectable.',
  CLOSED: 'Closed administratively.',
};

export const CaseStatusEnum = builder.enumType('CaseStatus', {
  description: 'Where a case is in the collection workflow.',
  values: Object.fromEntries(CASE_STATUSES.map((s) => [s, { description: STATUS_DESCRIPTIONS[s] }])) as Record<CaseStatus, { description: string }>,
});

const PHASES: Record<CasePhase, string> = {
  INTAKE: 'Just received.',
  AMICABLE: 'Amicable ("minnelijke") collection: letter, reminders, bailiff visit.',
  PAYMENT_PLAN: 'A payment arrangement runs.',
  DISPUTE: 'Disputed by the debtor.',
  ABROAD: 'With a foreign partner.',
  LEGAL: 'Court proceedings.',
  MONITORING: 'Debt monitoring ("schuldbewaking").',
  CLOSED: 'No longer collected: paid, withdrawn, written off or closed.',
};

export const CasePhaseEnum = builder.enumType('CasePhase', {
  description: 'The broad phase of a case, coarser than its status.',
  values: Object.fromEntries(Object.entries(PHASES).map(([k, d]) => [k, { description: d }])) as Record<CasePhase, { description: string }>,
});

/** The state-machine actions a creditor starts itself, each with its mutation. */
const CASE_ACTIONS_FOR_CLIENTS = ['WITHDRAW', 'DISPUTE', 'RESOLVE_DISPUTE', 'AGREE_ARRANGEMENT'] as const;

const CaseActionEnum = builder.enumType('CaseAction', {
  description: 'An action a creditor can take on a case.',
  values: {
    WITHDRAW: { description: 'caseWithdraw: take the case back.' },
    DISPUTE: { description: 'caseDispute: record that the debtor disputes the claim.' },
    RESOLVE_DISPUTE: { description: 'caseResolveDispute: the dispute is settled; collection resumes.' },
    AGREE_ARRANGEMENT: { description: 'arrangementPropose and arrangementAccept: a payment plan.' },
  } as const,
});

const NextActionKindEnum = builder.enumType('NextActionKind', {
  description: 'What the agency does next on a case.',
  values: {
    WIK_TERM_ENDS: { description: 'The 14-day term ends; if unpaid, costs become due and reminders start.' },
    SEND_REMINDER: { description: 'The next reminder goes out.' },
    CHECK_INSTALMENT: { description: 'The next instalment of the arrangement is checked (after its grace period).' },
    ESCALATION_REVIEW: { description: 'Reminders are exhausted: the agency decides on bailiff, court, partner abroad or monitoring.' },
    RESOLVE_DISPUTE: { description: 'Waiting for the dispute to be resolved.' },
  } as const,
});

type NextAction = { kind: 'WIK_TERM_ENDS' | 'SEND_REMINDER' | 'CHECK_INSTALMENT' | 'ESCALATION_REVIEW' | 'RESOLVE_DISPUTE'; on: string | null };

const NextActionRef = builder.objectRef<NextAction>('NextAction').implement({
  authScopes: { authenticated: true },
  description: 'The next step the agency takes on a case, and when.',
  fields: (t) => ({
    kind: t.field({ type: NextActionKindEnum, description: 'What happens.', resolve: (a) => a.kind }),
    on: t.field({ type: 'Date', nullable: true, description: 'The day it happens; null when it waits on someone.', resolve: (a) => a.on }),
  }),
});

function nextActionOf(c: { status: CaseStatus; nextActionOn: Date | null }): NextAction | null {
  const on = c.nextActionOn ? fromUtcDate(c.nextActionOn) : null;
  switch (c.status) {
    case 'WIK_NOTICE':
      return { kind: 'WIK_TERM_ENDS', on };
    case 'REMINDERS':
      return on ? { kind: 'SEND_REMINDER', on } : { kind: 'ESCALATION_REVIEW', on: null };
    case 'ARRANGEMENT':
      return { kind: 'CHECK_INSTALMENT', on };
    case 'DISPUTED':
      return { kind: 'RESOLVE_DISPUTE', on: null };
    default:
      return null;
  }
}

const PrescriptionRef = builder.objectRef<{ lastDayToInterrupt: string; prescribedFrom: string }>('Prescription').implement({
  authScopes: { authenticated: true },
  description:
    'When the oldest invoice prescribes (verjaring): 5 years from the day after it fell due (art. 3:307 BW), renewed by every written demand (3:317, 3:319). Courts do not apply it of their own motion; the debtor must invoke it.',
  fields: (t) => ({
    lastDayToInterrupt: t.field({ type: 'Date', description: 'The last day a written demand still interrupts prescription.', resolve: (p) => p.lastDayToInterrupt }),
    prescribedFrom: t.field({ type: 'Date', description: 'The first day the claim is prescribed.', resolve: (p) => p.prescribedFrom }),
  }),
});

const BalanceRef = builder.objectRef<{ statement: ReturnType<typeof statementOf> }>('CaseBalance').implement({
  authScopes: { authenticated: true },
  description: 'What is owed today, split up. principal + costs + interest = total.',
  fields: (t) => ({
    asOf: t.field({ type: 'Date', description: 'Today, in the Netherlands.', resolve: (b) => b.statement.asOf }),
    principal: t.field({ type: MoneyRef, description: 'Principal outstanding.', resolve: (b) => eur(b.statement.principal.outstanding) }),
    costs: t.field({ type: MoneyRef, description: 'Collection costs outstanding.', resolve: (b) => eur(b.statement.costs.outstanding) }),
    interest: t.field({ type: MoneyRef, description: 'Statutory interest outstanding.', resolve: (b) => eur(b.statement.interest.outstanding) }),
    paid: t.field({ type: MoneyRef, description: 'Paid so far, all sources.', resolve: (b) => eur(b.statement.totalPaid) }),
    total: t.field({ type: MoneyRef, description: 'The total the debtor owes today.', resolve: (b) => eur(b.statement.balance) }),
  }),
});

async function statementFor(ledger: LedgerRow, ctx: Context, asOf: string) {
  try {
    return statementOf(ledger, await ctx.interestRates(), asOf);
  } catch (err) {
    if (err instanceof MissingInterestRateError) {
      throw new GraphQLError(`No statutory interest rate is known for ${err.date}; pick a later asOf.`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    throw err;
  }
}

export const CaseRef = builder.prismaNode('Case', {
  authScopes: { authenticated: true },
  id: { field: 'id' },
  description: 'A collection case: one creditor’s unpaid invoices on one debtor, and everything done to collect them.',
  findUnique: (id, ctx) => ({ id, AND: [visibleCases(ctx.viewer)] }),
  fields: (t) => ({
    creditorReference: t.exposeString('creditorReference', { description: 'Your own reference for the case, unique among your cases.' }),
    status: t.expose('status', { type: CaseStatusEnum, description: 'Where the case is in the workflow.' }),
    phase: t.field({ type: CasePhaseEnum, description: 'The broad phase.', select: { status: true }, resolve: (c) => phaseOf(c.status) }),
    currency: t.expose('currency', { type: 'CurrencyCode', description: 'Currency of every amount on the case.' }),
    debtor: t.relation('debtor', { description: 'Who owes.' }),
    claims: t.relation('claims', { description: 'The invoices, earliest due first.', query: { orderBy: { dueDate: 'asc' } } }),
    balance: t.field({
      type: BalanceRef,
      description: 'What is owed today: principal, costs and interest outstanding, and the total.',
      select: LEDGER_SELECT,
      resolve: async (c, _args, ctx) => ({ statement: await statementFor(c, ctx, dutchDate(ctx.clock.now())) }),
    }),
    statement: t.field({
      type: StatementRef,
      description: 'The full, checkable account of the case on a date (default today): every cost, interest period and payment allocation.',
      args: { asOf: t.arg({ type: 'Date', required: false, description: 'The day to draw the account up for (YYYY-MM-DD); default today.' }) },
      select: LEDGER_SELECT,
      resolve: async (c, { asOf }, ctx) => {
        const today = dutchDate(ctx.clock.now());
        if (asOf && !isCalendarDate(asOf)) throw new GraphQLError('asOf must be YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
        const problem = asOf ? outOfBounds(asOf, today) : null;
        if (problem) throw new GraphQLError(`asOf ${asOf} ${problem}`, { extensions: { code: 'BAD_USER_INPUT' } });
        return { statement: await statementFor(c, ctx, asOf ?? today), ledger: c };
      },
    }),
    availableActions: t.field({
      type: [CaseActionEnum],
      description: 'What you can do with the case now (for a portal: which buttons to show). The state machine decides; the mutations check again.',
      select: { status: true, statusBeforeDispute: true, debtor: { select: { kind: true } } },
      resolve: (c) => {
        const allowed = new Set(allowedActions({ status: c.status, statusBeforeDispute: c.statusBeforeDispute ?? undefined, debtorKind: c.debtor.kind }));
        return CASE_ACTIONS_FOR_CLIENTS.filter((a) => allowed.has(a));
      },
    }),
    nextAction: t.field({
      type: NextActionRef,
      nullable: true,
      description: 'What the agency does next, and when; null for a closed case.',
      select: { status: true, nextActionOn: true },
      resolve: (c) => nextActionOf(c),
    }),
    prescription: t.field({
      type: PrescriptionRef,
      description: 'When the earliest-due invoice prescribes, given the written demands sent so far.',
      // The same relation arguments as `balance`, `claims` and `communications`, so Pothos merges them
      // into the list query; a different shape here makes it load each case on its own (N+1).
      select: { claims: LEDGER_SELECT.claims, communications: { orderBy: { sentAt: 'asc' } } },
      resolve: (c) => casePrescription(c.claims, c.communications),
    }),
    communications: t.relation('communications', {
      description: 'Letters and messages sent to the debtor, oldest first. Not shown to partner keys.',
      authScopes: { $any: { creditor: true, staff: true } },
      query: { orderBy: { sentAt: 'asc' } },
    }),
    payments: t.relation('payments', { description: 'Payments received, oldest first.', query: { orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }] } }),
    arrangements: t.relation('arrangements', {
      description: 'Payment arrangements, newest first. Not shown to partner keys.',
      authScopes: { $any: { creditor: true, staff: true } },
      query: { orderBy: { proposedAt: 'desc' } },
    }),
    timeline: t.relatedConnection('events', {
      description: 'The case timeline, oldest first: every change with who made it. Not shown to partner keys.',
      authScopes: { $any: { creditor: true, staff: true } },
      cursor: 'id',
      query: { orderBy: { id: 'asc' } },
    }, { name: 'CaseTimelineConnection', description: 'A page of timeline events.', authScopes: { authenticated: true } }, { name: 'CaseTimelineEdge', description: 'A timeline event with its cursor.', authScopes: { authenticated: true } }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the case was submitted.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the case last changed.' }),
  }),
});

const CaseLookup = builder.inputType('CaseLookup', {
  description: 'Find a case by exactly one of: its global id, or your own reference.',
  isOneOf: true,
  fields: (t) => ({
    id: t.id({ description: 'The case’s global id.' }),
    creditorReference: t.string({ description: 'Your reference for the case (creditor keys only).' }),
  }),
});

builder.queryField('case', (t) =>
  t.prismaField({
    type: 'Case',
    nullable: true,
    description: 'One case. A case you may not see answers null, exactly like one that does not exist.',
    authScopes: { authenticated: true },
    args: { by: t.arg({ type: CaseLookup, required: true, description: 'Id or your reference.' }) },
    resolve: async (query, _root, { by }, ctx) => {
      const where: Prisma.CaseWhereInput = by.id
        ? { id: decodeCaseId(by.id) }
        : ctx.viewer.kind === 'CREDITOR'
          ? { creditorId: ctx.viewer.creditorId, creditorReference: by.creditorReference ?? '' }
          : { id: { in: [] } };
      return ctx.db.case.findFirst({ ...query, where: { AND: [where, visibleCases(ctx.viewer)] } });
    },
  }),
);

function decodeCaseId(globalId: string): string {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  return decoded.startsWith('Case:') ? decoded.slice(5) : '';
}

const CaseFilter = builder.inputType('CaseFilter', {
  description: 'Narrows a case list; all given conditions must hold.',
  fields: (t) => ({
    status: t.field({ type: [CaseStatusEnum], required: false, description: 'Any of these statuses.' }),
    phase: t.field({ type: [CasePhaseEnum], required: false, description: 'Any of these phases.' }),
    debtorCountry: t.field({ type: 'CountryCode', required: false, description: 'Debtor’s country.' }),
    debtorKind: t.field({ type: DebtorKindEnum, required: false, description: 'Consumer or business debtors.' }),
    createdFrom: t.field({ type: 'DateTime', required: false, description: 'Submitted at or after.' }),
    createdBefore: t.field({ type: 'DateTime', required: false, description: 'Submitted before.' }),
    referenceContains: t.string({
      required: false,
      description: 'Your reference contains this text (1-64 characters, case-insensitive).',
      validate: z.string().min(1, 'referenceContains must not be empty').max(64, 'referenceContains is longer than a reference can be (64)'),
    }),
  }),
});

const CaseOrderField = builder.enumType('CaseOrderField', {
  description: 'What to sort cases by.',
  values: {
    CREATED_AT: { description: 'Submission time.' },
    UPDATED_AT: { description: 'Last change.' },
    BALANCE: { description: 'Balance as of the last change.' },
    REFERENCE: { description: 'Your reference.' },
  } as const,
});

const OrderDirection = builder.enumType('OrderDirection', {
  description: 'Sort direction.',
  values: { ASC: { description: 'Smallest or oldest first.' }, DESC: { description: 'Largest or newest first.' } } as const,
});

const CaseOrder = builder.inputType('CaseOrder', {
  description: 'Sort order for a case list; ties are broken by id so pages are stable.',
  fields: (t) => ({
    field: t.field({ type: CaseOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: OrderDirection, required: true, description: 'Which way.' }),
  }),
});

const ORDER_COLUMN = { CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt', BALANCE: 'balanceAmount', REFERENCE: 'creditorReference' } as const;

builder.queryField('cases', (t) =>
  t.prismaConnection({
    type: 'Case',
    cursor: 'id',
    description: `Your cases, as a Relay connection, filtered and ordered. A page holds ${LIMITS.defaultPageSize} cases unless you ask for up to ${LIMITS.maxPageSize} with first or last; asking for more is refused with BAD_USER_INPUT.`,
    authScopes: { authenticated: true },
    args: {
      filter: t.arg({ type: CaseFilter, required: false, description: 'Conditions a case must meet.' }),
      orderBy: t.arg({ type: CaseOrder, required: false, description: 'Sort order; default newest first.' }),
    },
    resolve: (query, _root, { filter, orderBy, first, last }, ctx) => {
      const pageSize = first ?? last;
      if (pageSize != null && pageSize > LIMITS.maxPageSize) {
        throw new GraphQLError(`A page holds at most ${LIMITS.maxPageSize} cases, ${pageSize} were asked for; fetch the next page with after: pageInfo.endCursor.`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      const direction = orderBy?.direction === 'ASC' ? 'asc' : 'desc';
      const column = ORDER_COLUMN[orderBy?.field ?? 'CREATED_AT'];
      return ctx.db.case.findMany({
        ...query,
        where: { AND: [visibleCases(ctx.viewer), caseFilterWhere(filter ?? {})] },
        orderBy: [{ [column]: direction }, { id: direction }],
      });
    },
    totalCount: (_root, { filter }, ctx) => ctx.db.case.count({ where: { AND: [visibleCases(ctx.viewer), caseFilterWhere(filter ?? {})] } }),
  }, { name: 'CaseConnection', description: 'A page of cases.', authScopes: { authenticated: true } }, { name: 'CaseEdge', description: 'A case in a page, with its cursor.', authScopes: { authenticated: true } }),
);

function caseFilterWhere(f: {
  status?: CaseStatus[] | null; phase?: CasePhase[] | null; debtorCountry?: string | null; debtorKind?: 'CONSUMER' | 'BUSINESS' | null;
  createdFrom?: Date | null; createdBefore?: Date | null; referenceContains?: string | null;
}): Prisma.CaseWhereInput {
  const byPhase = f.phase?.length ? CASE_STATUSES.filter((s) => f.phase!.includes(phaseOf(s))) : null;
  return {
    AND: [
      f.status?.length ? { status: { in: f.status } } : {},
      byPhase ? { status: { in: byPhase } } : {},
      f.debtorCountry || f.debtorKind ? { debtor: { ...(f.debtorCountry ? { countryCode: f.debtorCountry } : {}), ...(f.debtorKind ? { kind: f.debtorKind } : {}) } } : {},
      f.createdFrom || f.createdBefore ? { createdAt: { ...(f.createdFrom ? { gte: f.createdFrom } : {}), ...(f.createdBefore ? { lt: f.createdBefore } : {}) } } : {},
      // LIKE wildcards in the text are meant literally (references may contain "_").
      f.referenceContains ? { creditorReference: { contains: f.referenceContains.replace(/[\\%_]/g, '\\$&') } } : {},
    ],
  };
}

/* ---------- mutations ---------- */

builder.mutationType({ description: 'Business actions. Each takes one input and returns a payload; expected failures come back as typed errors in the payload and change nothing.' });

type CasePayloadShape = { caseId: string | null; replayed: boolean; errors: UserError<CaseErrorCode>[] };

export const CasePayloadRef = builder.objectRef<CasePayloadShape>('CasePayload').implement({
  authScopes: { authenticated: true },
  description: 'The result of a case action: the case as it is now, or the errors that refused the action.',
  fields: (t) => ({
    case: t.prismaField({
      type: 'Case',
      nullable: true,
      description: 'The case after the action; null when it was refused.',
      resolve: (query, p, _args, ctx) => (p.caseId ? ctx.db.case.findUnique({ ...query, where: { id: p.caseId } }) : null),
    }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this exact submission was already made and the existing case is returned.' }),
    errors: t.field({ type: [CaseErrorRef], description: 'Why the action was refused; empty on success.', resolve: (p) => p.errors }),
  }),
});

export function toCasePayload(result: Result<{ caseId: string; replayed?: boolean }, CaseErrorCode>): CasePayloadShape {
  return result.ok
    ? { caseId: result.value.caseId, replayed: result.value.replayed ?? false, errors: [] }
    : { caseId: null, replayed: false, errors: result.errors };
}

const DebtorInput = builder.inputType('DebtorInput', {
  description: 'Who owes. Personal data: used only to collect this claim.',
  fields: (t) => ({
    kind: t.field({ type: DebtorKindEnum, required: true, description: 'Consumer or business; decides letter, costs and interest.' }),
    name: t.string({ required: true, description: 'Full name or company name.' }),
    addressLine: t.string({ required: false, description: 'Street and number.' }),
    postalCode: t.string({ required: false, description: 'Postal code.' }),
    city: t.string({ required: false, description: 'City.' }),
    countryCode: t.field({ type: 'CountryCode', required: true, description: 'ISO 3166-1 alpha-2, e.g. "NL".' }),
    languageCode: t.string({ required: false, description: 'ISO 639-1 language for communications; default "nl".' }),
    email: t.string({ required: false, description: 'E-mail address.' }),
    phone: t.string({ required: false, description: 'Phone number, international format preferred.' }),
  }),
});

const ClaimInput = builder.inputType('ClaimInput', {
  description: 'One unpaid invoice.',
  fields: (t) => ({
    invoiceNumber: t.string({ required: true, description: 'Your invoice number; unique within the case.' }),
    invoiceDate: t.field({ type: 'Date', required: true, description: 'Issue date; not in the future.' }),
    dueDate: t.field({ type: 'Date', required: true, description: 'Last day for payment; on or after the invoice date, and before today.' }),
    amount: t.field({ type: 'Decimal', required: true, description: 'Unpaid amount, more than 0.00; the claims of a case add up to at most 1000000000.00.' }),
    description: t.string({ required: false, description: 'What it was for.' }),
  }),
});

const CaseSubmitInput = builder.inputType('CaseSubmitInput', {
  description: 'A case to hand over for collection.',
  fields: (t) => ({
    creditorReference: t.string({ required: true, description: 'Your reference. Submitting the same content again is safe (idempotent); other content under the same reference is refused.' }),
    currency: t.field({ type: 'CurrencyCode', required: false, defaultValue: 'EUR', description: 'Currency of the invoices; only EUR is collected.' }),
    debtor: t.field({ type: DebtorInput, required: true, description: 'Who owes.' }),
    claims: t.field({ type: [ClaimInput], required: true, description: 'The unpaid invoices (1 to 100). Several invoices of one debtor belong in one case: their principals are added up for the costs.' }),
  }),
});

builder.mutationField('caseSubmit', (t) =>
  t.field({
    type: CasePayloadRef,
    description:
      'Hands a debtor’s unpaid invoices over for collection. A consumer gets the statutory 14-day letter at once; a business debtor goes straight to reminders. Idempotent on creditorReference.',
    authScopes: { $all: { creditor: true, write: true } },
    args: { input: t.arg({ type: CaseSubmitInput, required: true, description: 'The case.' }) },
    resolve: async (_root, { input }, ctx) => toCasePayload(await submitCase(ctx, ctx.viewer, { ...input, currency: input.currency ?? 'EUR' })),
  }),
);

const CaseActionInput = builder.inputType('CaseActionInput', {
  description: 'A case and the reason for the action, kept on the timeline.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'The case’s global id.' }),
    reason: t.string({ required: true, description: 'Why, in a sentence (kept on the timeline).' }),
  }),
});

const SIMPLE_MUTATIONS: Record<string, { kind: SimpleCaseAction; description: string }> = {
  caseWithdraw: { kind: 'withdraw', description: 'Takes the case back from collection. Open arrangements are cancelled.' },
  caseDispute: { kind: 'dispute', description: 'Records that the debtor disputes the claim: every collection action pauses until the dispute is resolved.' },
  caseResolveDispute: { kind: 'resolveDispute', description: 'The dispute is settled in the creditor’s favour: collection resumes where it stopped.' },
};

for (const [name, { kind, description }] of Object.entries(SIMPLE_MUTATIONS)) {
  builder.mutationField(name, (t) =>
    t.field({
      type: CasePayloadRef,
      description,
      authScopes: { $all: { write: true, $any: { creditor: true, staff: true } } },
      args: { input: t.arg({ type: CaseActionInput, required: true, description: 'Which case, and why.' }) },
      resolve: async (_root, { input }, ctx) => {
        if (input.caseId.typename !== 'Case') return toCasePayload({ ok: false, errors: [{ code: 'CASE_NOT_FOUND', field: ['input', 'caseId'], message: 'No case with this id.' }] });
        const reason = input.reason.trim();
        if (reason.length === 0 || reason.length > 500) {
          return toCasePayload({ ok: false, errors: [{ code: 'INVALID_INPUT', field: ['input', 'reason'], message: 'reason must be 1-500 characters' }] });
        }
        return toCasePayload(await changeCaseStatus(ctx, ctx.viewer, kind, { caseId: input.caseId.id, reason }));
      },
    }),
  );
}
