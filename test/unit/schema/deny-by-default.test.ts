import { getNamedType, isInterfaceType, isObjectType, isUnionType, type GraphQLField, type GraphQLNamedType, type GraphQLObjectType } from 'graphql';
import { buildSchema } from '../../../src/resolvers/schema';

/**
 * Deny by default: nothing ships without an auth rule. Every root field, and every object type
 * reachable from one, must declare authScopes; a new field or type without one fails here.
 */
const schema = buildSchema();
const FEDERATION_ROOTS = new Set(['_service', '_entities']);
const GRAPHQL_BUILTIN = /^__/;

function authRule(config: { extensions?: Record<string, unknown> | null }): unknown {
  const options = config.extensions?.pothosOptions as { authScopes?: unknown; skipTypeScopes?: unknown } | undefined;
  return options?.authScopes;
}

function rootFields(): [string, GraphQLField<unknown, unknown>][] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
    .filter((t): t is GraphQLObjectType => Boolean(t))
    .flatMap((type) => Object.values(type.getFields()).map((f) => [`${type.name}.${f.name}`, f] as [string, GraphQLField<unknown, unknown>]))
    .filter(([name]) => !FEDERATION_ROOTS.has(name.split('.')[1]));
}

function reachableObjectTypes(): Map<string, GraphQLObjectType> {
  const seen = new Map<string, GraphQLObjectType>();
  const visit = (type: GraphQLNamedType) => {
    if (GRAPHQL_BUILTIN.test(type.name)) return;
    const members: GraphQLNamedType[] = isUnionType(type) ? [...type.getTypes()] : isInterfaceType(type) ? [...schema.getPossibleTypes(type)] : [];
    if (isObjectType(type)) {
      if (seen.has(type.name)) return;
      seen.set(type.name, type);
      for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
    }
    members.forEach(visit);
  };
  for (const [, field] of rootFields()) visit(getNamedType(field.type));
  return seen;
}

describe('deny by default', () => {
  it.each(rootFields())('root field %s has an auth rule', (_name, field) => {
    expect(authRule(field)).toBeDefined();
  });

  it('every object type reachable from a root field has an auth rule', () => {
    const missing = [...reachableObjectTypes().values()].filter((t) => authRule(t) === undefined).map((t) => t.name);
    expect(missing).toEqual([]);
  });

  it('walks a real schema (the check is not vacuous)', () => {
    expect(rootFields().length).toBeGreaterThan(10);
    expect(reachableObjectTypes().has('Case')).toBe(true);
  });
});
