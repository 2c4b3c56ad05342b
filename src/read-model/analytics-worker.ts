import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { InnovationReaders } from '../../projections/innovations/readers.js';
import { TimelineReaders } from '../../projections/timeline/readers.js';

/**
 * An analytics worker thread (see analytics-pool.ts): its own read-only connection to the read
 * model (WAL lets it read beside the projector's writes), answering each message's figures in one message.
 */
export interface FigureTask {
  id: number;
  method: 'diffusion' | 'originDiffusion';
  args: [string, unknown, unknown];
}
export type FigureAnswer = { id: number; value: unknown } | { id: number; error: string };

const { readModelPath } = workerData as { readModelPath: string };
const db = new Database(readModelPath, { readonly: true, fileMustExist: true });
db.pragma('cache_size = -16384');
const timeline = new TimelineReaders(db, new InnovationReaders(db));

parentPort?.on('message', (tasks: FigureTask[]) => {
  parentPort?.postMessage(tasks.map(answer));
});

function answer(task: FigureTask): FigureAnswer {
  try {
    const [first, window, at] = task.args;
    const value =
      task.method === 'diffusion'
        ? timeline.diffusion(first, window as never, (at ?? undefined) as never)
        : timeline.originDiffusion(first, window as never, (at ?? undefined) as never);
    return { id: task.id, value };
  } catch (error) {
    return { id: task.id, error: (error as Error).message };
  }
}
