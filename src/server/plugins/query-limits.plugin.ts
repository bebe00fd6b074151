import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { MAX_PAGE } from '../../schema/shared/list.args';
import { MAX_FIRST } from '../../schema/shared/relation.args';
import type { Config } from '../../config';
import { Gate } from './gate';

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** Errors raised by a limit, whatever wraps them on the way out (see formatError). */
const limitErrors = new WeakSet<object>();

/**
 * Armor's own reporter re-creates the error as BAD_USER_INPUT; this one reports a marked
 * QUERY_TOO_COMPLEX error instead (to the validation context, or by throwing while parsing).
 */
const rejectAsTooComplex = (ctx: ValidationContext | null, error: GraphQLError) => {
  const limitError = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
    extensions: { code: QUERY_TOO_COMPLEX, http: { status: 400 } },
  });
  limitErrors.add(limitError);
  if (ctx) ctx.reportError(limitError);
  else throw limitError;
};
const rejecting = { onReject: [rejectAsTooComplex], propagateOnRejection: false };

/** graphql-js's own parser enforces the token limit; this is how it says so. */
const TOKEN_LIMIT_MESSAGE = /tokens\. Parsing aborted\.$/;

function busyError(waitedMs: number): GraphQLError {
  return new GraphQLError(
    `The server is busy with other expensive queries and could not start this one within ${waitedMs} ms; ` +
      'retry shortly, or ask for less.',
    {
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        http: { status: 503, headers: new HeaderMap([['retry-after', '5']]) },
      },
    },
  );
}

export function isLimitError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const original = (error as { originalError?: unknown }).originalError;
  if (limitErrors.has(error) || (typeof original === 'object' && original !== null && limitErrors.has(original))) {
    return true;
  }
  return error instanceof GraphQLError && TOKEN_LIMIT_MESSAGE.test(error.message);
}

/** How many items a relationship list is assumed to hold when its query does not say `first`. */
export const LIST_WEIGHT = 10;

/**
 * An object field costs 1 plus its children times how many times they run: `first` where the
 * field takes it (a connection's, or a relationship list's when the query gives it), LIST_WEIGHT
 * for other lists, once for connection edges (already counted by `first`). Scalars are free:
 * what costs is fetching objects, not reading their properties. `first` is weighed at most at
 * its largest valid value, so `first: 100000` is a bad argument, not a cost.
 */
export function estimateFieldCost({ field, args, node, childComplexity }: ComplexityEstimatorArgs): number {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  const returnsList = isListType(getNullableType(field.type));
  // A relationship list's default page bounds what is read; its typical size is what costs.
  const given = !returnsList || (node.arguments ?? []).some((a) => a.name.value === 'first');
  const max = returnsList ? MAX_FIRST : MAX_PAGE;
  const first = typeof args.first === 'number' && given ? Math.min(Math.max(args.first, 1), max) : undefined;
  const isEdges = field.name === 'edges' && named.name.endsWith('Edge');
  const times = first ?? (returnsList && !isEdges ? LIST_WEIGHT : 1);
  return 1 + times * childComplexity;
}

/**
 * Limits against hostile queries: tokens in graphql-js's parser (so a huge document is never
 * built); depth, aliases and directives through GraphQL Armor; cost through
 * graphql-query-complexity, which sees the variables and so the real `first`.
 */
export function queryLimits(
  config: Pick<Config, 'limits' | 'env'>,
  schema: GraphQLSchema,
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[]; parseOptions: ParseOptions } {
  const { limits } = config;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth, ...rejecting },
    maxAliases: { n: limits.aliases, ...rejecting },
    maxDirectives: { n: 50, ...rejecting },
    // Armor's token check throws mid-parse, which Apollo answers with a 500; see parseOptions.
    maxTokens: { enabled: false },
    // Apollo's own cost rule below understands `first`; Armor's does not.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  }).protect();

  // Expensive operations take turns: a few of them at once already keep the database and this
  // process busy, and each holds its whole answer in memory until it is sent.
  const heavy = new Gate(limits.heavyConcurrency);
  const cost: ApolloServerPlugin = {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ request, document }) {
          const complexity = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators: [estimateFieldCost],
          });
          if (complexity > limits.cost) {
            const error = new GraphQLError(
              `Query is too complex: it would cost ${complexity}, the limit is ${limits.cost}. ` +
                'Ask for fewer items (smaller `first`) or fewer nested lists.',
              { extensions: { code: QUERY_TOO_COMPLEX, cost: complexity, limit: limits.cost, http: { status: 400 } } },
            );
            limitErrors.add(error);
            throw error;
          }
          if (complexity >= limits.heavyCost) {
            release = await heavy.enter(limits.heavyWaitMs, () => busyError(limits.heavyWaitMs));
          }
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
  return {
    plugins: [...armor.plugins, cost],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.tokens },
  };
}
