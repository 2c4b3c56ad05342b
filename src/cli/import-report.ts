import { Presets, SingleBar } from 'cli-progress';

/** What `replika import` shows, offline or through a server. */

/** Rows from which on a progress bar is shown. */
export const PROGRESS_FROM = 50;

/** A progress bar on stderr for `total` rows (none for small files). */
export function progressBar(total: number): SingleBar | undefined {
  if (total < PROGRESS_FROM) return undefined;
  const bar = new SingleBar(
    {
      format: 'importing [{bar}] {value}/{total} rows | {eta_formatted} left',
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

/** What both kinds of import report at the end. */
export interface ImportOutcome {
  rows: number;
  imported: number;
  alreadyImported: number;
  alreadyRecorded: number;
  problems: Array<{ line: number; column?: string; message: string }>;
}

/** Prints the outcome as `replika import` always has; answers the exit code. */
export function printOutcome(file: string, report: ImportOutcome, dryRun: boolean): number {
  if (report.problems.length) {
    console.error(
      `${file}: ${report.problems.length} problem(s); nothing was imported. Fix these and run again:`,
    );
    for (const p of report.problems)
      console.error(`  line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
    return 1;
  }
  const verb = dryRun ? 'would import' : 'imported';
  const toWrite = dryRun
    ? report.rows - report.alreadyImported - report.alreadyRecorded
    : report.imported;
  console.log(
    `${file}: ${report.rows} rows; ${verb} ${toWrite}, ${report.alreadyImported} already imported, ${report.alreadyRecorded} already recorded otherwise`,
  );
  return 0;
}

export const stoppedMessage = (file: string, reason: string) =>
  `${file}: the import stopped (${reason}). What was written stays; run the same file again to finish without doubling.`;
