import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for every documented operation in schema/operations. Tests import them, and
 * portal teams can point the same config at their own operations.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: 'schema/operations/*.graphql',
  generates: {
    'src/generated/operations.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumType: 'string-literal',
        scalars: { Decimal: 'string', Date: 'string', DateTime: 'string', CountryCode: 'string', CurrencyCode: 'string' },
        useTypeImports: true,
      },
    },
  },
};

export default config;
