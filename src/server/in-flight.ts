import type { ApolloServerPlugin } from '@apollo/server';

/**
 * The operations still executing. A client that goes away, or a drain that closes its connection
 * once the grace period is over, does not stop an operation that has started: shutdown waits
 * for them as well (within a bound), so none runs on after the driver is closed.
 */
export function inFlightOperations<TContext extends object>() {
  const running = new Set<Promise<void>>();

  const plugin: ApolloServerPlugin<TContext> = {
    async requestDidStart() {
      let finish!: () => void;
      const done = new Promise<void>((resolve) => (finish = resolve));
      running.add(done);
      return {
        async willSendResponse() {
          running.delete(done);
          finish();
        },
      };
    },
  };

  /** Resolves once every operation running now has answered, or after `withinMs`. */
  async function settled(withinMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, withinMs)));
    await Promise.race([Promise.all(running), bound]);
    clearTimeout(timer);
  }

  return {
    plugin,
    settled,
    get count() {
      return running.size;
    },
  };
}
