/** The child processes a bench run starts (the server, the rebuilds, the baselines). */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { round } from './report.js';

export interface Started {
  child: ChildProcess;
  /** The stdout line that said the child is ready. */
  line: string;
  startedAt: bigint;
}

/** Starts children in `cwd` and keeps them, so that none outlives the run (`killAll`). */
export class Children {
  private readonly started: ChildProcess[] = [];

  constructor(private readonly cwd: string) {}

  /** Spawns a node process and resolves with the first stdout line matching `ready`. */
  spawn(
    command: string[],
    env: Record<string, string>,
    ready: (line: string) => boolean,
  ): Promise<Started> {
    const startedAt = process.hrtime.bigint();
    const [file, ...rest] = command;
    const child = spawn(file as string, rest, {
      cwd: this.cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.started.push(child);
    return new Promise((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`${command.join(' ')} exited with ${code}`)));
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        if (ready(line)) resolve({ child, line, startedAt });
      });
    });
  }

  /** Runs a node script that prints one JSON line of results, and answers it parsed. */
  async json<T>(command: string[]): Promise<T> {
    const { line } = await this.spawn(command, {}, (l) => l.startsWith('{'));
    return JSON.parse(line) as T;
  }

  stop(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  killAll() {
    for (const child of this.started) if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** Peak resident set (VmHWM) of a live process, in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return round(kb / 1024, 1);
}

/** How the benchmarks start the built server: on the run's data, no demo story, no rate limit. */
export const serverEnv = (dataDir: string): Record<string, string> => ({
  DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  REPLIKA_DEMO: 'false',
  LOG_LEVEL: 'info',
  RATE_LIMIT_PER_SECOND: '0',
  NODE_ENV: 'production',
});

/** The port a child printed in its ready line (`{"port": N, …}`). */
export const portOf = (line: string) => (JSON.parse(line) as { port: number }).port;
