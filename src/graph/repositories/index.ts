import type { Executor } from '../executor';
import { ImportRepository } from './import.repository';
import { NodeRepository } from './node.repository';
import { RelationshipRepository } from './relationship.repository';
import { SystemRepository } from './system.repository';

/** Every repository, bound to one executor (and so to one request's metrics). */
export function createRepositories(executor: Executor) {
  return {
    system: new SystemRepository(executor),
    nodes: new NodeRepository(executor),
    relationships: new RelationshipRepository(executor),
    imports: new ImportRepository(executor),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
