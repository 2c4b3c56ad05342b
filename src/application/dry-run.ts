import type {
  AppendOptions,
  EventData,
  ReadStreamOptions,
  RecordedEvent,
} from '../eventstore/port.js';
import type { StreamStore } from './command-handler.js';

/**
 * A store for dry runs: reads go to the real store (each stream once), appends stay in memory,
 * so a batch of commands is checked against the store and against each other without writing.
 */
export class DryRunStore implements StreamStore {
  private readonly streams = new Map<string, Promise<RecordedEvent[]>>();
  private position = 0n;

  constructor(private readonly store: StreamStore) {}

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events = await this.loaded(streamName);
    const from = events.filter((e) => e.revision >= (options.fromRevision ?? 0n));
    return options.maxCount === undefined ? from : from.slice(0, options.maxCount);
  }

  async append(streamName: string, events: readonly EventData[], _options: AppendOptions) {
    const list = await this.loaded(streamName);
    for (const event of events)
      list.push({
        ...event,
        streamName,
        revision: BigInt(list.length),
        position: --this.position,
        recordedAt: new Date(),
      });
    return { nextExpectedRevision: BigInt(list.length - 1), position: this.position };
  }

  private loaded(streamName: string): Promise<RecordedEvent[]> {
    let events = this.streams.get(streamName);
    if (!events) {
      events = this.store.readStream(streamName).then((list) => [...list]);
      this.streams.set(streamName, events);
    }
    return events;
  }
}
