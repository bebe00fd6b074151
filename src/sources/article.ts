import { NODE_KINDS, NODE_KIND_NAMES } from '../model/kinds';
import { readDataFiles } from '../seed/read-files';
import type { GraphBuilder, Properties, SourceEdgeType } from './graph';
import { provenance, type Provenance } from './publishers';

type RawFact = { id: string; name: string; aliases?: string[]; sources: string[] } & Properties;
type RawEdge = { type: string; from: string; to: string; properties?: Properties; sources: string[] };

/** Where an article fact comes from: one provenance entry per section of the article it cites. */
function sections(sources: string[], id: string): Provenance[] {
  return sources.map((section) => ({ ...provenance('article', id), sourceId: `${section}: ${id}` }));
}

/**
 * The article's seed files into the graph, with their own ids and kinds (which win over every
 * other source's). The files are read with the seed reader and are assumed valid: `npm run seed`
 * validates them with the project's rules.
 */
export async function addArticle(builder: GraphBuilder, inputs: string[]): Promise<{ nodes: number; edges: number }> {
  const { documents, problems } = await readDataFiles(inputs);
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.file}: ${p.reason}`).join('\n'));
  let nodes = 0;
  let edges = 0;
  for (const { data } of documents) {
    const file = data as Record<string, unknown>;
    for (const kind of NODE_KIND_NAMES) {
      for (const fact of (file[NODE_KINDS[kind].fileKey] ?? []) as RawFact[]) {
        const { id, name, aliases, sources, ...properties } = fact;
        for (const source of sections(sources, id)) {
          builder.node({ kind, kindBy: 'article', id, name, aliases, properties, provenance: source });
        }
        nodes += 1;
      }
    }
    for (const rel of (file.relationships ?? []) as RawEdge[]) {
      for (const source of sections(rel.sources, `${rel.from}|${rel.type}|${rel.to}`)) {
        builder.edge({
          type: rel.type as SourceEdgeType,
          from: rel.from,
          to: rel.to,
          properties: rel.properties,
          provenance: source,
        });
      }
      edges += 1;
    }
  }
  return { nodes, edges };
}
