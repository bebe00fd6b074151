import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  visit,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE } from '../../schema/shared/list.args';
import { MAX_FIRST } from '../../schema/shared/relation.args';
import type { Config } from '../../config';
import { QueryTooComplexError, ServiceUnavailableError } from '../../errors';
import { Gate } from './gate';

/**
 * Armor's own reporter re-creates the error as BAD_USER_INPUT; this one reports the typed limit
 * error instead (to the validation context, or by throwing while parsing).
 */
const rejectAsTooComplex = (ctx: ValidationContext | null, error: GraphQLError) => {
  const cause = new QueryTooComplexError(error.message.replace(/^Syntax Error: /, ''));
  const limitError = new GraphQLError(cause.message, { originalError: cause });
  if (ctx) ctx.reportError(limitError);
  else throw limitError;
};
const rejecting = { onReject: [rejectAsTooComplex], propagateOnRejection: false };

/** How many tokens graphql-js's parser would read from `source`, counting at most `limit + 1`. */
export function countTokens(source: string, limit: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count <= limit && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A lexical error: the parser reports it itself, whatever the count so far.
  }
  return count;
}

/**
 * graphql-js's parser stops at `maxTokens` (so a huge document is never built) with a plain
 * syntax error. The same count, made here before parsing, tells that error apart and gives it
 * its typed cause, which formatError reads.
 */
function tokenLimit(maxTokens: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          const tooMany = countTokens(source, maxTokens) > maxTokens;
          return async (error) => {
            if (!tooMany || !(error instanceof GraphQLError)) return;
            const cause = new QueryTooComplexError(
              `The query has more than ${maxTokens} tokens; send a smaller document.`,
              { limit: maxTokens },
            );
            Object.defineProperty(error, 'originalError', { value: cause });
          };
        },
      };
    },
  };
}

/** How many items a relationship list is assumed to hold when its query does not say `first`. */
export const LIST_WEIGHT = 10;

/** The one argument the cost rule reads: a list's or a page's size. */
const SIZE_ARGUMENT = 'first';

const takesFirst = (field: { args: readonly { name: string }[] }) => field.args.some((a) => a.name === SIZE_ARGUMENT);

/**
 * The pages of the schema: object types a field that takes `first` returns one of (a
 * connection, matchRoles' RoleMatches). That `first` is the size of the list the page holds.
 */
export function pageTypes(schema: GraphQLSchema): ReadonlySet<string> {
  const pages = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (takesFirst(field) && !isListType(getNullableType(field.type)) && isObjectType(named)) pages.add(named.name);
    }
  }
  return pages;
}

/**
 * The cost rule of `schema`. An object field costs 1 plus its children times how many times
 * they run: `first` where the field takes it (a page's, or a relationship list's when the query
 * gives it), once for the list a page holds (its page size is its field's `first`, counted
 * there), LIST_WEIGHT for other lists. So each list's page size multiplies once. Scalars are
 * free: what costs is fetching objects, not reading their properties. `first` is weighed at most
 * at its largest valid value, so `first: 100000` is a bad argument, not a cost.
 */
export function fieldCostEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const pages = pageTypes(schema);
  return ({ type, field, args, node, childComplexity }) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return 0;
    const returnsList = isListType(getNullableType(field.type));
    // A relationship list's default page bounds what is read; its typical size is what costs.
    const given = !returnsList || (node.arguments ?? []).some((a) => a.name.value === SIZE_ARGUMENT);
    const max = returnsList ? MAX_FIRST : MAX_PAGE;
    const size: unknown = args[SIZE_ARGUMENT];
    const first = typeof size === 'number' && given ? Math.min(Math.max(size, 1), max) : undefined;
    const pageList = returnsList && !takesFirst(field) && pages.has(type.name);
    const times = first ?? (returnsList && !pageList ? LIST_WEIGHT : 1);
    return 1 + times * childComplexity;
  };
}

/**
 * The variables a document's cost depends on: those given to a size argument, or to the
 * @skip/@include that decide which fields count. Every other variable (an id, a search text)
 * leaves the cost as it is.
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: Parameters<typeof visit>[0]) => visit(node, { Variable: (v) => void names.add(v.name.value) });
  visit(document, {
    Argument: (arg) => void (arg.name.value === SIZE_ARGUMENT && collect(arg)),
    Directive: (d) => void ((d.name.value === 'skip' || d.name.value === 'include') && collect(d)),
  });
  return [...names].sort();
}

/** Costs kept per document and per value of its cost variables; past this many values a document's start over. */
const MAX_COSTS_PER_DOCUMENT = 256;

/**
 * The cost of an operation under `estimator`, computed once per document (Apollo keeps one
 * parsed document per query text), operation and values of its cost variables, so a page sent
 * again for another id is not weighed again. Undefined when the variables do not coerce.
 */
export function operationCost(schema: GraphQLSchema, estimator: ComplexityEstimator) {
  const byDocument = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();
  return (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>) => {
    let known = byDocument.get(document);
    if (!known) byDocument.set(document, (known = { variables: costVariables(document), costs: new Map() }));
    const key = JSON.stringify([operationName ?? null, ...known.variables.map((name) => variables[name] ?? null)]);
    const cached = known.costs.get(key);
    if (cached !== undefined) return cached;
    let cost: number;
    try {
      cost = getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] });
    } catch (error) {
      // Variables that do not coerce to their types: execution refuses them itself, as
      // BAD_USER_INPUT, before any resolver runs, so there is nothing to weigh.
      if (error instanceof GraphQLError) return undefined;
      throw error;
    }
    if (known.costs.size >= MAX_COSTS_PER_DOCUMENT) known.costs.clear();
    known.costs.set(key, cost);
    return cost;
  };
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
  const costOf = operationCost(schema, fieldCostEstimator(schema));
  const cost: ApolloServerPlugin = {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ request, document }) {
          const complexity = costOf(document, request.operationName ?? undefined, request.variables ?? {});
          if (complexity === undefined) return;
          if (complexity > limits.cost) {
            throw new QueryTooComplexError(
              `Query is too complex: it would cost ${complexity}, the limit is ${limits.cost}. ` +
                'Ask for fewer items (smaller `first`) or fewer nested lists.',
              { cost: complexity, limit: limits.cost },
            );
          }
          if (complexity >= limits.heavyCost) {
            release = await heavy.enter(
              limits.heavyWaitMs,
              () =>
                new ServiceUnavailableError(
                  `The server is busy with other expensive queries and could not start this one within ${limits.heavyWaitMs} ms; ` +
                    'retry shortly, or ask for less.',
                  { retryAfterSeconds: 5 },
                ),
            );
          }
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
  return {
    plugins: [...armor.plugins, tokenLimit(limits.tokens), cost],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.tokens },
  };
}
