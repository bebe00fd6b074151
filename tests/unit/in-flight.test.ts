import type { GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { inFlightOperations } from '../../src/server/in-flight';

type Ctx = Record<string, never>;
const request = {} as GraphQLRequestContext<Ctx>;
const responding = {} as Parameters<NonNullable<GraphQLRequestListener<Ctx>['willSendResponse']>>[0];

describe('operations in flight at shutdown', () => {
  it('when an operation is still running, then shutdown waits until it has answered', async () => {
    const ops = inFlightOperations<Ctx>();
    const listener = (await ops.plugin.requestDidStart!(request)) as GraphQLRequestListener<Ctx>;
    let settled = false;
    const waiting = ops.settled(10_000).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect({ settled, count: ops.count }).toEqual({ settled: false, count: 1 });

    await listener.willSendResponse!(responding);
    await waiting;
    expect({ settled, count: ops.count }).toEqual({ settled: true, count: 0 });
  });

  it('when an operation never answers, then shutdown stops waiting after the bound', async () => {
    const ops = inFlightOperations<Ctx>();
    await ops.plugin.requestDidStart!(request);
    const started = Date.now();
    await ops.settled(100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(ops.count).toBe(1);
  });
});
