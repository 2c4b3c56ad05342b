import { parentPort } from 'node:worker_threads';

/**
 * The analytics worker (src/read-model/analytics-worker.ts) whose first ranking reads the period
 * index slowly, for the test of a read that outlives the time budget: it says `reading`, as the
 * real worker does before reading the index, and keeps this thread busy for READ_MS (well past a 5 s budget) before the
 * real worker sees the message. Everything after is the real worker.
 */
const READ_MS = 12_000;
let first = true;
parentPort?.on('message', (tasks: Array<{ method: string }>) => {
  if (!first || !tasks.some((t) => t.method === 'ranking')) return;
  first = false;
  parentPort?.postMessage('reading');
  const until = Date.now() + READ_MS;
  while (Date.now() < until);
});
await import('../../src/read-model/analytics-worker.js');
