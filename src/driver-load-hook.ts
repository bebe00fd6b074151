import { registerHooks } from 'node:module';
import { DRIVER_MODULE, shareGeneratorIterator } from './driver-generators';

/*
 * Importing this module rewrites the driver's modules loaded from then on (see
 * ./driver-generators), so src/index.ts imports it before anything that imports neo4j-driver.
 * Jest refuses module hooks, so tests import ./driver-generators and run this in a child process.
 */

let rewritten = 0;

/** How many driver modules have been rewritten (for the start-up log). */
export const driverModulesRewritten = (): number => rewritten;

registerHooks({
  load(url, context, nextLoad) {
    const result = nextLoad(url, context);
    if (!DRIVER_MODULE.test(url) || result.source == null) return result;
    const source = typeof result.source === 'string' ? result.source : new TextDecoder().decode(result.source);
    const shared = shareGeneratorIterator(source);
    if (shared === source) return result;
    rewritten++;
    return { ...result, source: shared };
  },
});
