import { createReplika } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirError } from './data-dir.js';
import { DamagedEventError } from './eventstore/damaged.js';

try {
  const replika = await createReplika(loadConfig());
  await replika.listen();
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
  throw error;
}
