import { parentPort } from 'node:worker_threads';

/**
 * The analytics worker (src/read-model/analytics-worker.ts) with one figure made slow, for the
 * time-budget test: a message asking `timeToStage` keeps this thread busy (a loop the pool's
 * `terminate` interrupts) before the real worker sees it. Every other figure is the real one.
 */
parentPort?.on('message', (tasks: Array<{ method: string }>) => {
  if (tasks.some((t) => t.method === 'timeToStage')) for (;;);
});
await import('../../src/read-model/analytics-worker.js');
