import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { projections } from '../projections/index.js';
import type { Projection } from '../projections/projection.js';
import { openReaders } from '../projections/readers.js';
import { ensureAdminToken } from './application/admin-token.js';
import { type Clock, systemClock } from './application/clock.js';
import { Commands } from './application/commands.js';
import { Regions } from './application/regions.js';
import type { Config } from './config.js';
import { loadDemo } from './demo/banyuwangi.js';
import { openEventStore } from './eventstore/open.js';
import type { EventStore } from './eventstore/port.js';
import { LiveFeed } from './graphql/live-feed.js';
import { createGraphQL } from './graphql/yoga.js';
import { createHttpApp } from './http/app.js';
import { exportRoutes } from './http/export.js';
import { createMetrics } from './http/metrics.js';
import { createLogger, type Logger } from './log.js';
import { openReadModel } from './read-model/database.js';
import { holdDataDir } from './read-model/lifecycle.js';
import { type BatchListener, Projector } from './read-model/projector.js';

export interface ReplikaOptions {
  logger?: Logger;
  /** "Today" for the write side and `recordedAt` for the embedded store; a controllable clock in tests. */
  clock?: Clock;
  /** The projections to run; a bumped version of one is built beside the live one. */
  projections?: readonly Projection[];
  /** Called after each batch the projector commits (before it starts it); see Projector.onBatch. */
  onProjectorBatch?: BatchListener;
  /** Where a generated admin token is shown; stdout by default (never the log). */
  announce?: (message: string) => void;
}

/** The composition root: wires the store, the read model, the write side and HTTP together. */
export async function createReplika(config: Config, options: ReplikaOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  const regions = await Regions.load();
  const metrics = createMetrics();
  // recordedAt follows the app's clock on the embedded store (a controllable clock in tests);
  // KurrentDB stamps it on the server.
  const store: EventStore = metrics.instrument(
    openEventStore(config, logger, { now: () => (options.clock ?? systemClock).now() }),
  );
  const readDb = openReadModel(config.readModelPath);
  const releaseDataDir = holdDataDir(config.dataDir);
  const projector = new Projector(store, readDb, options.projections ?? projections, logger);
  if (options.onProjectorBatch) projector.onBatch(options.onProjectorBatch);
  projector.start();
  const read = openReaders(readDb);
  const access = read.accessTokens;
  const commands = new Commands(store, regions, read.adoptions, {
    clock: options.clock ?? systemClock,
    idempotency: read.idempotency,
  });

  const head = await store.headPosition();
  await projector.waitFor(head, 600_000);
  logger.info({ position: head.toString() }, 'read model caught up with the event log');
  const granted = await ensureAdminToken({
    store,
    tokens: access,
    configured: config.adminToken,
    announce: options.announce ?? ((message) => process.stdout.write(message)),
    warn: (message) => logger.warn(message),
  });
  if (granted !== undefined) await projector.waitFor(granted);
  if (config.demo && !(await hasDomainEvents(store))) {
    const position = await loadDemo(commands);
    await projector.waitFor(position);
    logger.info({ position: position.toString() }, 'loaded the Banyuwangi demo story');
  }

  const feed = new LiveFeed(projector);
  const graphql = createGraphQL(
    { read, commands, projector, regions, store, feed, access },
    logger,
    {
      freshnessTimeoutMs: config.freshnessTimeoutMs,
      readsRequireToken: config.readsRequireToken,
      limits: config.limits,
    },
  );
  let draining = false;
  metrics.watchReadModel({ head: () => store.headPosition(), position: () => projector.position });
  const app = createHttpApp({
    store,
    projector,
    graphql,
    metrics,
    rateLimit: { perSecond: config.limits.ratePerSecond, burst: config.limits.rateBurst },
    cache: { maxBytes: config.responseCacheBytes, maxBodyBytes: config.limits.maxBodyBytes },
    draining: () => draining,
    exports: exportRoutes({
      readModelPath: config.readModelPath,
      regions,
      tokens: access,
      readsRequireToken: config.readsRequireToken,
    }),
  });
  let server: Server | undefined;

  return {
    config,
    logger,
    store,
    projector,
    read,
    commands,
    regions,
    access,
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
      feed.close();
      await projector.stop();
      await store.close();
      readDb.close();
      releaseDataDir();
    },
  };
}

export type Replika = Awaited<ReturnType<typeof createReplika>>;

/** True once the log holds anything but access grants (the demo loads only into an empty store). */
async function hasDomainEvents(store: EventStore): Promise<boolean> {
  const first = await store.readAll({ maxCount: 50 });
  return first.some((e) => !e.type.startsWith('AccessToken'));
}
