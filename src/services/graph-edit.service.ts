import { BadUserInputError, NotFoundError } from '../errors';
import type { StoredProps } from '../graph/codecs';
import type { NodeRecord } from '../graph/records';
import type { LinkRecord, Refusal, WriteRepository } from '../graph/repositories/write.repository';
import { REQUIREMENT_TYPES } from '../model/fit-weights';
import { labelOf, type NodeKind } from '../model/kinds';
import { writeRefusal, type RelationshipType } from '../model/relationships';
import type { RoleFact } from '../model/rules';

const article = (kind: NodeKind) => (/^[AEIOU]/.test(labelOf(kind)) ? 'an' : 'a');
const describeKind = (kind: NodeKind) => `${article(kind)} ${labelOf(kind)}`;

const isRefusal = (value: object): value is Refusal => 'refused' in value;

/**
 * Writes through the API, with inputs already valid in form: the graph's own refusals (an id
 * held by another kind, a missing or mistyped end) become errors naming the argument at fault.
 */
export class GraphEditService {
  constructor(private readonly writes: WriteRepository) {}

  /** `idArgument`: where the client gave the id (`input.id`). */
  async upsert(
    kind: NodeKind,
    fields: Partial<RoleFact> & { id: string },
    cleared: readonly string[],
    idArgument: string,
  ): Promise<NodeRecord> {
    const written = await this.writes.upsertNode(kind, fields, cleared, kind === 'ROLE');
    if (isRefusal(written)) throw refusalError(written, idArgument);
    return written;
  }

  /** Deleting any node may change what roles require (a requirement, or a role, goes). */
  deleteNode(kind: NodeKind, id: string): Promise<boolean> {
    return this.writes.deleteNode(kind, id, true);
  }

  /** The relationship's ends are the arguments `from` and `to`. */
  async link(type: RelationshipType, from: string, to: string, props: StoredProps): Promise<LinkRecord> {
    assertWritable(type);
    const written = await this.writes.link(type, from, to, props, changesRequirements(type));
    if (isRefusal(written)) throw refusalError(written, written.refused === 'ID_TAKEN' ? 'id' : written.end, type);
    return written;
  }

  async unlink(type: RelationshipType, from: string, to: string): Promise<boolean> {
    assertWritable(type);
    return this.writes.unlink(type, from, to, changesRequirements(type));
  }
}

/** A derived type is computed from the stated ones: a write of it would be overwritten, or contradict them. */
function assertWritable(type: RelationshipType): void {
  const refused = writeRefusal(type);
  if (refused !== null) throw BadUserInputError.of('relation', refused);
}

/**
 * Writes that change what roles require make the stored transitions stale (recomputed at the
 * next start or import, docs/data.md): requirements, and the crosswalk through which ESCO
 * occupations borrow them.
 */
const changesRequirements = (type: RelationshipType) =>
  type === 'EQUIVALENT_TO' || (REQUIREMENT_TYPES as readonly string[]).includes(type);

function refusalError(refusal: Refusal, argument: string, relationship = 'the relationship'): Error {
  switch (refusal.refused) {
    case 'ID_TAKEN':
      return BadUserInputError.of(argument, `"${refusal.id}" already belongs to ${describeKind(refusal.owner)}`);
    case 'NO_SUCH_END':
      return new NotFoundError(`${argument}: no ${labelOf(refusal.wanted)} with id "${refusal.id}"`, {
        id: refusal.id,
      });
    case 'WRONG_END_KIND':
      return BadUserInputError.of(
        argument,
        `${relationship} ${argument === 'from' ? 'starts at' : 'ends at'} ${describeKind(refusal.wanted)}, but "${refusal.id}" is ${describeKind(refusal.actual)}`,
      );
  }
}
