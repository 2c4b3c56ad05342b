import type { Children } from '../children.js';
import type { Recorder } from '../report.js';

/** Concurrent connections of every query load. */
export const CONNECTIONS = 32;
/** Concurrent writers of the append loads. */
export const WRITERS = 64;

/** What every step of a bench run works with. */
export interface BenchContext {
  /** The project's root: where `dist/` and `bench/` are. */
  root: string;
  /** The run's data directory: the log, the read model, scratch files. */
  dataDir: string;
  scale: number;
  quick: boolean;
  /** Seconds of each measured load. */
  duration: number;
  /** Every regency code of idn-area-data. */
  codes: string[];
  recorder: Recorder;
  children: Children;
}
