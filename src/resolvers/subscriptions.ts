import { GraphQLError } from 'graphql';
import { builder } from './builder';
import { CaseEventRef } from './case-parts';
import { CaseStatusEnum } from './cases';
import { visibleCases } from '../auth/visibility';
import type { Context } from '../context';
import type { CaseStatus } from '../domain/case-state';
import { CaseEventStream, type EventFilter } from '../events/stream';
import type { CaseEvent } from '../generated/prisma/client';
import { CASE_EVENT_TYPES, type CaseEventType } from '../services/case-events';

/** Live updates over graphql-ws. The README's "Live events" section shows how to resume. */

const EVENT_TYPE_DESCRIPTIONS: Record<CaseEventType, string> = {
  CASE_SUBMITTED: 'The case was handed over.',
  WIK_NOTICE_SENT: 'The statutory 14-day letter went to a consumer debtor.',
  WIK_TERM_EXPIRED: 'The 14-day term passed unpaid: collection costs became due.',
  COSTS_ADJUSTED: 'The collection costs were worked out again, e.g. after a payment made within the 14-day term was reported late.',
  REMINDER_SENT: 'A payment reminder went out.',
  PAYMENT_RECORDED: 'A payment was recorded.',
  CASE_PAID: 'The balance reached zero.',
  ARRANGEMENT_PROPOSED: 'A payment arrangement was proposed.',
  ARRANGEMENT_ACCEPTED: 'The debtor accepted a payment arrangement.',
  ARRANGEMENT_BREACHED: 'An instalment stayed unpaid past its grace period: collection resumed.',
  ARRANGEMENT_COMPLETED: 'Every instalment of an arrangement was paid.',
  CASE_DISPUTED: 'The debtor disputes the claim: collection pauses.',
  DISPUTE_RESOLVED: 'The dispute was settled: collection resumed.',
  CASE_WITHDRAWN: 'The creditor took the case back.',
  PARTNER_ASSIGNED: 'The case was handed to a partner agency, bailiff or lawyer.',
};

const CaseEventTypeEnum = builder.enumType('CaseEventType', {
  description: 'Kinds of case event, for filtering subscriptions. CaseEvent.type holds the same names.',
  values: Object.fromEntries(CASE_EVENT_TYPES.map((t) => [t, { description: EVENT_TYPE_DESCRIPTIONS[t] }])) as Record<CaseEventType, { description: string }>,
});

const statusOf = (e: CaseEvent, key: 'fromStatus' | 'toStatus') => (e.payload as Record<string, unknown>)[key] as CaseStatus;

const CaseStatusChangeRef = builder.objectRef<CaseEvent>('CaseStatusChange').implement({
  authScopes: { authenticated: true },
  description: 'A case moved from one status to another.',
  fields: (t) => ({
    sequence: t.string({
      description: 'The position of the change among all case events (a 64-bit integer as a string). Pass the last one you received as `after` to resume.',
      resolve: (e) => e.id.toString(),
    }),
    fromStatus: t.field({ type: CaseStatusEnum, description: 'The status before.', resolve: (e) => statusOf(e, 'fromStatus') }),
    toStatus: t.field({ type: CaseStatusEnum, description: 'The status after.', resolve: (e) => statusOf(e, 'toStatus') }),
    cause: t.string({ description: 'The event that changed it, e.g. CASE_WITHDRAWN or WIK_TERM_EXPIRED (see CaseEventType).', resolve: (e) => e.type }),
    occurredAt: t.field({ type: 'DateTime', description: 'When it changed.', resolve: (e) => e.occurredAt }),
    case: t.prismaField({
      type: 'Case',
      nullable: true,
      description: 'The case as it is now, which may be further along than toStatus; null once you may no longer see it.',
      resolve: (query, e, _args, ctx) => ctx.db.case.findFirst({ ...query, where: { id: e.caseId, AND: [visibleCases(ctx.viewer)] } }),
    }),
  }),
});

builder.subscriptionType({
  description:
    'Live updates over graphql-ws on /graphql (key in connectionParams.authorization). Pass `after` with the last sequence you received to get everything you missed first, then live events: nothing lost, nothing twice.',
});

const MAX_FILTER_ITEMS = 100;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseAfter(after: string | null | undefined): bigint | undefined {
  if (after === null || after === undefined) return undefined;
  if (!/^\d{1,19}$/.test(after)) throw badInput('after must be a sequence as received (digits only), e.g. "1042".');
  return BigInt(after);
}

function caseFilter(ids: readonly { typename: string; id: string }[] | null | undefined): Set<string> | undefined {
  if (!ids) return undefined;
  if (ids.length === 0 || ids.length > MAX_FILTER_ITEMS) throw badInput(`caseIds takes 1 to ${MAX_FILTER_ITEMS} case ids; leave it out for all your cases.`);
  if (ids.some((g) => g.typename !== 'Case')) throw badInput('caseIds takes case ids only.');
  return new Set(ids.map((g) => g.id));
}

function follow(ctx: Context, filter: EventFilter, after: string | null | undefined): CaseEventStream {
  return new CaseEventStream({
    db: ctx.db,
    hub: ctx.events.hub,
    logger: ctx.logger,
    viewer: ctx.viewer,
    filter,
    after: parseAfter(after),
    options: { bufferSize: ctx.events.options.bufferSize, pageSize: ctx.events.options.replayPageSize },
    socket: ctx.socket,
  });
}

builder.subscriptionField('caseEvents', (t) =>
  t.field({
    type: CaseEventRef,
    description:
      'Every new event on your cases, in sequence order, as it commits. With `after`, first every event after that sequence (from storage), then live ones, with no gap and no repeat. A client that reads too slowly is disconnected with close code 4008 and resumes with `after`. Not for partner keys (they follow caseStatusChanged).',
    authScopes: { $any: { creditor: true, staff: true } },
    args: {
      caseIds: t.arg.globalIDList({ required: false, description: 'Only these cases (1 to 100 case ids). Cases you cannot see never produce events. Default: all your cases.' }),
      types: t.arg({ type: [CaseEventTypeEnum], required: false, description: 'Only these kinds of event. Default: all.' }),
      after: t.arg.string({ required: false, description: 'The sequence of the last event you received: replay everything after it first. Leave out to start with the next new event.' }),
    },
    subscribe: (_root, args, ctx) => {
      if (args.types && (args.types.length === 0 || args.types.length > MAX_FILTER_ITEMS)) throw badInput('types takes at least one event type; leave it out for all.');
      return follow(ctx, { caseIds: caseFilter(args.caseIds), types: args.types ? new Set(args.types) : undefined }, args.after);
    },
    resolve: (event) => event,
  }),
);

builder.subscriptionField('caseStatusChanged', (t) =>
  t.field({
    type: CaseStatusChangeRef,
    description:
      'Each time one of your cases (for partner keys: one assigned to you) moves to another status, in sequence order. `after` resumes exactly as for caseEvents.',
    authScopes: { authenticated: true },
    args: {
      caseIds: t.arg.globalIDList({ required: false, description: 'Only these cases (1 to 100 case ids). Cases you cannot see never produce changes. Default: all your cases.' }),
      after: t.arg.string({ required: false, description: 'The sequence of the last change you received: replay the changes after it first. Leave out to start with the next one.' }),
    },
    subscribe: (_root, args, ctx) => follow(ctx, { caseIds: caseFilter(args.caseIds), statusChanges: true }, args.after),
    resolve: (event) => event,
  }),
);
