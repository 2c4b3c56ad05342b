import { createReplika } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirError } from './data-dir.js';
import { DamagedEventError } from './eventstore/damaged.js';

try {
  // Listen at once: /health answers and /ready says 503 while a new instance catches up.
  const replika = await createReplika(loadConfig(), { listenFirst: true });
  await replika.listen();
  replika.started.catch((error: unknown) => {
    if (!refuseToStart(error)) {
      replika.logger.fatal({ err: error }, 'start-up failed');
      process.exit(1);
    }
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    replika.logger.info({ signal }, 'shutting down');
    await replika.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  if (!refuseToStart(error)) throw error;
}

/** Exits with the code and message of a known reason not to start; false for any other error. */
function refuseToStart(error: unknown): boolean {
  if (error instanceof ConfigError || error instanceof DataDirError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof DamagedEventError) {
    console.error(
      `${error.message}\nreplika does not start on a damaged event log. Run \`replika verify\` to list every damaged event; restore events.db from a backup (or repair those events) before starting again.`,
    );
    process.exit(3);
  }
  return false;
}
