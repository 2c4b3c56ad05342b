import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../src/paths.js';
import { TEST_ADMIN_TOKEN } from './server.js';

export interface ChildServer {
  process: ChildProcess;
  pid: number;
  url: string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  /** Lines the server logged (pino JSON), for diagnosing failures. */
  log: string[];
}

/**
 * Starts the real server (`src/main.ts` through tsx) as a child process on a free port, with the
 * test admin token that `postGraphQL` sends, and resolves once it listens. The process is ours to signal: SIGKILL, SIGTERM.
 */
export function spawnServer(options: {
  dataDir: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Resolve as soon as it listens, not once /ready answers 200 (default: wait for ready). */
  waitReady?: boolean;
}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot(),
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_SECOND: '0',
      REPLIKA_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (l) => log.push(l));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${log.join('\n')}`));
    }, options.timeoutMs ?? 20_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${log.join('\n')}`));
    });
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      log.push(line);
      if (!line.includes('replika is listening')) return;
      const { port } = JSON.parse(line) as { port: number };
      const url = `http://127.0.0.1:${port}`;
      // The server listens before it has caught up with its log: wait for /ready unless asked not to.
      void (options.waitReady === false ? Promise.resolve() : untilReady(url)).then(() => {
        clearTimeout(timer);
        resolve({ process: child, pid: child.pid ?? -1, url, exited, log });
      });
    });
  });
}

async function untilReady(url: string): Promise<void> {
  for (;;) {
    const status = await fetch(`${url}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** POSTs one GraphQL request; network failures (a killed server) come back as `undefined`. */
export async function postGraphQL(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: GraphQLBody } | undefined> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLBody };
  } catch {
    return undefined;
  }
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  extensions?: { replika?: { position: string } };
}
