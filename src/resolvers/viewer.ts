import { builder } from './builder';
import type { Viewer as ViewerShape } from '../auth/viewer';
import { visibleCreditors } from '../auth/visibility';
import { KeyKindEnum, ScopeEnum } from './access';

export const ViewerRef = builder.objectRef<Exclude<ViewerShape, { kind: 'ANONYMOUS' }>>('Viewer').implement({
  authScopes: { authenticated: true },
  description: 'The caller, as identified by its API key.',
  fields: (t) => ({
    kind: t.field({ type: KeyKindEnum, description: 'Creditor, partner or staff.', resolve: (v) => v.kind }),
    scopes: t.field({
      type: [ScopeEnum],
      description: 'The scopes granted to the key.',
      resolve: (v) => [...v.scopes],
    }),
    creditor: t.prismaField({
      type: 'Creditor',
      nullable: true,
      description: 'The creditor this key belongs to, for creditor keys.',
      resolve: (query, v, _args, ctx) =>
        v.kind === 'CREDITOR' ? ctx.db.creditor.findUnique({ ...query, where: { id: v.creditorId } }) : null,
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: 'Who you are: the kind of key, its scopes and its creditor. Null without a key.',
    authScopes: { public: true },
    resolve: (_root, _args, ctx) => (ctx.viewer.kind === 'ANONYMOUS' ? null : ctx.viewer),
  }),
);

builder.prismaNode('Creditor', {
  id: { field: 'id' },
  description: 'A client of the agency whose unpaid invoices are collected.',
  findUnique: (id, ctx) => ({ id, AND: [visibleCreditors(ctx.viewer)] }),
  authScopes: { $any: { creditor: true, staff: true } },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The creditor’s trading name.' }),
    vatDeductible: t.exposeBoolean('vatDeductible', {
      description: 'Whether the creditor can deduct VAT. When false, 21% VAT is added to collection costs charged to debtors.',
    }),
  }),
});
