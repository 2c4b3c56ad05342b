/**
 * Step 5, continued: the heaviest analyst questions, each request at another point in time (no
 * cache hits), then heavy analytics sent continuously while `/health` is probed (issue 10: one
 * request must not stall everyone), and the server's peak memory after every load.
 */
import { analystLoad, analystQuestions } from '../analyst.js';
import { peakRssMb } from '../children.js';
import { measureHeavyQueries } from '../heavy-queries.js';
import { type BenchContext, CONNECTIONS } from './context.js';

export async function measureAnalystRows(
  { duration, recorder }: BenchContext,
  url: string,
  ask: { innovationId: string; loadedAt: number },
) {
  const { record } = recorder;
  for (const question of analystQuestions(ask.innovationId, '35.10', ask.loadedAt)) {
    let a: Awaited<ReturnType<typeof analystLoad>>;
    try {
      a = await analystLoad(url, question, CONNECTIONS, duration);
    } catch (error) {
      // A question the server refuses (e.g. past its time budget at this scale) is a row too.
      record({
        name: `analyst: ${question.name}`,
        value: 0,
        unit: 'requests/s',
        note: `not answered: ${error instanceof Error ? error.message : String(error)}`.slice(
          0,
          300,
        ),
      });
      continue;
    }
    record({
      name: `analyst: ${a.name}`,
      value: a.rps,
      unit: 'requests/s',
      note: `p50 ${a.p50} ms, p99 ${a.p99} ms; server event-loop delay p99 ${a.loopP99} ms${a.timeouts ? `; ${a.timeouts} requests timed out after 10 s` : ''}`,
    });
    record({ name: `analyst: ${a.name}, p50`, value: a.p50, unit: 'ms' });
    record({ name: `analyst: ${a.name}, p99`, value: a.p99, unit: 'ms' });
    record({
      name: `analyst: ${a.name}, server event-loop delay p99`,
      value: a.loopP99,
      unit: 'ms',
    });
  }
}

export async function measureHeavyLoad({ duration, recorder }: BenchContext, url: string) {
  const heavy = await measureHeavyQueries(url, duration, 2);
  recorder.record({
    name: 'event-loop delay p99 under continuous heavy queries',
    value: heavy.eventLoopP99Ms,
    unit: 'ms',
    goal: '<= 50',
    note: `2 clients, in turn: the 4-diffusion 500-row query (refused ${heavy.refused}x by price), the heaviest admitted diffusions and issue 12 figures over a period (answered ${heavy.answered}x, ${heavy.figures} of them figures)`,
  });
  recorder.record({
    name: '/health p99 under continuous heavy queries',
    value: heavy.healthP99Ms,
    unit: 'ms',
    goal: '<= 50',
    note: `${heavy.healthProbes} probes every 20 ms; p50 ${heavy.healthP50Ms} ms, max ${heavy.healthMaxMs} ms`,
  });
}

export function recordServerPeak({ recorder }: BenchContext, pid: number) {
  recorder.record({
    name: 'peak resident memory, server',
    value: peakRssMb(pid),
    unit: 'MB',
    goal: '<= 300',
    note: 'VmHWM after cold start and every query load',
  });
}
