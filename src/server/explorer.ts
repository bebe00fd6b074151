import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';

/**
 * The browser pages, built by Vite into web/dist (`npm run build:web`): the explorer at
 * /explore, GraphiQL at /graphiql, and their hashed assets under /assets. Both pages talk to the
 * API only through POST /graphql. Without a build the pages answer 503 saying how to make one.
 */
export function explorerRoutes(rootDir: string): Router {
  const dist = path.join(rootDir, 'web', 'dist');
  const router = express.Router();

  const page = (file: string) => (_req: Request, res: Response) => {
    const full = path.join(dist, file);
    if (!fs.existsSync(full)) {
      res
        .status(503)
        .type('text/plain')
        .send(
          `The explorer has not been built: ${path.relative(rootDir, full)} is missing. Run \`npm run build:web\` (or \`npm run build\`).\n`,
        );
      return;
    }
    // The HTML names hashed assets, so it must be revalidated to pick up a new build.
    res.set('cache-control', 'no-cache');
    res.set('x-content-type-options', 'nosniff');
    res.sendFile(full);
  };

  router.get(['/explore', '/explore/'], page('index.html'));
  router.get(['/graphiql', '/graphiql/'], page('graphiql.html'));
  // Asset names carry a content hash: they never change, so browsers may keep them.
  router.use(
    '/assets',
    express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: true }),
  );
  return router;
}
