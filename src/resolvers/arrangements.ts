import { builder } from './builder';
import { CaseErrorRef } from './user-errors';
import { acceptArrangement, proposeArrangement } from '../services/arrangements';
import type { CaseErrorCode, Result, UserError } from '../services/errors';

type ArrangementPayloadShape = { arrangementId: string | null; caseId: string | null; errors: UserError<CaseErrorCode>[] };

const ArrangementPayloadRef = builder.objectRef<ArrangementPayloadShape>('ArrangementPayload').implement({
  authScopes: { authenticated: true },
  description: 'The arrangement and its case after the action, or why it was refused.',
  fields: (t) => ({
    arrangement: t.prismaField({
      type: 'PaymentArrangement',
      nullable: true,
      description: 'The arrangement; null when refused.',
      resolve: (query, p, _a, ctx) => (p.arrangementId ? ctx.db.paymentArrangement.findUnique({ ...query, where: { id: p.arrangementId } }) : null),
    }),
    case: t.prismaField({
      type: 'Case',
      nullable: true,
      description: 'The case after the action.',
      resolve: (query, p, _a, ctx) => (p.caseId ? ctx.db.case.findUnique({ ...query, where: { id: p.caseId } }) : null),
    }),
    errors: t.field({ type: [CaseErrorRef], description: 'Why it was refused; empty on success.', resolve: (p) => p.errors }),
  }),
});

function toPayload(result: Result<{ arrangementId: string; caseId: string }, CaseErrorCode>): ArrangementPayloadShape {
  return result.ok ? { ...result.value, errors: [] } : { arrangementId: null, caseId: null, errors: result.errors };
}

const notFound = (field: string): Result<never, CaseErrorCode> => ({ ok: false, errors: [{ code: field === 'caseId' ? 'CASE_NOT_FOUND' : 'ARRANGEMENT_NOT_FOUND', field: ['input', field], message: 'Not found.' }] });

const ArrangementProposeInput = builder.inputType('ArrangementProposeInput', {
  description: 'A payment plan for today’s balance.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'The case’s global id.' }),
    instalmentCount: t.int({ required: true, description: 'Number of instalments, 1 to 60. Each must be at least 1.00.' }),
    firstDueOn: t.field({ type: 'Date', required: true, description: 'Due date of the first instalment; today or later.' }),
    intervalMonths: t.int({ required: false, description: 'Months between instalments, 1 to 12; default 1.' }),
    graceDays: t.int({ required: false, description: 'Days an instalment may be late before the plan is breached, 0 to 31; default 7.' }),
  }),
});

builder.mutationField('arrangementPropose', (t) =>
  t.field({
    type: ArrangementPayloadRef,
    description:
      'Proposes a payment plan covering today’s balance in equal instalments (the cents that do not divide go on the last). Replaces an earlier proposal not yet accepted.',
    authScopes: { $all: { write: true, $any: { creditor: true, staff: true } } },
    args: { input: t.arg({ type: ArrangementProposeInput, required: true, description: 'The plan.' }) },
    resolve: async (_root, { input }, ctx) =>
      toPayload(input.caseId.typename !== 'Case' ? notFound('caseId') : await proposeArrangement(ctx, ctx.viewer, { ...input, caseId: input.caseId.id })),
  }),
);

const ArrangementAcceptInput = builder.inputType('ArrangementAcceptInput', {
  description: 'Which proposal the debtor accepted.',
  fields: (t) => ({ arrangementId: t.globalID({ required: true, description: 'The arrangement’s global id.' }) }),
});

builder.mutationField('arrangementAccept', (t) =>
  t.field({
    type: ArrangementPayloadRef,
    description:
      'Records that the debtor accepted a proposed plan: collection pauses and interest is frozen at the proposal day while the plan is kept. An instalment unpaid past its grace period breaches it; collection then resumes with interest over the whole period.',
    authScopes: { $all: { write: true, $any: { creditor: true, staff: true } } },
    args: { input: t.arg({ type: ArrangementAcceptInput, required: true, description: 'The accepted proposal.' }) },
    resolve: async (_root, { input }, ctx) =>
      toPayload(
        input.arrangementId.typename !== 'PaymentArrangement'
          ? notFound('arrangementId')
          : await acceptArrangement(ctx, ctx.viewer, { arrangementId: input.arrangementId.id }),
      ),
  }),
);
