import type { Executor } from '../executor';
import { DB_INFO } from '../cypher/system.cypher';

export interface DbInfoRecord {
  name: string;
  version: string;
  edition: string;
}

export class SystemRepository {
  constructor(private readonly executor: Executor) {}

  async dbInfo(): Promise<DbInfoRecord> {
    const [row] = await this.executor.read(DB_INFO);
    return row.info as DbInfoRecord;
  }
}
