import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Command } from 'commander';

/**
 * `replika read-model-copy --from <data dir> --to <data dir>`: seeds a new instance's read model
 * with a consistent copy of another instance's (SQLite's online backup, safe while that instance
 * runs). Every instance of a cluster reads the same log, so the copy's checkpoints are valid
 * positions for the new one: it starts from there and catches up only what came after, instead
 * of replaying the whole log.
 */
export function registerReadModelCopy(program: Command): void {
  program
    .command('read-model-copy')
    .description(
      "Seed a new instance's read model from a copy of another instance's (both on the same " +
        'KurrentDB cluster); the new one then catches up only what was written after the copy.',
    )
    .requiredOption('--from <dir>', "the other instance's data directory (or its read-model.db)")
    .requiredOption('--to <dir>', "the new instance's data directory (must hold no read model)")
    .action(async (options: { from: string; to: string }) => {
      const from = options.from.endsWith('.db')
        ? resolve(options.from)
        : join(resolve(options.from), 'read-model.db');
      const to = join(resolve(options.to), 'read-model.db');
      if (!existsSync(from)) program.error(`no read model at ${from}`);
      if (existsSync(to)) program.error(`${to} exists: seed only a new instance's data directory`);
      const source = new Database(from, { fileMustExist: true });
      try {
        await source.backup(to);
        const copy = new Database(to, { readonly: true });
        const rows = copy
          .prepare(
            "SELECT MIN(position) AS position FROM projection_checkpoints WHERE state = 'live'",
          )
          .get() as { position: number | bigint | null };
        copy.close();
        console.log(
          `read model copied to ${to}; the new instance starts from position ${rows.position ?? 0}`,
        );
      } finally {
        source.close();
      }
    });
}
