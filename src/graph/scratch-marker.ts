import type { ScratchPurpose } from '../config';
import { ResetRefusedError } from '../errors';
import * as Q from './cypher/meta.cypher';
import type { Executor } from './executor';

export type ScratchClaim = 'marked' | 'newly-marked' | 'forced';

/**
 * The one check before tests or the bench use (and reset) a database: it must carry the scratch
 * marker, or be empty (then it gets the marker), or the caller must have set ALLOW_RESET.
 * Anything else may be someone's graph and is refused.
 */
export async function claimScratchDatabase(
  executor: Executor,
  purpose: ScratchPurpose,
  { allowReset, where }: { allowReset: boolean; where: string },
): Promise<ScratchClaim> {
  const [state] = await executor.read(Q.SCRATCH_STATE);
  if (state.purpose !== null) return 'marked';
  if (state.nodes === 0) {
    await executor.write(Q.MARK_SCRATCH, { purpose });
    return 'newly-marked';
  }
  if (allowReset) return 'forced';
  const variable = purpose === 'test' ? 'TEST_NEO4J_URI' : 'BENCH_NEO4J_URI';
  throw new ResetRefusedError(
    `Refusing to use the Neo4j at ${where} for ${purpose === 'test' ? 'the tests' : 'the bench'}: it holds ` +
      `${String(state.nodes)} nodes and no marker saying it was created for tests or benchmarks, and they ` +
      `would reset it. Point ${variable} at a scratch database (or unset it to use the embedded one), or set ` +
      'ALLOW_RESET=1 to reset this one anyway.',
  );
}
