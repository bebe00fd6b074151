import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed document nodes for every client in this repository, from the committed schema.
// `npm run codegen` writes them; `npm run codegen:check` (part of `npm test`) fails when the
// committed files differ from what the schema and the operations produce.
const client = {
  plugins: ['typescript-operations', 'typed-document-node'],
  config: {
    enumsAsTypes: true,
    useTypeImports: true,
    // A selected field is always present in the answer (null when it has no value).
    avoidOptionals: { field: true, object: true, inputValue: false, defaultValue: false },
  },
} as const;

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  generates: {
    'web/src/explorer/operations.generated.ts': { ...client, documents: 'web/src/explorer/operations.graphql' },
    'examples/apollo-client/operations.generated.ts': {
      ...client,
      documents: 'examples/apollo-client/operations.graphql',
    },
  },
};

export default config;
