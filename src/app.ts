import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { projections } from '../projections/index.js';
import type { Projection } from '../projections/projection.js';
import { openReaders } from '../projections/readers.js';
import { authenticate } from './application/access.js';
import { ensureAdminToken, withConfiguredAdmin } from './application/admin-token.js';
import { type Clock, systemClock } from './application/clock.js';
import { Commands } from './application/commands.js';
import { Regions } from './application/regions.js';
import type { Config } from './config.js';
import { type DataDirLock, lockDataDir } from './data-dir.js';
import { loadDemo } from './demo/banyuwangi.js';
import { openEventStore } from './eventstore/open.js';
import type { EventStore } from './eventstore/port.js';
import { LiveFeed } from './graphql/live-feed.js';
import { createGraphQL } from './graphql/yoga.js';
import { createHttpApp } from './http/app.js';
import { exportRoutes } from './http/export.js';
import { createMetrics } from './http/metrics.js';
import { createLogger, type Logger } from './log.js';
import { AnalyticsPool } from './read-model/analytics-pool.js';
import { openReadModel } from './read-model/database.js';
import { type BatchListener, FreshnessTimeoutError, Projector } from './read-model/projector.js';

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
  /** Return before catching up with the log, so `listen` serves /health and /ready at once. */
  listenFirst?: boolean;
  /** Who holds the data directory, as another process refused it is told (`replika server`). */
  role?: string;
  /** The analytics workers' module (a test wraps analytics-worker.ts to make a figure slow). */
  analyticsWorker?: URL;
}

/** The composition root: wires the store, the read model, the write side and HTTP together. */
export async function createReplika(config: Config, options: ReplikaOptions = {}) {
  // The data directory is this process's before anything in it is opened (see data-dir.ts).
  const lock = lockDataDir(config.dataDir, options.role ?? 'replika server');
  try {
    return await assemble(config, options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function assemble(config: Config, options: ReplikaOptions, lock: DataDirLock) {
  const logger = options.logger ?? createLogger(config.logLevel);
  const regions = await Regions.load();
  const metrics = createMetrics();
  // recordedAt follows the app's clock on the embedded store (a controllable clock in tests);
  // KurrentDB stamps it on the server.
  const store: EventStore = metrics.instrument(
    await openEventStore(config, logger, { now: () => (options.clock ?? systemClock).now() }),
  );
  const readDb = openReadModel(config.readModelPath, ({ path, movedTo, reason }) =>
    logger.warn(
      { path, movedTo, reason },
      'the read model was not a readable database: set it aside and rebuilding it from the event log',
    ),
  );
  const projector = new Projector(store, readDb, options.projections ?? projections, logger);
  if (options.onProjectorBatch) projector.onBatch(options.onProjectorBatch);
  projector.start();
  const read = openReaders(readDb);
  const access = read.accessTokens;
  const commands = new Commands(store, regions, read.adoptions, {
    clock: options.clock ?? systemClock,
    idempotency: read.idempotency,
  });

  /**
   * Catching up with the log, the admin token and the demo story. Awaited before `createReplika`
   * returns, unless `listenFirst`: then the server can listen at once (/health 200, /ready 503
   * until this is done, however long a large log takes) and `started` says when it is.
   */
  const startUp = async () => {
    const head = await store.headPosition();
    // No cap: a large log takes as long as it takes; progress is logged every minute.
    for (;;) {
      try {
        await projector.waitFor(head, 60_000);
        break;
      } catch (error) {
        if (!(error instanceof FreshnessTimeoutError)) throw error;
        logger.info(
          { position: projector.position.toString(), head: head.toString() },
          'catching up with the event log',
        );
      }
    }
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
  };
  let starting = true;
  const started = startUp().finally(() => {
    starting = false;
  });
  if (!options.listenFirst) await started;
  else started.catch(() => undefined); // the caller awaits `started`

  const tokens = withConfiguredAdmin(access, config.adminToken);
  const workers = config.readModelPath === ':memory:' ? 0 : (config.analyticsWorkers ?? 1);
  const pool =
    workers > 0
      ? new AnalyticsPool({
          readModelPath: config.readModelPath,
          workers,
          position: () => projector.position,
          timeoutMs: config.limits.maxQueryMs,
          logger,
          workerEntry: options.analyticsWorker,
        })
      : undefined;
  const feed = new LiveFeed(projector, {
    originOf: (innovationId) => read.innovations.innovation(innovationId)?.originCode,
    visit: (visitId) => read.studyVisits.studyVisit(visitId),
  });
  const graphql = createGraphQL(
    {
      read: pool ? pool.offload(read) : read,
      commands,
      projector,
      regions,
      store,
      feed,
      access,
    },
    logger,
    {
      freshnessTimeoutMs: config.freshnessTimeoutMs,
      readsRequireToken: config.readsRequireToken,
      limits: config.limits,
      tokens,
    },
  );
  let draining = false;
  metrics.watchReadModel({ head: () => store.headPosition(), position: () => projector.position });
  const app = createHttpApp({
    store,
    projector,
    graphql,
    metrics,
    rateLimit: {
      perSecond: config.limits.ratePerSecond,
      burst: config.limits.rateBurst,
      principal: (authorization) => {
        const actor = authenticate(authorization, tokens);
        return actor.role ? actor.id : undefined;
      },
    },
    corsOrigins: config.http?.corsOrigins ?? [],
    importer: {
      commands,
      authenticate: (authorization) => authenticate(authorization, tokens),
      caughtUp: (position) => projector.waitFor(position, 600_000),
      maxBytes: config.http?.importMaxBytes ?? 32 * 1024 * 1024,
    },
    cache: { maxBytes: config.responseCacheBytes, maxBodyBytes: config.limits.maxBodyBytes },
    draining: () => draining,
    exports: exportRoutes({
      readModelPath: config.readModelPath,
      regions,
      tokens: access,
      readsRequireToken: config.readsRequireToken,
    }),
    starting: () => starting,
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
    /** Resolves once caught up, the admin token ensured and the demo loaded (see `listenFirst`). */
    started,
    /** The analytics worker threads, when configured (figures computed and shared). */
    analyticsPool: pool,
    /** Starts listening; resolves with the bound port. */
    listen(): Promise<number> {
      return new Promise((resolve, reject) => {
        const s = app.listen(config.port, config.host, (error?: Error) => {
          if (error) return reject(error);
          const port = (s.address() as AddressInfo).port;
          lock.announce(`http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`);
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
      // Live-feed streams never finish on their own: end them first, so shutdown waits only
      // for requests that do.
      feed.close();
      if (server) {
        const s = server;
        const closed = new Promise<void>((resolve) => s.close(() => resolve()));
        s.closeIdleConnections();
        // A connection whose last request just finished (an ended stream, a finished append)
        // turns idle: close it then rather than at its keep-alive timeout.
        const idle = setInterval(() => s.closeIdleConnections(), 25);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, config.shutdownTimeoutMs);
        });
        await Promise.race([closed, timeout]);
        clearTimeout(timer);
        clearInterval(idle);
        s.closeAllConnections();
      }
      await pool?.close();
      await projector.stop();
      await store.close();
      readDb.close();
      lock.release();
    },
  };
}

export type Replika = Awaited<ReturnType<typeof assemble>>;

/** True once the log holds anything but access grants (the demo loads only into an empty store). */
async function hasDomainEvents(store: EventStore): Promise<boolean> {
  const first = await store.readAll({ maxCount: 50 });
  return first.some((e) => !e.type.startsWith('AccessToken'));
}
