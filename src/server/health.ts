import type { Driver } from 'neo4j-driver';
import { Router } from 'express';

/**
 * Liveness says the process answers; readiness says Neo4j answers too, so a load balancer
 * stops sending traffic while the database is away.
 */
export function healthRoutes(driver: Driver, database: string | undefined, timeoutMs: number): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await withTimeout(driver.verifyConnectivity({ database }), timeoutMs);
      res.json({ status: 'ready', neo4j: 'reachable' });
    } catch (error) {
      res.status(503).json({
        status: 'unavailable',
        reason: `Neo4j is not reachable: ${(error as Error).message}`,
      });
    }
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
