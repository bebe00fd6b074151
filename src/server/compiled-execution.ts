import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  execute,
  GraphQLError,
  isAbstractType,
  visit,
  BREAK,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LruCache } from '../lru-cache';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type GatewayRequest = Parameters<GatewayExecutor>[0]['request'];
type Result = ExecutionResult<Record<string, unknown>>;

/**
 * graphql-jit's errors are GraphQLErrors without `extensions` when their cause has none, which
 * Apollo's error handling reads; graphql-js would always set them. The same error as graphql-js
 * builds it, with graphql-jit's locations (it keeps no AST nodes on its errors).
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
  return Object.assign(rebuilt, { locations: error.locations });
}

/** Whether `document` uses @skip or @include anywhere (fragments included). */
function hasConditions(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === 'skip' || node.name.value === 'include') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * graphql-jit answers a field left out by @skip/@include as a key holding undefined, where
 * graphql-js leaves the key out. JSON drops such keys on the wire; in process (tests, plugins
 * reading the result) they would still show, so they are removed.
 */
function dropUndefined(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) dropUndefined(item);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (record[key] === undefined) delete record[key];
      else dropUndefined(record[key]);
    }
  }
}

const synchronous = new WeakSet<GraphQLTypeResolver<unknown, unknown>>();

/**
 * graphql-jit calls an abstract type's resolveType synchronously, while type-graphql wraps every
 * declared resolveType in an async function, whose promise graphql-jit cannot read. Rows read
 * as an interface or union carry their type's name (`__typename`, what the Node interface's
 * resolveType returns, and what graphql-js's default resolver reads first): it is answered from
 * that at once, and the declared resolver is asked only for values without it.
 */
function resolveTypesSynchronously(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || !type.resolveType || synchronous.has(type.resolveType)) continue;
    const declared = type.resolveType;
    const resolver: GraphQLTypeResolver<unknown, unknown> = (value, ...rest) =>
      typeof value === 'object' && value !== null && '__typename' in value && typeof value.__typename === 'string'
        ? value.__typename
        : declared(value, ...rest);
    synchronous.add(resolver);
    type.resolveType = resolver;
  }
}

/** What the executor has done since it started (tests read it; nothing else needs it). */
export interface CompiledExecutionStats {
  /** Documents compiled (a document sent again after eviction is compiled again). */
  compiled: number;
  /** Operations run by a compiled query. */
  executed: number;
  /** Operations graphql-jit would not compile, run by graphql-js instead. */
  interpreted: number;
}

export interface CompiledExecution {
  /** Apollo Server's extension point for another executor (its gateway interface). */
  gateway: Gateway;
  stats: Readonly<CompiledExecutionStats>;
  /** How many compiled documents are held now. */
  readonly cached: number;
}

/**
 * Runs operations Apollo has parsed and validated as graphql-jit compiled queries: the document
 * is compiled once into a function specialised for its selections, and every later request
 * with the same text (and operation name) calls it instead of walking the AST again. Compiled
 * queries are kept in an LRU of `cacheSize` entries, so clients sending ever new documents cost
 * memory only up to that bound. A compiled query keeps its own parsed document, so the read
 * plans cached on its field nodes (src/schema/shared/read-plan.ts) live as long as it does.
 */
export function compiledExecution(schema: GraphQLSchema, cacheSize: number): CompiledExecution {
  resolveTypesSynchronously(schema);
  // null: graphql-jit refused the operation; graphql-js runs it (and reports what is wrong).
  const compiledQueries = new LruCache<string, { query: CompiledQuery; conditional: boolean } | null>(cacheSize);
  const stats: CompiledExecutionStats = { compiled: 0, executed: 0, interpreted: 0 };

  const interpret = async (request: GatewayRequest, document: DocumentNode, context: unknown) =>
    (await execute({
      schema,
      document,
      contextValue: context,
      variableValues: request.variables,
      operationName: request.operationName,
    })) as Result;

  const executor: GatewayExecutor = async ({ document, request, queryHash, context }) => {
    // Apollo hashes the query text once per request; the operation picks within the document.
    const key = `${queryHash}:${request.operationName ?? ''}`;
    let compiled = compiledQueries.get(key);
    if (compiled === undefined) {
      const result = compileQuery(schema, document, request.operationName ?? undefined);
      compiled = isCompiledQuery(result) ? { query: result, conditional: hasConditions(document) } : null;
      compiledQueries.set(key, compiled);
      stats.compiled++;
    }
    if (compiled === null) {
      stats.interpreted++;
      return interpret(request, document, context);
    }
    stats.executed++;
    const result = (await compiled.query.query(undefined, context, request.variables ?? {})) as Result;
    // No data at all: the variables did not coerce and nothing ran. graphql-js states that in
    // the words (and with the variable's AST node) Apollo recognises as BAD_USER_INPUT.
    if (result.data === undefined) return interpret(request, document, context);
    if (compiled.conditional) dropUndefined(result.data);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };

  const gateway: Gateway = {
    // The schema is fixed: it is announced once and never changes.
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
  return {
    gateway,
    stats,
    get cached() {
      return compiledQueries.size;
    },
  };
}
