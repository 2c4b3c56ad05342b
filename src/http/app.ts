import express from 'express';
import type { EventStore } from '../eventstore/port.js';
import type { Projector } from '../read-model/projector.js';

export interface HttpDeps {
  store: EventStore;
  projector: Projector;
  graphql: express.RequestHandler & { graphqlEndpoint: string };
}

/** The express app: GraphQL (with GraphiQL in the browser) at /graphql, and GET /health. */
export function createHttpApp({ store, projector, graphql }: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
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
  app.use(graphql.graphqlEndpoint, graphql);
  app.get('/', (_req, res) => res.redirect(graphql.graphqlEndpoint));
  return app;
}
