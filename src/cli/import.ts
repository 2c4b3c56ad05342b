import { readFileSync } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { createReplika } from '../app.js';
import { importMilestoneCsv } from '../application/milestone-csv.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';

/** Rows from which on a progress bar is shown. */
const PROGRESS_FROM = 50;

/**
 * `replika import FILE.csv`: historical milestones into the data directory (DATA_DIR), written
 * through the same command handlers as the API, as the ministry (actor `system:import`). Run it
 * with the server stopped: the server's read model follows only its own appends.
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'import historical milestones from a CSV file: every row is checked first, all bad rows are listed, and nothing is imported unless all are good; re-running the same file adds nothing',
    )
    .argument('<file>', 'CSV file with a header row (columns: see the README)')
    .option('--dry-run', 'check every row and report, import nothing')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        console.error(`cannot read ${file}: ${(error as Error).message}`);
        process.exitCode = 2;
        return;
      }
      const config = loadConfig();
      const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
      const replika = await createReplika(config, { logger });
      let bar: SingleBar | undefined;
      try {
        const report = await importMilestoneCsv(replika.commands, text, {
          actor: { id: 'system:import', role: 'ADMIN' },
          dryRun: options.dryRun ?? false,
          onStart: (total) => {
            if (total < PROGRESS_FROM) return;
            bar = new SingleBar(
              {
                format: 'importing [{bar}] {value}/{total} rows | {eta_formatted} left',
                stream: process.stderr,
                hideCursor: true,
              },
              Presets.shades_classic,
            );
            bar.start(total, 0);
          },
          onRow: () => bar?.increment(),
        });
        bar?.stop();
        if (report.problems.length) {
          console.error(
            `${file}: ${report.problems.length} problem(s); nothing was imported. Fix these and run again:`,
          );
          for (const p of report.problems)
            console.error(`  line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
          process.exitCode = 1;
          return;
        }
        if (report.position !== undefined) await replika.projector.waitFor(report.position, 60_000);
        const verb = options.dryRun ? 'would import' : 'imported';
        const toWrite = options.dryRun
          ? report.rows - report.alreadyImported - report.alreadyRecorded
          : report.imported;
        console.log(
          `${file}: ${report.rows} rows; ${verb} ${toWrite}, ${report.alreadyImported} already imported, ${report.alreadyRecorded} already recorded otherwise`,
        );
      } catch (error) {
        bar?.stop();
        console.error(
          `${file}: the import stopped (${(error as Error).message}). What was written stays; run the same file again to finish without doubling.`,
        );
        process.exitCode = 1;
      } finally {
        bar?.stop();
        await replika.close();
      }
    });
}
