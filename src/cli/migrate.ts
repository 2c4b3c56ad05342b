import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { type MigrationProgress, migrate } from '../eventstore/migrate.js';
import { openStoreByUrl } from '../eventstore/open.js';
import { createLogger } from '../log.js';

const Options = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  pageSize: z.coerce.number().int().min(1).max(100_000).default(1000),
  maxEvents: z.coerce.number().int().min(1).optional(),
  progress: z.boolean().default(true),
  pipeline: z.boolean().default(true),
});

/** `replika migrate --from <store> --to <store>`: copies one event log into another. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description(
      'Copy the whole event log from one store into another (e.g. the embedded SQLite file into ' +
        'KurrentDB), keeping order, event ids and metadata. Resumable: run it again after an ' +
        'interruption and it continues where it stopped; nothing is copied twice.',
    )
    .requiredOption('--from <store>', 'source: sqlite:<file> or kurrentdb://host:2113?tls=false')
    .requiredOption('--to <store>', 'target: sqlite:<file> or kurrentdb://host:2113?tls=false')
    .option('--page-size <n>', 'source events read per page', '1000')
    .option('--max-events <n>', 'stop after copying this many events (resume later)')
    .option('--no-progress', 'no progress bar (e.g. in CI logs)')
    .option(
      '--no-pipeline',
      'one append at a time instead of a page of appends in flight (slower; for a target that ' +
        'reported appends committed out of order)',
    )
    .action(async (raw: Record<string, unknown>) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) {
        program.error(
          `invalid options: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
        return;
      }
      const options = parsed.data;
      if (options.from === options.to) program.error('--from and --to name the same store');
      const logger = createLogger('warn');
      const source = await openStoreByUrl(options.from, logger);
      const target = await openStoreByUrl(options.to, logger);
      const abort = new AbortController();
      const onSignal = () => abort.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const bar = options.progress
        ? new cliProgress.SingleBar(
            {
              format:
                'migrating |{bar}| {percentage}% | {copied} events | source position {position} | {eta_formatted} left',
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      let started = false;
      const show = (p: MigrationProgress) => {
        // Progress over the source's position range: contiguous on SQLite, byte offsets on KurrentDB.
        const total = Number(p.sourceHead - p.resumedAfter) || 1;
        const value = Number(p.position - p.resumedAfter);
        const payload = { copied: p.copied, position: p.position.toString() };
        if (!bar) return;
        if (!started) {
          started = true;
          bar.start(total, value, payload);
        } else bar.update(value, payload);
      };
      try {
        const result = await migrate(source, target, {
          signal: abort.signal,
          pageSize: options.pageSize,
          pipeline: options.pipeline,
          ...(options.maxEvents === undefined ? {} : { maxEvents: options.maxEvents }),
          onProgress: show,
        });
        bar?.stop();
        const where = `source position ${result.position} of ${result.sourceHead}`;
        if (result.complete)
          console.log(
            `migration complete: copied ${result.copied} events this run (resumed after ${result.resumedAfter}); ${where}`,
          );
        else {
          console.log(
            `migration stopped after ${result.copied} events at ${where}; run the same command again to resume`,
          );
          process.exitCode = 3;
        }
      } catch (error) {
        bar?.stop();
        console.error(`migration failed: ${(error as Error).message}`);
        console.error('what was copied stays; fix the cause and run the same command to resume');
        process.exitCode = 1;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await source.close();
        await target.close();
      }
    });
}
