/** The chart's title: the graphs timed, and the clients of each workload that does not use the bench's number. */
export function chartTitle(
  graphs: readonly string[],
  connections: number,
  workloads: readonly { id: string; connections?: number }[],
): string {
  const fewer = workloads.filter((w) => w.connections !== undefined).map((w) => `${w.id} ${w.connections}`);
  return `requests/s per workload (${graphs.join(' and ')} graph, ${connections} connections${fewer.length > 0 ? `; ${fewer.join(', ')}` : ''})`;
}

/**
 * Requests/s per workload and target as an SVG: a Vega-Lite spec compiled to Vega and rendered
 * headless (no canvas, no browser) with vega's View and toSVG(). Workloads the peer cannot
 * express have no peer bar and are named under the title.
 */
export async function renderChart(
  rows: { workload: string; target: string; rps: number }[],
  title: string,
  peerNotApplicable: readonly string[] = [],
): Promise<string> {
  // vega and vega-lite are ES modules; this file compiles to CommonJS.
  const vega = await import('vega');
  const vegaLite = await import('vega-lite');
  const labels: Record<string, string> = { api: 'this API', peer: '@neo4j/graphql', floor: 'floor (driver + Cypher)' };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: title,
      ...(peerNotApplicable.length > 0
        ? { subtitle: `@neo4j/graphql: not applicable to ${peerNotApplicable.join(', ')} (no bar)` }
        : {}),
    },
    width: 560,
    height: 300,
    data: { values: rows.map((r) => ({ workload: r.workload, target: labels[r.target] ?? r.target, rps: r.rps })) },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'workload', type: 'nominal', title: 'workload' },
      xOffset: { field: 'target', type: 'nominal', sort: Object.values(labels) },
      y: { field: 'rps', type: 'quantitative', title: 'requests/s (log scale)', scale: { type: 'log' } },
      color: { field: 'target', type: 'nominal', sort: Object.values(labels), title: 'target' },
    },
    config: { font: 'sans-serif' },
  };
  const compiled = vegaLite.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
