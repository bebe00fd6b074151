import { Gate } from '../../src/server/plugins/gate';

const busy = () => new Error('busy');
/** Lets queued promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Gate', () => {
  it('when fewer holders than its capacity enter, then each is admitted at once', async () => {
    const gate = new Gate(2);
    await gate.enter(1000, busy);
    await gate.enter(1000, busy);
    expect(gate.inUse).toBe(2);
    expect(gate.queued).toBe(0);
  });

  it('when it is full, then the next waits and is admitted, in arrival order, as holders leave', async () => {
    const gate = new Gate(1);
    const leave = await gate.enter(1000, busy);
    const order: string[] = [];
    const second = gate.enter(1000, busy).then((release) => (order.push('second'), release));
    const third = gate.enter(1000, busy).then((release) => (order.push('third'), release));
    await settle();
    expect(order).toEqual([]);
    expect(gate.queued).toBe(2);

    leave();
    const leaveSecond = await second;
    await settle();
    expect(order).toEqual(['second']);
    expect(gate.inUse).toBe(1);

    leaveSecond();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(gate.inUse).toBe(0);
    expect(gate.queued).toBe(0);
  });

  it('when a wait lasts longer than its timeout, then it fails with the given error and leaves the queue', async () => {
    const gate = new Gate(1);
    const leave = await gate.enter(1000, busy);
    await expect(gate.enter(20, busy)).rejects.toThrow('busy');
    expect(gate.queued).toBe(0);
    leave();
    expect(gate.inUse).toBe(0);
    // The slot is free again for the next one.
    await gate.enter(20, busy);
    expect(gate.inUse).toBe(1);
  });

  it('when a holder releases twice, then only one slot is given back', async () => {
    const gate = new Gate(2);
    const leave = await gate.enter(1000, busy);
    await gate.enter(1000, busy);
    leave();
    leave();
    expect(gate.inUse).toBe(1);
  });
});
