import { createReplika } from './app.js';
import { ConfigError, loadConfig } from './config.js';

try {
  // Listen at once: /health answers and /ready says 503 while a new instance catches up.
  const replika = await createReplika(loadConfig(), { listenFirst: true });
  await replika.listen();
  replika.started.catch((error: unknown) => {
    replika.logger.fatal({ err: error }, 'start-up failed');
    process.exit(1);
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
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
