import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import express from 'express';
import type { Counter, Histogram } from 'prom-client';
import type { EventStore } from '../eventstore/port.js';
import type { Projector } from '../read-model/projector.js';
import { cors } from './cors.js';
import { IMPORT_PATH, type ImportEndpointOptions, importEndpoint } from './import.js';
import type { Metrics } from './metrics.js';
import { type RateLimitOptions, rateLimit, rateLimiter } from './rate-limit.js';
import { type ResponseCache, responseCache } from './response-cache.js';
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
 * and GET /metrics. Its `listen` serves response-cache hits before express (see `hitsFirst`).
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
  const limiter = limit ? rateLimiter(limit) : undefined;
  const cached = cache
    ? responseCache({ ...cache, position: () => projector.position })
    : undefined;
  if (metrics) {
    const http = metrics.http;
    // Requests the fast path timed from their arrival are not timed again.
    app.use((req, res, next) => ((req as Timed)[TIMED] ? next() : http(req, res, next)));
  }
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
  if (limit) app.use(graphql.graphqlEndpoint, rateLimit(limit, limiter));
  if (cached) app.use(graphql.graphqlEndpoint, cached.middleware);
  app.use(graphql.graphqlEndpoint, graphql);
  app.use(workbench());
  if (cached) {
    const listener = hitsFirst(app, cached, graphql.graphqlEndpoint, limiter, metrics);
    // express 5's listen, on a server whose requests meet the fast path first.
    app.listen = ((...args: unknown[]) => {
      const server = createServer(listener);
      const done = args.at(-1);
      if (typeof done === 'function') {
        let called = false;
        args[args.length - 1] = (...a: unknown[]) => {
          if (called) return;
          called = true;
          done(...a);
        };
        server.once('error', args.at(-1) as () => void);
      }
      return server.listen(...(args as Parameters<typeof server.listen>));
    }) as typeof app.listen;
  }
  return app;
}

const TIMED = Symbol('replika.timedByFastPath');
type Timed = IncomingMessage & { [TIMED]?: true };

/**
 * The server's request listener: a GraphQL POST the response cache takes is met before express
 * and its router. It is timed for /metrics from its arrival, passes the rate limit (decided
 * here, answered by express's middleware when refused, so the 429 carries the CORS headers
 * every GraphQL answer does), and a hit is answered from its stored bytes — headers, CORS
 * included, are the miss's, which the cache key (origin, authorization, accept) makes the right
 * ones. Everything else, misses included (with the body read and the decision kept on the
 * request), goes through express as before.
 */
function hitsFirst(
  app: express.Express,
  cached: ResponseCache,
  endpoint: string,
  limiter: ReturnType<typeof rateLimiter>,
  metrics: Metrics | undefined,
) {
  const requests = metrics?.registry.getSingleMetric('replika_http_requests_total') as
    | Counter<'method' | 'route' | 'status'>
    | undefined;
  const latency = metrics?.registry.getSingleMetric('replika_http_request_duration_seconds') as
    | Histogram<'method' | 'route' | 'status'>
    | undefined;
  const route = endpoint === '/graphql' ? endpoint : 'other';
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== endpoint || !cached.takes(req)) return app(req, res);
    if (requests && latency) {
      (req as Timed)[TIMED] = true;
      const stop = latency.startTimer();
      res.on('finish', () => {
        const labels = { method: 'POST', route, status: String(res.statusCode) };
        requests.inc(labels);
        stop(labels);
      });
    }
    if (limiter && limiter.decide(req) > 0) return app(req, res);
    cached.answer(req, res, () => app(req, res));
  };
}
