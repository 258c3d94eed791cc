import { GraphQLError } from 'graphql';
import { builder } from './builder';
import { eur, MoneyRef } from './money';
import { DebtorKindEnum } from './case-parts';
import { InterestPeriodRef } from './statement';
import { dutchDate } from '../domain/dates';
import { MissingInterestRateError } from '../domain/interest';
import { estimateCosts, type Estimate } from '../services/estimate';
import type { WikTerm } from '../domain/wik-letter';
import type { CollectionCostsSlice } from '../domain/collection-costs';

const CostSliceRef = builder.objectRef<CollectionCostsSlice>('CostSlice').implement({
  authScopes: { authenticated: true },
  description: 'One slice of the BIK staffel (Besluit vergoeding buitengerechtelijke incassokosten, art. 2).',
  fields: (t) => ({
    from: t.field({ type: MoneyRef, description: 'Start of the slice of principal.', resolve: (s) => eur(s.from) }),
    to: t.field({ type: MoneyRef, nullable: true, description: 'End of the slice; null for the open top slice.', resolve: (s) => (s.to ? eur(s.to) : null) }),
    ratePercent: t.field({ type: 'Decimal', description: 'The percentage charged on this slice.', resolve: (s) => s.rate.times(100) }),
    amount: t.field({ type: MoneyRef, description: 'Costs from this slice (before the €40 minimum and €6,775 maximum).', resolve: (s) => eur(s.amount) }),
  }),
});

const WikTermRef = builder.objectRef<WikTerm>('WikTerm').implement({
  authScopes: { authenticated: true },
  description:
    'The 14-day term of the statutory letter (art. 6:96 lid 6 BW, HR 25-11-2016): delivery assumed on the 2nd day after posting (Sundays, Mondays and public holidays incl. Good Friday do not count), 14 days from the day after delivery, extended past a weekend or holiday (Algemene termijnenwet).',
  fields: (t) => ({
    postedOn: t.field({ type: 'Date', description: 'Day of posting.', resolve: (w) => w.postedOn }),
    deliveredOn: t.field({ type: 'Date', description: 'Assumed day of receipt.', resolve: (w) => w.deliveredOn }),
    termStartsOn: t.field({ type: 'Date', description: 'First day of the 14 days.', resolve: (w) => w.termStartsOn }),
    termEndsOn: t.field({ type: 'Date', description: 'The 14th day: the date to state in the letter (or later).', resolve: (w) => w.termEndsOn }),
    extendedTermEndsOn: t.field({ type: 'Date', description: 'The last day the debtor can pay without costs, after extension past weekends and holidays.', resolve: (w) => w.extendedTermEndsOn }),
  }),
});

const CostEstimateRef = builder.objectRef<Estimate>('CostEstimate').implement({
  authScopes: { authenticated: true },
  description: 'What a debt will cost the debtor if it goes to collection.',
  fields: (t) => ({
    principal: t.field({ type: MoneyRef, description: 'The invoices added up.', resolve: (e) => eur(e.principal) }),
    costs: t.field({ type: MoneyRef, description: 'Collection costs before VAT: the staffel, at least €40, at most €6,775.', resolve: (e) => eur(e.costs.costs) }),
    vat: t.field({ type: MoneyRef, description: 'VAT on the costs (only when the creditor cannot deduct VAT).', resolve: (e) => eur(e.costs.vat) }),
    costsTotal: t.field({ type: MoneyRef, description: 'Costs including VAT: the amount a 14-day letter must announce.', resolve: (e) => eur(e.costs.total) }),
    costSlices: t.field({ type: [CostSliceRef], description: 'How the staffel adds up.', resolve: (e) => e.costs.slices }),
    interest: t.field({ type: MoneyRef, description: 'Statutory interest up to interestUntil.', resolve: (e) => eur(e.interest) }),
    interestPeriods: t.field({ type: [InterestPeriodRef], description: 'How the interest adds up, per invoice and rate.', resolve: (e) => e.interestPeriods }),
    total: t.field({ type: MoneyRef, description: 'Principal + costs (incl. VAT) + interest.', resolve: (e) => eur(e.total) }),
    wikTerm: t.field({ type: WikTermRef, nullable: true, description: 'For a consumer: the term of a 14-day letter posted on letterPostedOn.', resolve: (e) => e.wikTerm }),
    costsChargeableFrom: t.field({ type: 'Date', description: 'The first day costs may be charged: after the 14-day term (consumer) or after the due date (business).', resolve: (e) => e.costsChargeableFrom }),
  }),
});

const EstimateClaimInput = builder.inputType('EstimateClaimInput', {
  description: 'An invoice to estimate for.',
  fields: (t) => ({
    amount: t.field({ type: 'Decimal', required: true, description: 'Unpaid amount.' }),
    dueDate: t.field({ type: 'Date', required: true, description: 'Last day for payment; interest runs from the day after.' }),
  }),
});

const CostEstimateInput = builder.inputType('CostEstimateInput', {
  description: 'The debt to estimate.',
  fields: (t) => ({
    debtorKind: t.field({ type: DebtorKindEnum, required: true, description: 'Consumer or business.' }),
    claims: t.field({ type: [EstimateClaimInput], required: true, description: 'The invoices; their principals are added up for the costs.' }),
    vatDeductible: t.boolean({ required: false, description: 'Whether the creditor can deduct VAT; default your own setting (staff: true).' }),
    interestUntil: t.field({ type: 'Date', required: false, description: 'Compute interest up to (not including) this day; default today.' }),
    letterPostedOn: t.field({ type: 'Date', required: false, description: 'Consumer: the day a 14-day letter would be posted; default today.' }),
  }),
});

builder.queryField('costEstimate', (t) =>
  t.field({
    type: CostEstimateRef,
    description: 'Estimates collection costs, VAT, statutory interest and the 14-day term without creating a case.',
    authScopes: { $any: { creditor: true, staff: true } },
    args: { input: t.arg({ type: CostEstimateInput, required: true, description: 'The debt.' }) },
    resolve: async (_root, { input }, ctx) => {
      const today = dutchDate(ctx.clock.now());
      const vatDeductible =
        input.vatDeductible ??
        (ctx.viewer.kind === 'CREDITOR' ? (await ctx.db.creditor.findUniqueOrThrow({ where: { id: ctx.viewer.creditorId } })).vatDeductible : true);
      try {
        const result = estimateCosts(
          { debtorKind: input.debtorKind, claims: input.claims, vatDeductible, interestUntil: input.interestUntil ?? today, letterPostedOn: input.letterPostedOn ?? today },
          await ctx.interestRates(),
          ctx.config.vatRatePercent,
          today,
        );
        if (!result.ok) {
          const e = result.errors[0];
          throw new GraphQLError(`${e.field?.join('.')}: ${e.message}`, { extensions: { code: 'BAD_USER_INPUT', field: e.field } });
        }
        return result.value;
      } catch (err) {
        if (err instanceof MissingInterestRateError) {
          throw new GraphQLError(`input.claims: no statutory interest rate is known for ${err.date}`, { extensions: { code: 'BAD_USER_INPUT' } });
        }
        throw err;
      }
    },
  }),
);
