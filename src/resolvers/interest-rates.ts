import { builder } from './builder';
import { UserErrorRef } from './user-errors';
import { addInterestRate, type RateErrorCode } from '../services/interest-rates';
import type { UserError } from '../services/errors';

const InterestKindEnum = builder.enumType('InterestKind', {
  description: 'Which statutory interest applies.',
  values: {
    CONSUMER: { description: 'Wettelijke rente (art. 6:119 BW): consumers and non-commercial claims.' },
    COMMERCIAL: { description: 'Wettelijke handelsrente (art. 6:119a BW): commercial transactions.' },
  } as const,
});

builder.prismaObject('InterestRate', {
  description: 'A statutory interest rate and the day it took effect (art. 6:120 BW: it applies to running interest from then on).',
  authScopes: { authenticated: true },
  fields: (t) => ({
    kind: t.expose('kind', { type: InterestKindEnum, description: 'Consumer or commercial.' }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date', description: 'First day it applies.' }),
    ratePercent: t.expose('ratePercent', { type: 'Decimal', description: 'Percent per year, e.g. "10.15".' }),
  }),
});

builder.queryField('interestRates', (t) =>
  t.prismaField({
    type: ['InterestRate'],
    description: 'The statutory rates the hub computes with, oldest first. Rates marked [check] in the README are to be confirmed.',
    authScopes: { authenticated: true },
    resolve: (query, _r, _a, ctx) => ctx.db.interestRate.findMany({ ...query, orderBy: [{ kind: 'asc' }, { effectiveFrom: 'asc' }] }),
  }),
);

const RateErrorCodeEnum = builder.enumType('InterestRateErrorCode', {
  description: 'Why a rate was refused.',
  values: {
    INVALID_INPUT: { description: 'A field is malformed.' },
    ALREADY_EXISTS: { description: 'A rate of this kind from this day exists; rates are never overwritten.' },
  } satisfies Record<RateErrorCode, { description: string }>,
});

const RateErrorRef = builder.objectRef<UserError<RateErrorCode>>('InterestRateError').implement({
  description: 'Why a rate was refused.',
  interfaces: [UserErrorRef],
  authScopes: { staff: true },
  fields: (t) => ({ code: t.expose('code', { type: RateErrorCodeEnum, description: 'The reason.' }) }),
});

const RatePayload = builder.objectRef<{ rateId: string | null; errors: UserError<RateErrorCode>[] }>('InterestRateAddPayload').implement({
  description: 'The added rate, or why it was refused.',
  authScopes: { staff: true },
  fields: (t) => ({
    rate: t.prismaField({
      type: 'InterestRate', nullable: true, description: 'The new rate.',
      resolve: (query, p, _a, ctx) => (p.rateId ? ctx.db.interestRate.findUnique({ ...query, where: { id: p.rateId } }) : null),
    }),
    errors: t.field({ type: [RateErrorRef], description: 'Why it was refused; empty on success.', resolve: (p) => p.errors }),
  }),
});

const RateInput = builder.inputType('InterestRateAddInput', {
  description: 'A newly published statutory rate.',
  fields: (t) => ({
    kind: t.field({ type: InterestKindEnum, required: true, description: 'Consumer or commercial.' }),
    effectiveFrom: t.field({ type: 'Date', required: true, description: 'First day it applies (usually 1 January or 1 July).' }),
    ratePercent: t.field({ type: 'Decimal', required: true, description: 'Percent per year, e.g. "4.00".' }),
  }),
});

builder.mutationField('interestRateAdd', (t) =>
  t.field({
    type: RatePayload,
    description: 'Staff: adds a statutory interest rate as published. Interest on every case uses it from its effective day.',
    authScopes: { $all: { staff: true, write: true } },
    args: { input: t.arg({ type: RateInput, required: true, description: 'The rate.' }) },
    resolve: async (_r, { input }, ctx) => {
      const result = await addInterestRate(ctx, input);
      return result.ok ? { rateId: result.value.rateId, errors: [] } : { rateId: null, errors: result.errors };
    },
  }),
);
