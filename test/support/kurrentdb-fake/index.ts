export type { AppendFault, Faults, ReadFault } from './faults.js';
export type { FakeRecord } from './log.js';
export {
  type CallRecord,
  type FakeKurrentDb,
  type FakeOptions,
  startFakeKurrentDb,
} from './server.js';
