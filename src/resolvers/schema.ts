import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
import { builder } from './builder';
import './index';

let built: GraphQLSchema | undefined;

/** The executable schema: an Apollo Federation 2 subgraph. Built once per process. */
export function buildSchema(): GraphQLSchema {
  built ??= builder.toSubGraphSchema({
    linkUrl: 'https://specs.apollo.dev/federation/v2.6',
    federationDirectives: ['@key', '@shareable'],
  });
  return built;
}

/** The SDL checked in at schema/schema.graphql: the subgraph's own types, sorted. */
export function printedSchema(): string {
  return printSubgraphSchema(lexicographicSortSchema(buildSchema())).trim() + '\n';
}

export { printSchema };
