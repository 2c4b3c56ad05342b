import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { GRAPHIQL_ASSET_PREFIX, graphiqlAsset, gzipped } from '../graphql/graphiql.js';
import { projectRoot } from '../paths.js';

/** Where `npm run build:web` (vite) writes the workbench. */
export const workbenchDir = () => join(projectRoot(), 'dist', 'web');

const YEAR = 'public, max-age=31536000, immutable';

/**
 * The browser side: GraphiQL's own files (content-hashed, gzipped when the browser accepts it)
 * and the workbench single-page app at `/`, both served from this process, nothing from a CDN.
 * The app uses hash routes (`/#/inovasi/<id>`), so `/` is its only page.
 */
export function workbench(dir: string = workbenchDir()): express.Router {
  const router = express.Router();
  router.get(`${GRAPHIQL_ASSET_PREFIX}:file`, async (req, res, next) => {
    const file = await graphiqlAsset(req.params.file);
    if (!file) return next();
    res.setHeader('Content-Type', file.type);
    res.setHeader('Cache-Control', YEAR);
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.acceptsEncodings('gzip') === 'gzip') {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(await gzipped(file));
    } else res.end(file.body);
  });
  if (!existsSync(join(dir, 'index.html'))) {
    router.get('/', (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The workbench is not built: run `npm run build:web`. GraphiQL is at /graphql.\n');
    });
    return router;
  }
  // Vite names every asset by its content hash; index.html itself must always be revalidated.
  router.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.get('/', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
  return router;
}
