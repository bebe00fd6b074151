import { z } from 'zod';
import { NODE_KIND_NAMES, type NodeKind } from '../../model/kinds';
import { RELATIONSHIPS, type RelationshipType } from '../../model/relationships';
import type { RoleFact } from '../../model/rules';
import { partialToProps, storedRelationshipProps, type StoredProps } from '../codecs';
import { MARK_REQUIREMENTS_CHANGED } from '../cypher/fit.cypher';
import * as Q from '../cypher/write.cypher';
import type { Executor, TxWork } from '../executor';
import { anyNodeRecord, edgePropertiesRecord, type NodeRecord } from '../records';
import { newRequirementsVersion } from './fit.repository';

/** Provenance of what is written through the API without sources of its own. */
export const API_SOURCE = 'API';

/* Row codecs of the write statements. */
const nodeRow = z.object({ node: anyNodeRecord });
const deletedRow = z.object({ deleted: z.number() });
const kindRow = z.object({ id: z.string(), kind: z.enum(NODE_KIND_NAMES as [NodeKind, ...NodeKind[]]) });
const linkRow = z.object({
  created: z.boolean(),
  from: anyNodeRecord,
  to: anyNodeRecord,
  properties: edgePropertiesRecord,
});
export type LinkRecord = z.infer<typeof linkRow>;

/** A write refused because of what the graph holds; the service says which argument is at fault. */
export type Refusal =
  | { refused: 'ID_TAKEN'; id: string; owner: NodeKind }
  | { refused: 'NO_SUCH_END'; end: 'from' | 'to'; id: string; wanted: NodeKind }
  | { refused: 'WRONG_END_KIND'; end: 'from' | 'to'; id: string; wanted: NodeKind; actual: NodeKind };

/**
 * Writes through the API. Each runs in one write transaction, so the checks it makes (an id's
 * kind, both ends of a link) hold for the write that follows them. `changesRequirements` (the
 * service's rule): a write that takes effect also marks the stored transitions stale, in the
 * same transaction, so a changed graph never serves them as current.
 */
export class WriteRepository {
  constructor(private readonly executor: Executor) {}

  /** Creates or updates a node; an id already held by another kind of node is refused. */
  upsertNode(
    kind: NodeKind,
    fields: Partial<RoleFact> & { id: string },
    cleared: readonly string[],
    changesRequirements: boolean,
  ): Promise<NodeRecord | Refusal> {
    return this.executor.writeTransaction(async (run) => {
      const owners = kindsOf(await run(Q.KINDS_OF_IDS, { ids: [fields.id] }), fields.id).filter((k) => k !== kind);
      if (owners.length > 0) return { refused: 'ID_TAKEN', id: fields.id, owner: owners[0] };
      const [row] = await run(Q.upsertNode(kind), {
        id: fields.id,
        props: partialToProps(kind, fields, cleared),
        defaults: { sources: [API_SOURCE] },
      });
      await markIf(run, changesRequirements);
      return nodeRow.parse(row).node;
    });
  }

  deleteNode(kind: NodeKind, id: string, changesRequirements: boolean): Promise<boolean> {
    return this.executor.writeTransaction(async (run) => {
      const [row] = await run(Q.deleteNode(kind), { id });
      const deleted = deletedRow.parse(row).deleted > 0;
      await markIf(run, changesRequirements && deleted);
      return deleted;
    });
  }

  /** Creates or updates the relationship; both ends must exist and be of the type's kinds. */
  link(
    type: RelationshipType,
    from: string,
    to: string,
    props: StoredProps,
    changesRequirements: boolean,
  ): Promise<LinkRecord | Refusal> {
    return this.executor.writeTransaction(async (run) => {
      const rows = await run(Q.KINDS_OF_IDS, { ids: [from, to] });
      const spec = RELATIONSHIPS[type];
      for (const [end, id, wanted] of [
        ['from', from, spec.from],
        ['to', to, spec.to],
      ] as const) {
        const kinds = kindsOf(rows, id);
        if (kinds.includes(wanted)) continue;
        if (kinds.length === 0) return { refused: 'NO_SUCH_END', end, id, wanted };
        return { refused: 'WRONG_END_KIND', end, id, wanted, actual: kinds[0] };
      }
      const [row] = await run(Q.link(type), {
        from,
        to,
        props: storedRelationshipProps(props),
        defaults: { sources: [API_SOURCE] },
      });
      await markIf(run, changesRequirements);
      return linkRow.parse(row);
    });
  }

  unlink(type: RelationshipType, from: string, to: string, changesRequirements: boolean): Promise<boolean> {
    return this.executor.writeTransaction(async (run) => {
      const [row] = await run(Q.unlink(type), { from, to });
      const removed = deletedRow.parse(row).deleted > 0;
      await markIf(run, changesRequirements && removed);
      return removed;
    });
  }
}

/** Marks the stored transitions stale (see `changesRequirements`), when the write changed requirements. */
async function markIf(run: Parameters<TxWork<unknown>>[0], changed: boolean): Promise<void> {
  if (changed) await run(MARK_REQUIREMENTS_CHANGED, { version: newRequirementsVersion(), create: false });
}

function kindsOf(rows: unknown[], id: string): NodeKind[] {
  return z
    .array(kindRow)
    .parse(rows)
    .filter((r) => r.id === id)
    .map((r) => r.kind);
}
