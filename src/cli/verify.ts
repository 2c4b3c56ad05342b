import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { checkedPayload, DamagedEventError } from '../eventstore/damaged.js';
import { openEventStore } from '../eventstore/open.js';
import type { EventStore } from '../eventstore/port.js';
import { createLogger } from '../log.js';
import { hasEventLog } from './inputs.js';

const PAGE = 2000;

export interface VerifyReport {
  /** Events read. */
  events: number;
  head: bigint;
  damaged: DamagedEventError[];
}

/**
 * Reads the whole log and checks every event: data and metadata are JSON, and the payload of
 * every known type is what its schema says. Every damaged event is reported (reading goes on
 * past it), not only the first.
 */
export async function verifyLog(
  store: EventStore,
  onProgress?: (position: bigint) => void,
): Promise<VerifyReport> {
  const head = await store.headPosition();
  const damaged: DamagedEventError[] = [];
  let after = 0n;
  let events = 0;
  for (;;) {
    let page: Awaited<ReturnType<EventStore['readAll']>>;
    try {
      page = await store.readAll({ after, maxCount: PAGE });
    } catch (error) {
      if (!(error instanceof DamagedEventError)) throw error;
      // The events before the unreadable one are read again on their own, then past it.
      const before = error.position - after - 1n;
      page = before > 0n ? await store.readAll({ after, maxCount: Number(before) }) : [];
      for (const event of page) check(event);
      damaged.push(error);
      events += 1;
      after = error.position;
      continue;
    }
    if (page.length === 0) break;
    for (const event of page) check(event);
    after = page.at(-1)?.position ?? after;
    onProgress?.(after);
  }
  return { events, head, damaged };

  function check(event: Awaited<ReturnType<EventStore['readAll']>>[number]) {
    events += 1;
    try {
      checkedPayload(event);
    } catch (error) {
      if (!(error instanceof DamagedEventError)) throw error;
      damaged.push(error);
    }
  }
}

/** `replika verify`: checks the whole event log and lists every damaged event. */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description(
      'check every event in the log (readable JSON, payload matching its schema) and list each damaged one; safe beside a running server',
    )
    .action(async () => {
      const config = loadConfig();
      if (!hasEventLog(config)) return;
      const store = await openEventStore(config, createLogger('warn'));
      try {
        const report = await verifyLog(store);
        if (report.damaged.length === 0) {
          console.log(`${report.events} events up to position ${report.head}: all readable`);
          return;
        }
        console.error(
          `${report.damaged.length} damaged event(s) of ${report.events} up to position ${report.head}:`,
        );
        for (const d of report.damaged)
          console.error(
            `  position ${d.position}, stream ${d.streamName}, revision ${d.revision}, ${d.type}: ${d.problem}`,
          );
        process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
