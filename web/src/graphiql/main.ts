// GraphiQL bundled locally (no CDN), pointed at this API's /graphql, with the sample
// operations of schema/examples.graphql preloaded (read at build time).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import examples from '../../../schema/examples.graphql?raw';

const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return res.json();
};

const container = document.getElementById('graphiql');
if (!container) throw new Error('#graphiql is missing');
container.textContent = '';
createRoot(container).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: examples,
    // Keep this page's tabs and history apart from any other GraphiQL on the same origin.
    storage: namespacedStorage('career-graph'),
  }),
);

function namespacedStorage(ns: string): Storage {
  return {
    ...localStorage,
    get length() {
      return localStorage.length;
    },
    clear: () => localStorage.clear(),
    key: (i: number) => localStorage.key(i),
    getItem: (k: string) => localStorage.getItem(`${ns}:${k}`),
    setItem: (k: string, v: string) => localStorage.setItem(`${ns}:${k}`, v),
    removeItem: (k: string) => localStorage.removeItem(`${ns}:${k}`),
  };
}
