import SchemaBuilder from '@pothos/core';
import { GraphQLError } from 'graphql';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type PrismaTypes from '../generated/pothos-prisma-types';
import { getDatamodel } from '../generated/pothos-prisma-types';
import { hasScope } from '../auth/viewer';
import type { Context } from '../context';
import type { Money } from '../domain/money';
import type { CalendarDate } from '../domain/dates';

/** Page sizes; depth and complexity limits come from config (MAX_DEPTH, MAX_COMPLEXITY). */
export const LIMITS = { maxPageSize: 100, defaultPageSize: 20 };

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  AuthScopes: {
    public: boolean;
    authenticated: boolean;
    creditor: boolean;
    partner: boolean;
    staff: boolean;
    write: boolean;
    admin: boolean;
  };
  Scalars: {
    Decimal: { Input: string; Output: Money | string };
    Date: { Input: CalendarDate; Output: CalendarDate | Date };
    DateTime: { Input: Date; Output: Date };
    CountryCode: { Input: string; Output: string };
    CurrencyCode: { Input: string; Output: string };
  };
}>({
  defaultFieldNullability: false,
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    PrismaPlugin,
    RelayPlugin,
    ValidationPlugin,
    ComplexityPlugin,
    DirectivesPlugin,
    FederationPlugin,
  ],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      public: true,
      authenticated: ctx.viewer.kind !== 'ANONYMOUS',
      creditor: ctx.viewer.kind === 'CREDITOR',
      partner: ctx.viewer.kind === 'PARTNER',
      staff: ctx.viewer.kind === 'STAFF',
      write: hasScope(ctx.viewer, 'write'),
      admin: hasScope(ctx.viewer, 'admin'),
    }),
  },
  errors: { defaultTypes: [] },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
    maxConnectionSize: LIMITS.maxPageSize,
    defaultConnectionSize: LIMITS.defaultPageSize,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: { description: 'An object with a globally unique, opaque id.' },
    pageInfoTypeOptions: { description: 'Where a page of a connection starts and ends.', authScopes: { authenticated: true } },
    nodeQueryOptions: {
      description: 'Fetches any object by its global id. An object you may not see answers null, exactly like one that does not exist.',
      nullable: true,
      authScopes: { authenticated: true },
      // Node loading throws "not found" for ids filtered out by the tenant walls; answer null,
      // exactly as for an id that never existed.
      resolve: async (_root, { id }, _ctx, _info, resolveNode) => {
        try {
          return await resolveNode(id);
        } catch (err) {
          if ((err as { code?: string }).code === 'P2025') return null;
          throw err;
        }
      },
    },
    nodesQueryOptions: false,
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: (ctx) => ctx.config.queryLimits,
    complexityError: (kind, result) =>
      new GraphQLError(
        `The query is too ${kind === 'Depth' ? 'deep' : kind === 'Breadth' ? 'broad' : 'complex'}: ${kind.toLowerCase()} ${result[kind.toLowerCase() as 'depth']} exceeds the limit of ${result[`max${kind}` as 'maxDepth']}. Ask for less per request, or page with smaller first/last.`,
        { extensions: { code: 'QUERY_TOO_COMPLEX' } },
      ),
  },
});
