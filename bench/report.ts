/** What one `npm run bench` run records, and how it prints and writes it. */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Measurement {
  name: string;
  value: number;
  unit: string;
  /** e.g. ">= 50000"; absent when the figure is context, not a goal. */
  goal?: string;
  met?: boolean;
  note?: string;
}

export interface Baseline {
  rps: number;
  p50: number;
  p99: number;
}

export const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
export const seconds = (ns: bigint) => Number(ns) / 1e9;
export const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The run's measurements and baselines, in the order they were taken. */
export class Recorder {
  readonly results: Measurement[] = [];
  readonly baselines: Record<string, Baseline> = {};

  /** Keeps a measurement, decides whether its goal is met, and logs it as it comes. */
  readonly record = (m: Measurement) => {
    if (m.goal) {
      const [op, target] = m.goal.split(' ');
      m.met = op === '>=' ? m.value >= Number(target) : m.value <= Number(target);
    }
    this.results.push(m);
    log(
      `${m.name}: ${m.value} ${m.unit}${m.goal ? ` (goal ${m.goal}: ${m.met ? 'met' : 'NOT met'})` : ''}`,
    );
  };

  baseline(name: string, b: Baseline) {
    this.baselines[name] = b;
  }
}

export interface RunSettings {
  scale: number;
  quick: boolean;
  durationSeconds: number;
  connections: number;
  writers: number;
  dataset: unknown;
}

/** Writes the run's JSON report to `out` and prints its table. */
export function writeReport(out: string, recorder: Recorder, settings: RunSettings) {
  const machine = {
    cpus: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  const { dataset, ...run } = settings;
  const report = {
    date: new Date().toISOString(),
    ...run,
    machine,
    dataset,
    measurements: recorder.results,
    baselines: Object.entries(recorder.baselines).map(([name, b]) => ({
      name,
      requestsPerSecond: b.rps,
      p50Ms: b.p50,
      p99Ms: b.p99,
    })),
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  printTable(report);
}

function printTable(report: {
  measurements: Measurement[];
  baselines: Array<{ name: string; requestsPerSecond: number; p50Ms: number; p99Ms: number }>;
  machine: Record<string, unknown>;
  date: string;
  scale: number;
}) {
  const rows = [
    ['measurement', 'value', 'unit', 'goal', 'met'],
    ...report.measurements.map((m) => [
      m.name,
      String(m.value),
      m.unit,
      m.goal ?? '',
      m.goal ? (m.met ? 'yes' : 'NO') : '',
    ]),
    ...report.baselines.map((b) => [
      `baseline: ${b.name} (p50 ${b.p50Ms} ms, p99 ${b.p99Ms} ms)`,
      String(b.requestsPerSecond),
      'requests/s',
      '',
      '',
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(
    `\nreplika bench, scale ${report.scale}, ${report.date}, ${JSON.stringify(report.machine)}\n`,
  );
  console.log(line(rows[0] as string[]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}
