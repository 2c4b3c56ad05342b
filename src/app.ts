import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { projections } from '../projections/index.js';
import { type Clock, systemClock } from './application/clock.js';
import { Commands } from './application/commands.js';
import { Regions } from './application/regions.js';
import type { Config } from './config.js';
import { loadDemo } from './demo/banyuwangi.js';
import type { EventStore } from './eventstore/port.js';
import { SqliteEventStore } from './eventstore/sqlite.js';
import { createGraphQL } from './graphql/yoga.js';
import { createHttpApp } from './http/app.js';
import { createMetrics } from './http/metrics.js';
import { createLogger, type Logger } from './log.js';
import { openReadModel } from './read-model/database.js';
import { Projector } from './read-model/projector.js';
import { ReadModelQueries } from './read-model/queries.js';

export interface ReplikaOptions {
  logger?: Logger;
  clock?: Clock;
}

/** The composition root: wires the store, the read model, the write side and HTTP together. */
export async function createReplika(config: Config, options: ReplikaOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  const regions = await Regions.load();
  const metrics = createMetrics();
  const store: EventStore = metrics.instrument(new SqliteEventStore(config.eventLogPath));
  const readDb = openReadModel(config.readModelPath);
  const projector = new Projector(store, readDb, projections, logger);
  projector.start();
  const queries = new ReadModelQueries(readDb);
  const commands = new Commands(store, regions, queries, options.clock ?? systemClock);

  const head = await store.headPosition();
  await projector.waitFor(head, 600_000);
  logger.info({ position: head.toString() }, 'read model caught up with the event log');
  if (config.demo && head === 0n) {
    const position = await loadDemo(commands);
    await projector.waitFor(position);
    logger.info({ position: position.toString() }, 'loaded the Banyuwangi demo story');
  }

  const graphql = createGraphQL({ queries, commands, projector, regions }, logger, config.limits);
  let draining = false;
  metrics.watchReadModel({ head: () => store.headPosition(), position: () => projector.position });
  const app = createHttpApp({
    store,
    projector,
    graphql,
    metrics,
    rateLimit: { perSecond: config.limits.ratePerSecond, burst: config.limits.rateBurst },
    draining: () => draining,
  });
  let server: Server | undefined;

  return {
    config,
    logger,
    store,
    projector,
    queries,
    commands,
    regions,
    app,
    metrics,
    /** Starts listening; resolves with the bound port. */
    listen(): Promise<number> {
      return new Promise((resolve, reject) => {
        const s = app.listen(config.port, config.host, (error?: Error) => {
          if (error) return reject(error);
          const port = (s.address() as AddressInfo).port;
          logger.info({ port, url: `http://localhost:${port}/graphql` }, 'replika is listening');
          resolve(port);
        });
        server = s;
      });
    },
    /**
     * Graceful shutdown: /ready turns 503, no new connections are accepted, idle keep-alive ones
     * close, in-flight requests (and so their appends) finish — for at most
     * `shutdownTimeoutMs`, after which their connections are cut — then the store commits what
     * is pending and the stores close.
     */
    async close(): Promise<void> {
      draining = true;
      if (server) {
        const s = server;
        const closed = new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeIdleConnections();
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, config.shutdownTimeoutMs);
        });
        await Promise.race([closed, timeout]);
        clearTimeout(timer);
        s.closeAllConnections();
      }
      await projector.stop();
      await store.close();
      readDb.close();
    },
  };
}

export type Replika = Awaited<ReturnType<typeof createReplika>>;
