import express from 'express';
import type { EventStore } from '../eventstore/port.js';
import type { Projector } from '../read-model/projector.js';
import { cors } from './cors.js';
import { IMPORT_PATH, type ImportEndpointOptions, importEndpoint } from './import.js';
import type { Metrics } from './metrics.js';
import { type RateLimitOptions, rateLimit } from './rate-limit.js';
import { responseCache } from './response-cache.js';
import { workbench } from './workbench.js';

export interface HttpDeps {
  store: EventStore;
  projector: Projector;
  graphql: express.RequestHandler & { graphqlEndpoint: string };
  metrics?: Metrics;
  rateLimit?: RateLimitOptions;
  /** The response cache in front of GraphQL (bytes of bodies kept; 0 = off). */
  cache?: { maxBytes: number; maxBodyBytes: number };
  /** The CSV import through the server (`replika import --url`). */
  importer?: ImportEndpointOptions;
  /** Foreign browser origins allowed to call GraphQL (`REPLIKA_CORS_ORIGINS`); none by default. */
  corsOrigins?: readonly string[];
  /** True once shutdown has begun: /ready answers 503 so load balancers stop sending. */
  draining?: () => boolean;
  /** GET /export/*.csv (src/http/export.ts). */
  exports?: express.Router;
  /** True while the instance starts up (catching up with the log): /ready answers 503. */
  starting?: () => boolean;
}

/**
 * The express app: GraphQL (with GraphiQL in the browser) at /graphql, GET /health, GET /ready
 * and GET /metrics.
 */
export function createHttpApp({
  store,
  projector,
  graphql,
  metrics,
  rateLimit: limit,
  cache,
  corsOrigins = [],
  importer,
  draining = () => false,
  exports,
  starting = () => false,
}: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (metrics) app.use(metrics.http);
  app.get('/health', async (_req, res) => {
    const status = projector.status();
    const head = await store.headPosition();
    res.status(status.failed ? 503 : 200).json({
      status: status.failed ? 'failing' : 'ok',
      eventLog: { head: head.toString() },
      readModel: {
        position: status.position.toString(),
        lag: (head - status.position).toString(),
        failed: status.failed ?? null,
        projections: status.projections.map((p) => ({ ...p, position: p.position.toString() })),
      },
    });
  });
  // Ready = the read model has applied everything in the log (and we are not shutting down).
  app.get('/ready', async (_req, res) => {
    const status = projector.status();
    const head = await store.headPosition();
    const reason = draining()
      ? 'shutting down'
      : starting()
        ? `starting: catching up with the event log (read model at ${status.position} of ${head})`
        : status.failed
          ? `projector failed: ${status.failed}`
          : status.position < head
            ? `read model behind the log by ${head - status.position} events`
            : undefined;
    res.status(reason ? 503 : 200).json({
      ready: reason === undefined,
      ...(reason ? { reason } : {}),
      eventLog: { head: head.toString() },
      readModel: { position: status.position.toString() },
    });
  });
  if (metrics) app.get('/metrics', metrics.endpoint);
  if (exports) app.use(exports);
  if (importer) app.post(IMPORT_PATH, ...importEndpoint(importer));
  app.use(graphql.graphqlEndpoint, cors(corsOrigins));
  if (limit) app.use(graphql.graphqlEndpoint, rateLimit(limit));
  if (cache)
    app.use(
      graphql.graphqlEndpoint,
      responseCache({ ...cache, position: () => projector.position }),
    );
  app.use(graphql.graphqlEndpoint, graphql);
  app.use(workbench());
  return app;
}
