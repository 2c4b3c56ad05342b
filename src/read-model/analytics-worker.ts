import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { FigureReaders } from '../../projections/figures/readers.js';
import { InnovationReaders } from '../../projections/innovations/readers.js';
import { VisitOutcomeReaders } from '../../projections/study-visits/outcomes.js';
import { TimelineReaders } from '../../projections/timeline/readers.js';

/**
 * An analytics worker thread (see analytics-pool.ts): its own read-only connection to the read
 * model (WAL lets it read beside the projector's writes), answering each message's figures in
 * one message. It says `ready` once its connection is open.
 */

/** The figures a worker computes: the reader methods the pool hands to it, by name. */
export function figureMethods(db: Database.Database, onIndexRead?: () => void) {
  const timeline = new TimelineReaders(db, new InnovationReaders(db));
  const figures = new FigureReaders(db, onIndexRead);
  const outcomes = new VisitOutcomeReaders(db);
  return {
    diffusion: timeline.diffusion.bind(timeline),
    originDiffusion: timeline.originDiffusion.bind(timeline),
    ranking: figures.ranking.bind(figures),
    curve: figures.curve.bind(figures),
    timeToStage: figures.timeToStage.bind(figures),
    network: figures.network.bind(figures),
    ledToNothing: outcomes.ledToNothing.bind(outcomes),
  };
}
export type FigureMethods = ReturnType<typeof figureMethods>;
export type FigureMethod = keyof FigureMethods;

export interface FigureTask {
  id: number;
  method: FigureMethod;
  /** The method's arguments; `null` stands for an absent one (structured clone keeps it). */
  args: unknown[];
}
export type FigureAnswer = { id: number; value: unknown } | { id: number; error: string };
/** `reading`: it starts reading the period index, and its figures wait for it (see the pool). */
export type WorkerMessage = 'ready' | 'reading' | FigureAnswer[];

const { readModelPath } = workerData as { readModelPath: string };
const db = new Database(readModelPath, { readonly: true, fileMustExist: true });
db.pragma('cache_size = -16384');
const methods = figureMethods(db, () => parentPort?.postMessage('reading' satisfies WorkerMessage));

parentPort?.on('message', (tasks: FigureTask[]) => {
  parentPort?.postMessage(tasks.map(answer) satisfies WorkerMessage);
});
parentPort?.postMessage('ready' satisfies WorkerMessage);

function answer(task: FigureTask): FigureAnswer {
  try {
    const args = task.args.map((a) => a ?? undefined);
    const method = methods[task.method] as (...a: unknown[]) => unknown;
    return { id: task.id, value: method(...args) };
  } catch (error) {
    return { id: task.id, error: (error as Error).message };
  }
}
