import { builder } from './builder';
import { eur, MoneyRef } from './money';
import { visibleCaseInternals, visibleCases } from '../auth/visibility';

/** Objects that hang off a case. Each is reachable only through a case the viewer may see. */

export const DebtorKindEnum = builder.enumType('DebtorKind', {
  description: 'Consumer or business: decides the 14-day letter, the costs and the interest kind.',
  values: {
    CONSUMER: { description: 'A natural person not acting for a business: gets the statutory 14-day letter first; wettelijke rente (6:119 BW).' },
    BUSINESS: { description: 'A company or a person acting for a business: no letter needed; wettelijke handelsrente (6:119a BW).' },
  } as const,
});

builder.prismaNode('Debtor', {
  authScopes: { authenticated: true },
  id: { field: 'id' },
  description: 'The person or company that owes, as the creditor described it when submitting the case.',
  findUnique: (id, ctx) => ({ id, cases: { some: visibleCases(ctx.viewer) } }),
  fields: (t) => ({
    kind: t.expose('kind', { type: DebtorKindEnum, description: 'Consumer or business.' }),
    name: t.exposeString('name', { description: 'Full name or company name.' }),
    addressLine: t.exposeString('addressLine', { nullable: true, description: 'Street and number.' }),
    postalCode: t.exposeString('postalCode', { nullable: true, description: 'Postal code.' }),
    city: t.exposeString('city', { nullable: true, description: 'City.' }),
    countryCode: t.expose('countryCode', { type: 'CountryCode', description: 'Country of residence or establishment.' }),
    languageCode: t.exposeString('languageCode', { description: 'Language for communications (ISO 639-1), e.g. "nl".' }),
    email: t.exposeString('email', { nullable: true, description: 'E-mail address, if known.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Phone number, if known.' }),
  }),
});

builder.prismaNode('Claim', {
  authScopes: { authenticated: true },
  id: { field: 'id' },
  description: 'One unpaid invoice in a case.',
  findUnique: (id, ctx) => ({ id, case: visibleCases(ctx.viewer) }),
  fields: (t) => ({
    invoiceNumber: t.exposeString('invoiceNumber', { description: 'The creditor’s invoice number, unique within the case.' }),
    invoiceDate: t.expose('invoiceDate', { type: 'Date', description: 'The day the invoice was issued.' }),
    dueDate: t.expose('dueDate', { type: 'Date', description: 'The last day for payment; interest runs from the day after.' }),
    amount: t.field({ type: MoneyRef, description: 'The invoice amount (principal).', resolve: (c) => eur(c.amount) }),
    description: t.exposeString('description', { nullable: true, description: 'What the invoice was for.' }),
  }),
});

const PaymentSourceEnum = builder.enumType('PaymentSource', {
  description: 'Who received the money.',
  values: {
    DEBTOR_TO_AGENCY: { description: 'Paid by the debtor to the agency.' },
    CREDITOR_DIRECT: { description: 'Paid by the debtor to the creditor directly, reported by the creditor.' },
    PARTNER_REMITTANCE: { description: 'Collected and remitted by a partner agency or bailiff.' },
  } as const,
});

builder.prismaNode('Payment', {
  authScopes: { authenticated: true },
  id: { field: 'id' },
  description: 'Money received on a case. Where it went is in the case statement.',
  findUnique: (id, ctx) => ({ id, case: visibleCases(ctx.viewer) }),
  fields: (t) => ({
    amount: t.field({ type: MoneyRef, description: 'Amount received.', resolve: (p) => eur(p.amount) }),
    receivedOn: t.expose('receivedOn', { type: 'Date', description: 'The day the money was received.' }),
    source: t.expose('source', { type: PaymentSourceEnum, description: 'Who received it.' }),
    externalReference: t.exposeString('externalReference', { description: 'The reference of whoever reported it; the same reference twice is one payment.' }),
    designatedClaim: t.relation('designatedClaim', {
      nullable: true,
      description: 'The invoice the debtor said it pays (art. 6:43 lid 1 BW), if any.',
    }),
    recordedAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was recorded here.' }),
  }),
});

const CommunicationKindEnum = builder.enumType('CommunicationKind', {
  description: 'What was sent.',
  values: {
    WIK_NOTICE: { description: 'The statutory 14-day letter (art. 6:96 lid 6 BW), consumers only.' },
    REMINDER: { description: 'A payment reminder ("aanmaning").' },
    ARRANGEMENT_CONFIRMATION: { description: 'Confirmation of a payment arrangement.' },
  } as const,
});

const ChannelEnum = builder.enumType('CommunicationChannel', {
  description: 'How it was sent.',
  values: {
    LETTER: { description: 'By post.' },
    EMAIL: { description: 'By e-mail.' },
    SMS: { description: 'By text message.' },
    PHONE: { description: 'By phone.' },
  } as const,
});

builder.prismaNode('Communication', {
  authScopes: { $any: { creditor: true, staff: true } },
  id: { field: 'id' },
  description: 'A letter or message sent to the debtor.',
  findUnique: (id, ctx) => ({ id, case: visibleCaseInternals(ctx.viewer) }),
  fields: (t) => ({
    kind: t.expose('kind', { type: CommunicationKindEnum, description: 'What was sent.' }),
    channel: t.expose('channel', { type: ChannelEnum, description: 'How.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', description: 'When it was sent.' }),
    postedOn: t.expose('postedOn', { type: 'Date', nullable: true, description: 'For letters: the day of posting.' }),
    termEndsOn: t.expose('termEndsOn', {
      type: 'Date',
      nullable: true,
      description:
        '14-day letter: the last day the debtor can pay without costs. Delivery is assumed on the 2nd day after posting (Sundays, Mondays and holidays not counted), the 14 days run from the day after, and a term ending on a weekend or holiday runs on to the next working day (Algemene termijnenwet).',
    }),
    costsAnnounced: t.field({
      type: MoneyRef,
      nullable: true,
      description: '14-day letter: the collection costs it announces if the term passes unpaid (VAT included where it applies).',
      resolve: (c) => (c.costsAnnounced ? eur(c.costsAnnounced) : null),
    }),
  }),
});

const ArrangementStatusEnum = builder.enumType('ArrangementStatus', {
  description: 'Where a payment arrangement stands.',
  values: {
    PROPOSED: { description: 'Offered, not yet accepted.' },
    ACTIVE: { description: 'Accepted and being kept: collection waits, interest is frozen at the proposal day.' },
    BREACHED: { description: 'An instalment was unpaid past its grace period: collection resumed, interest runs again over the whole period.' },
    COMPLETED: { description: 'Everything paid.' },
    CANCELLED: { description: 'Replaced by a new proposal, or the case was withdrawn.' },
  } as const,
});

builder.prismaObject('Instalment', {
  authScopes: { $any: { creditor: true, staff: true } },
  description: 'One instalment of a payment arrangement.',
  fields: (t) => ({
    sequence: t.exposeInt('sequence', { description: '1 for the first instalment.' }),
    dueOn: t.expose('dueOn', { type: 'Date', description: 'The day it is due.' }),
    amount: t.field({ type: MoneyRef, description: 'Amount due.', resolve: (i) => eur(i.amount) }),
    paid: t.field({ type: MoneyRef, description: 'Paid towards it so far.', resolve: (i) => eur(i.paidAmount) }),
  }),
});

builder.prismaNode('PaymentArrangement', {
  authScopes: { $any: { creditor: true, staff: true } },
  id: { field: 'id' },
  description: 'A payment plan ("betalingsregeling"): the balance split into instalments.',
  findUnique: (id, ctx) => ({ id, case: visibleCaseInternals(ctx.viewer) }),
  fields: (t) => ({
    status: t.expose('status', { type: ArrangementStatusEnum, description: 'Where it stands.' }),
    total: t.field({ type: MoneyRef, description: 'The balance the plan covers (as on the proposal day).', resolve: (a) => eur(a.totalAmount) }),
    graceDays: t.exposeInt('graceDays', { description: 'Days an instalment may be late before the plan is breached.' }),
    proposedAt: t.expose('proposedAt', { type: 'DateTime', description: 'When it was proposed.' }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true, description: 'When it was accepted.' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true, description: 'When it was completed, breached or cancelled.' }),
    instalments: t.relation('instalments', { description: 'The instalments, first due first.', query: { orderBy: { sequence: 'asc' } } }),
  }),
});

const ActorKindEnum = builder.enumType('ActorKind', {
  description: 'Who caused an event.',
  values: {
    CREDITOR: { description: 'A creditor key.' },
    PARTNER: { description: 'A partner key.' },
    STAFF: { description: 'Agency staff.' },
    SYSTEM: { description: 'The hub itself (time-driven workflow steps).' },
  } as const,
});

export const CaseEventRef = builder.prismaNode('CaseEvent', {
  authScopes: { $any: { creditor: true, staff: true } },
  id: { resolve: (e) => e.id.toString() },
  description: 'One entry of a case timeline. Append-only; the sequence orders all events of all cases.',
  findUnique: (id, ctx) => ({ id: BigInt(/^\d{1,19}$/.test(id) ? id : '0'), case: visibleCaseInternals(ctx.viewer) }),
  fields: (t) => ({
    sequence: t.string({ description: 'Global, increasing position of the event (a 64-bit integer as a string); resume subscriptions after it.', resolve: (e) => e.id.toString() }),
    type: t.exposeString('type', { description: 'What happened, e.g. CASE_SUBMITTED, WIK_NOTICE_SENT, PAYMENT_RECORDED, CASE_PAID.' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When it happened.' }),
    actorKind: t.expose('actorKind', { type: ActorKindEnum, description: 'Who caused it.' }),
    actorKey: t.prismaField({
      type: 'ApiKey',
      nullable: true,
      description: 'Audit trail: the key that made the change (its prefix and label), for staff and the owning creditor; null for the hub’s own steps.',
      authScopes: { $any: { creditor: true, staff: true } },
      resolve: (_query, e, _args, ctx) => (e.actorKeyId ? ctx.apiKeys.load(e.actorKeyId) : null),
    }),
    data: t.string({ description: 'The event details as a JSON object (amounts as strings, dates as YYYY-MM-DD).', resolve: (e) => JSON.stringify(e.payload) }),
  }),
});
