import { existsSync, readFileSync } from 'node:fs';
import type { Config } from '../config.js';

/**
 * Whether the event store `config` names can be opened: with the SQLite log, the file must
 * already exist. When not, says where it looked and sets exit code 2.
 */
export function hasEventLog(config: Config): boolean {
  if (config.eventStore === 'kurrentdb' || existsSync(config.eventLogPath)) return true;
  console.error(`no event log at ${config.eventLogPath}; set DATA_DIR to a replika data directory`);
  process.exitCode = 2;
  return false;
}

/** The text of `file` (UTF-8), or `undefined` after saying why it cannot be read (exit code 2). */
export function readInputFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    process.exitCode = 2;
    return undefined;
  }
}
