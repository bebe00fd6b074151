import { DataFileError } from '../seed/problems';
import { readDataFiles } from '../seed/read-files';
import { validateDocuments } from '../seed/validate';
import type { RelationshipProperties } from '../model/rules';
import type { GraphBuilder, Properties } from './graph';
import { provenance, type Provenance } from './publishers';

/** Where an article fact comes from: one provenance entry per section of the article it cites (the section is the article's id for it). */
function sections(sources: string[]): Provenance[] {
  return sources.map((section) => provenance('article', section));
}

/**
 * The article's seed files into the graph, with their own ids and kinds (which win over every
 * other source's), validated by the same rules as `npm run seed`: any problem refuses them all.
 */
export async function addArticle(builder: GraphBuilder, inputs: string[]): Promise<{ nodes: number; edges: number }> {
  const read = await readDataFiles(inputs);
  const { batch, problems } = await validateDocuments(read.documents);
  if (read.problems.length + problems.length > 0) throw new DataFileError([...read.problems, ...problems]);
  let nodes = 0;
  for (const { kind, facts } of batch.nodes) {
    for (const { id, name, aliases, sources, ...fact } of facts) {
      // The provenance the loader gave the facts is derived again here, per section.
      const properties = Object.fromEntries(Object.entries(fact).filter(([k]) => k !== 'provenance'));
      for (const source of sections(sources)) {
        builder.node({
          kind,
          kindBy: 'article',
          id,
          name,
          aliases,
          properties: properties as Properties,
          provenance: source,
        });
      }
      nodes += 1;
    }
  }
  for (const rel of batch.relationships) {
    for (const source of sections(rel.sources)) {
      builder.edge({
        type: rel.type,
        from: rel.from,
        to: rel.to,
        properties: definedOnly(rel.properties),
        provenance: source,
      });
    }
  }
  return { nodes, edges: batch.relationships.length };
}

/** A relationship's declared properties without the ones it leaves out. */
function definedOnly(properties: RelationshipProperties = {}): Properties {
  const out: Properties = {};
  for (const [key, value] of Object.entries(properties)) if (value !== undefined) out[key] = value;
  return out;
}
