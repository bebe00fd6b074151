import nodeModule from 'node:module';
import { DRIVER_MODULE, shareGeneratorIterator } from './driver-generators';

/*
 * Importing this module rewrites the driver's modules loaded from then on (see
 * ./driver-generators), so src/index.ts imports it before anything that imports neo4j-driver.
 * Jest refuses module hooks, so tests import ./driver-generators and run this in a child process.
 * `module.registerHooks` arrived in Node 22.15, the oldest the project supports; on an older Node
 * (a system `node` run outside npm scripts) the driver loads as shipped, which only costs speed,
 * and `driverRewriteAvailable` lets the start-up log say so.
 */

let rewritten = 0;

/** How many driver modules have been rewritten (for the start-up log). */
export const driverModulesRewritten = (): number => rewritten;

// Read at run time: the type says it always exists, the Node running this may predate it.
const registerHooks = (nodeModule as Partial<typeof nodeModule>).registerHooks;

/** Whether this Node can rewrite modules as they load. */
export const driverRewriteAvailable = typeof registerHooks === 'function';

registerHooks?.({
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
