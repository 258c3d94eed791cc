import { builder } from './builder';
import { PaymentErrorRef } from './user-errors';
import { recordPayment } from '../services/payments';
import type { PaymentErrorCode, UserError } from '../services/errors';

type PaymentPayloadShape = { paymentId: string | null; caseId: string | null; replayed: boolean; errors: UserError<PaymentErrorCode>[] };

const PaymentPayloadRef = builder.objectRef<PaymentPayloadShape>('PaymentRecordPayload').implement({
  authScopes: { authenticated: true },
  description: 'The recorded payment and the case after it, or why it was refused.',
  fields: (t) => ({
    payment: t.prismaField({
      type: 'Payment',
      nullable: true,
      description: 'The payment; null when refused.',
      resolve: (query, p, _a, ctx) => (p.paymentId ? ctx.db.payment.findUnique({ ...query, where: { id: p.paymentId } }) : null),
    }),
    case: t.prismaField({
      type: 'Case',
      nullable: true,
      description: 'The case after the payment (its balance, and status PAID when nothing is owed any more).',
      resolve: (query, p, _a, ctx) => (p.caseId ? ctx.db.case.findUnique({ ...query, where: { id: p.caseId } }) : null),
    }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this payment was already recorded under the same reference; nothing changed.' }),
    errors: t.field({ type: [PaymentErrorRef], description: 'Why it was refused; empty on success.', resolve: (p) => p.errors }),
  }),
});

const PaymentRecordInput = builder.inputType('PaymentRecordInput', {
  description: 'A payment the debtor made to you directly.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'The case’s global id.' }),
    amount: t.field({ type: 'Decimal', required: true, description: 'Amount received, more than 0.00.' }),
    receivedOn: t.field({ type: 'Date', required: true, description: 'The day you received it; not in the future.' }),
    externalReference: t.string({ required: true, description: 'Your reference for the payment (e.g. bank transaction id). Recording it again is safe.' }),
    invoiceNumber: t.string({ required: false, description: 'The invoice the debtor said it pays, if it said (art. 6:43 lid 1 BW).' }),
  }),
});

builder.mutationField('paymentRecord', (t) =>
  t.field({
    type: PaymentPayloadRef,
    description:
      'Records a payment the debtor made to you directly, so the agency stops collecting what is paid. It goes to costs, then interest, then principal (art. 6:44 BW). A zero balance closes the case as PAID. Idempotent on externalReference.',
    authScopes: { $all: { write: true, $any: { creditor: true, staff: true } } },
    args: { input: t.arg({ type: PaymentRecordInput, required: true, description: 'The payment.' }) },
    resolve: async (_root, { input }, ctx) => {
      const caseId = input.caseId.typename === 'Case' ? input.caseId.id : '';
      const result = await recordPayment(ctx, ctx.viewer, { ...input, caseId });
      return result.ok
        ? { ...result.value, errors: [] }
        : { paymentId: null, caseId: null, replayed: false, errors: result.errors };
    },
  }),
);
