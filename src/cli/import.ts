import type { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { createReplika } from '../app.js';
import { importMilestoneCsv } from '../application/milestone-csv.js';
import { loadConfig } from '../config.js';
import { DataDirError } from '../data-dir.js';
import { createLogger } from '../log.js';
import { importThroughServer } from './import-remote.js';
import { printOutcome, progressBar, stoppedMessage } from './import-report.js';
import { readInputFile } from './inputs.js';

/**
 * `replika import FILE.csv`: historical milestones, written through the same command handlers
 * as the API. Offline (the default) it takes the data directory (DATA_DIR) for itself and
 * writes as the ministry (actor `system:import`); it refuses while a server holds it. With
 * `--url` it sends the file to that running server instead, which checks and writes it as the
 * token in REPLIKA_TOKEN.
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'import historical milestones from a CSV file: every row is checked first, all bad rows are listed, and nothing is imported unless all are good; re-running the same file adds nothing',
    )
    .argument('<file>', 'CSV file with a header row (columns: see the README)')
    .option('--dry-run', 'check every row and report, import nothing')
    .option(
      '--url <url>',
      'import through the running server at this address (e.g. http://localhost:4000), as the token in REPLIKA_TOKEN',
    )
    .action(async (file: string, options: { dryRun?: boolean; url?: string }) => {
      const text = readInputFile(file);
      if (text === undefined) return;
      const dryRun = options.dryRun ?? false;
      if (options.url) {
        process.exitCode = await importThroughServer(options.url, file, text, dryRun);
        return;
      }
      const config = loadConfig();
      const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
      let replika: Awaited<ReturnType<typeof createReplika>>;
      try {
        replika = await createReplika(config, { logger, role: 'replika import' });
      } catch (error) {
        if (!(error instanceof DataDirError)) throw error;
        console.error(error.message);
        process.exitCode = 1;
        return;
      }
      let bar: SingleBar | undefined;
      try {
        const report = await importMilestoneCsv(replika.commands, text, {
          actor: { id: 'system:import', role: 'ADMIN' },
          dryRun,
          onStart: (total) => {
            bar = progressBar(total);
          },
          onRow: () => bar?.increment(),
        });
        bar?.stop();
        if (!report.problems.length && report.position !== undefined)
          await replika.projector.waitFor(report.position, 60_000);
        process.exitCode = printOutcome(file, report, dryRun);
      } catch (error) {
        bar?.stop();
        console.error(stoppedMessage(file, (error as Error).message));
        process.exitCode = 1;
      } finally {
        bar?.stop();
        await replika.close();
      }
    });
}
