import { keyedReads } from '../../src/graph/cypher/read.cypher';
import { createLoaders } from '../../src/graph/loaders';
import type { NodePlan } from '../../src/graph/read-plan';
import type { Repositories } from '../../src/graph/repositories';

const plan: NodePlan = { kind: 'TOOL', fields: ['name'], relations: [] };

/** Loaders over a keyed-read repository that records what each batch asked. */
function recording() {
  const batches: { plan: NodePlan; ids: readonly string[] }[][] = [];
  const keyed = {
    read: async (requests: { plan: NodePlan; ids: readonly string[] }[]) => {
      batches.push(requests);
      return requests.map((r) => new Map(r.ids.map((id) => [id, { id, kind: r.plan.kind }])));
    },
  };
  return { batches, loaders: () => createLoaders({ keyed } as unknown as Repositories) };
}

describe('per-request loaders', () => {
  it('when two requests read with the same plan, then each batch hands the repository that plan object, so its statement is built once', async () => {
    const { batches, loaders } = recording();
    await Promise.all([loaders().node(plan, 'git'), loaders().node(plan, 'docker')]);
    await loaders().node(plan, 'python');
    expect(batches).toHaveLength(3);
    for (const [request] of batches) expect(request.plan).toBe(plan);
    expect(keyedReads([batches[0][0].plan])).toBe(keyedReads([batches[2][0].plan]));
  });

  it('when one tick asks several ids under equal plans, then they go as one group per plan, each answer to its own id', async () => {
    const { batches, loaders } = recording();
    const equal: NodePlan = { ...plan };
    const other: NodePlan = { kind: 'SKILL', fields: [], relations: [] };
    const l = loaders();
    const answers = await Promise.all([l.node(plan, 'a'), l.node(equal, 'b'), l.node(other, 'c'), l.node(plan, 'a')]);
    expect(batches).toHaveLength(1);
    expect(batches[0].map((r) => [r.plan.kind, r.ids])).toEqual([
      ['TOOL', ['a', 'b']],
      ['SKILL', ['c']],
    ]);
    expect(answers).toEqual([
      { id: 'a', kind: 'TOOL' },
      { id: 'b', kind: 'TOOL' },
      { id: 'c', kind: 'SKILL' },
      { id: 'a', kind: 'TOOL' },
    ]);
  });
});
