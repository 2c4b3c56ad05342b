import { type ResourceLimits, Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a module next to `from` (`./name`, without extension). Built
 * JavaScript runs the .js module; from TypeScript sources (tsx, vitest) the .ts module is loaded
 * through tsx, which worker threads do not inherit.
 */
export function startWorker(
  from: string,
  name: string,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  const url = new URL(`./${name}.${from.endsWith('.ts') ? 'ts' : 'js'}`, from);
  return startWorkerAt(url, workerData, resourceLimits);
}

/** Starts a worker thread on the module at `url`, a TypeScript one through tsx. */
export function startWorkerAt(
  url: URL,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData, resourceLimits });
  const href = JSON.stringify(url.href);
  const code = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${href}, ${href}))`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}
