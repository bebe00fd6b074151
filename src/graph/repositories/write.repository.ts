import { BadUserInputError, NotFoundError } from '../../errors';
import { NODE_KINDS, labelOf, type NodeKind } from '../../model/kinds';
import { RELATIONSHIPS, type RelationshipType } from '../../model/relationships';
import type { RoleFact } from '../../model/rules';
import { partialToProps, storedRelationshipProps, type StoredProps } from '../codecs';
import * as Q from '../cypher/write.cypher';
import type { Executor, Row } from '../executor';
import type { EdgeProperties, NodeRecord } from '../records';

/** Provenance of what is written through the API without sources of its own. */
export const API_SOURCE = 'API';

export interface LinkRecord {
  created: boolean;
  from: NodeRecord;
  to: NodeRecord;
  properties: EdgeProperties;
}

const article = (kind: NodeKind) => (/^[AEIOU]/.test(labelOf(kind)) ? 'an' : 'a');
const describeKind = (kind: NodeKind) => `${article(kind)} ${labelOf(kind)}`;

/**
 * Writes through the API. Each runs in one write transaction, so the checks it makes (an id's
 * kind, both ends of a link) hold for the write that follows them.
 */
export class WriteRepository {
  constructor(private readonly executor: Executor) {}

  /** Creates or updates a node; an id already held by another kind of node is refused. */
  upsertNode(
    kind: NodeKind,
    fields: Partial<RoleFact> & { id: string },
    cleared: readonly string[],
  ): Promise<NodeRecord> {
    return this.executor.writeTransaction(async (run) => {
      const owners = kindsOf(await run(Q.KINDS_OF_IDS, { ids: [fields.id] }), fields.id).filter((k) => k !== kind);
      if (owners.length > 0) {
        throw new BadUserInputError(`input.id: "${fields.id}" already belongs to ${describeKind(owners[0])}`, {
          field: 'input.id',
          id: fields.id,
        });
      }
      const [row] = await run(Q.upsertNode(kind), {
        id: fields.id,
        props: partialToProps(kind, fields, cleared),
        defaults: { sources: [API_SOURCE] },
      });
      return row.node as NodeRecord;
    });
  }

  async deleteNode(kind: NodeKind, id: string): Promise<boolean> {
    const [row] = await this.executor.write(Q.deleteNode(kind), { id });
    return (row.deleted as number) > 0;
  }

  /** Creates or updates the relationship; both ends must exist and be of the type's kinds. */
  link(type: RelationshipType, from: string, to: string, props: StoredProps): Promise<LinkRecord> {
    return this.executor.writeTransaction(async (run) => {
      const rows = await run(Q.KINDS_OF_IDS, { ids: [from, to] });
      const spec = RELATIONSHIPS[type];
      for (const [end, id, wanted] of [
        ['from', from, spec.from],
        ['to', to, spec.to],
      ] as const) {
        const kinds = kindsOf(rows, id);
        if (kinds.includes(wanted)) continue;
        if (kinds.length === 0)
          throw new NotFoundError(`${end}: no ${NODE_KINDS[wanted].label} with id "${id}"`, { id });
        throw new BadUserInputError(
          `${end}: ${type} ${end === 'from' ? 'starts at' : 'ends at'} ${describeKind(wanted)}, but "${id}" is ${describeKind(kinds[0])}`,
          { field: end, id },
        );
      }
      const [row] = await run(Q.link(type), {
        from,
        to,
        props: storedRelationshipProps(props),
        defaults: { sources: [API_SOURCE] },
      });
      return row as unknown as LinkRecord;
    });
  }

  async unlink(type: RelationshipType, from: string, to: string): Promise<boolean> {
    const [row] = await this.executor.write(Q.unlink(type), { from, to });
    return (row.deleted as number) > 0;
  }
}

function kindsOf(rows: Row[], id: string): NodeKind[] {
  return rows.filter((r) => r.id === id).map((r) => r.kind as NodeKind);
}
