// The explorer's only way to the API: typed GraphQL operations over POST /graphql.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, print } from 'graphql';

export type ApiErrorKind = 'unavailable' | 'not-found' | 'bad-input' | 'error';

/** A failed request, classified so the page can show the right state. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export const GRAPHQL_ENDPOINT = '/graphql';

// Each document is printed once, the first time it is sent.
const printed = new WeakMap<object, { operationName: string | undefined; query: string }>();

function textOf(doc: TypedDocumentNode<unknown, never>): { operationName: string | undefined; query: string } {
  let text = printed.get(doc);
  if (!text) {
    text = { operationName: getOperationAST(doc)?.name?.value, query: print(doc) };
    printed.set(doc, text);
  }
  return text;
}

export async function request<TResult, TVariables>(
  doc: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  let res: Response;
  try {
    res = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...textOf(doc as TypedDocumentNode<unknown, never>), variables }),
    });
  } catch {
    throw new ApiError('unavailable', 'API unavailable: the server could not be reached.');
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await res.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError('unavailable', `API unavailable: the server answered HTTP ${res.status} without GraphQL.`);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code;
    if (code === 'NOT_FOUND') throw new ApiError('not-found', first.message);
    if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') {
      throw new ApiError('bad-input', first.message);
    }
    if (code === 'SERVICE_UNAVAILABLE' || res.status >= 500) {
      throw new ApiError('unavailable', `API unavailable: ${first.message}`);
    }
    throw new ApiError('error', first.message);
  }
  if (!res.ok || !body.data) {
    throw new ApiError('unavailable', `API unavailable: the server answered HTTP ${res.status}.`);
  }
  return body.data;
}
