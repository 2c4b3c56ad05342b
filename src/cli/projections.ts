import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { projections } from '../../projections/index.js';
import { loadConfig } from '../config.js';
import { DataDirError, type DataDirLock, lockDataDir } from '../data-dir.js';
import { openEventStore } from '../eventstore/open.js';
import { createLogger } from '../log.js';
import { openReadModel } from '../read-model/database.js';
import { formatStatus, projectionStatus, rebuildProjections } from '../read-model/lifecycle.js';
import { hasEventLog } from './inputs.js';

/**
 * `replika projections` and `replika rebuild [name]`, over the read model in the data directory
 * (DATA_DIR) and the configured event store (EVENT_STORE). Listing is safe beside a running server; rebuilding needs the
 * server stopped (SQLite has one writer) — with a server running, bump the version instead.
 */
export function registerProjectionCommands(program: Command): void {
  program
    .command('projections')
    .description('list each projection with its version, state, position and lag')
    .action(async () => {
      const config = loadConfig();
      if (!hasEventLog(config)) return;
      const store = await openEventStore(config, createLogger('warn'));
      const db = openReadModel(config.readModelPath);
      try {
        const head = await store.headPosition();
        console.log(formatStatus(projectionStatus(db, projections, head), head));
      } finally {
        db.close();
        await store.close();
      }
    });

  program
    .command('rebuild')
    .argument('[name]', 'the projection to rebuild (default: all)')
    .description('rebuild projections from the event log, with a progress bar (server stopped)')
    .action(async (name?: string) => {
      const config = loadConfig();
      const selected = name ? projections.filter((p) => p.name === name) : projections;
      if (selected.length === 0) {
        console.error(
          `unknown projection "${name}"; known: ${projections.map((p) => p.name).join(', ')}`,
        );
        process.exitCode = 2;
        return;
      }
      if (!hasEventLog(config)) return;
      let lock: DataDirLock;
      try {
        lock = lockDataDir(config.dataDir, 'replika rebuild');
      } catch (error) {
        if (!(error instanceof DataDirError)) throw error;
        console.error(error.message);
        process.exitCode = 1;
        return;
      }
      const store = await openEventStore(config, createLogger('warn'));
      const db = openReadModel(config.readModelPath);
      const bar = new SingleBar({
        format:
          'rebuilding {names} [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left',
        hideCursor: true,
      });
      const started = performance.now();
      try {
        let begun = false;
        const { head } = await rebuildProjections(
          store,
          db,
          selected,
          createLogger('warn'),
          (position, total) => {
            if (!begun) {
              bar.start(Number(total), 0, { names: selected.map((p) => p.name).join(', ') });
              begun = true;
            }
            bar.update(Number(position));
          },
        );
        bar.update(Number(head));
        bar.stop();
        const seconds = (performance.now() - started) / 1000;
        console.log(
          `rebuilt ${selected.map((p) => `${p.name} v${p.version}`).join(', ')} from ${head} events in ${seconds.toFixed(2)} s`,
        );
      } finally {
        bar.stop();
        db.close();
        await store.close();
        lock.release();
      }
    });
}
