/**
 * `npm run bench -- --growth [--scales 0.25,1,4] [--duration S] [--dir D] [--reuse 1=FILE]`
 *
 * The growth curve: the whole benchmark once per scale (each in a process of its own, writing
 * bench/results-scale-<S>.json), then one table of the figures that must not grow faster than the
 * log — rebuild rate, cold start, flagship p99, the analyst questions' p99, peak memory — printed
 * and written to bench/results-growth.json. `--reuse 1=bench/results-full.json` takes a scale's
 * figures from a run already made instead of running it again.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../src/paths.js';

interface Report {
  date: string;
  scale: number;
  measurements: Array<{ name: string; value: number; unit: string }>;
}

export interface GrowthOptions {
  scales: number[];
  duration?: string;
  dir?: string;
  /** Results files to take instead of running a scale again. */
  reuse: Map<number, string>;
  out?: string;
}

/** The figures the growth table follows, as [row, measurement name]. */
const FOLLOWED: Array<[string, string]> = [
  ['events in the log', 'events in the log'],
  ['rebuild rate (events/s)', 'projection rebuild from the full log'],
  ['peak memory, rebuild (MB)', 'peak resident memory, rebuild process'],
  ['cold start to first answer (ms)', 'cold start to first answer'],
  ['flagship p99 (ms)', 'flagship query p99 latency'],
  ['peak memory, server (MB)', 'peak resident memory, server'],
];

export function parseGrowthArgs(args: readonly string[]): GrowthOptions {
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const reuse = new Map<number, string>();
  args.forEach((arg, i) => {
    if (arg !== '--reuse') return;
    const [scale, file] = (args[i + 1] ?? '').split('=');
    if (!scale || !file)
      throw new Error('--reuse takes SCALE=FILE, e.g. --reuse 1=bench/results-full.json');
    reuse.set(Number(scale), file);
  });
  return {
    scales: (option('scales') ?? '0.25,1,4').split(',').map(Number),
    duration: option('duration'),
    dir: option('dir'),
    reuse,
    out: option('out'),
  };
}

export function runGrowth(options: GrowthOptions): void {
  const root = projectRoot();
  const reports: Report[] = [];
  for (const scale of options.scales) {
    let file = options.reuse.get(scale);
    if (!file) {
      file = join(root, 'bench', `results-scale-${scale}.json`);
      const started = Date.now();
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'bench/run.ts',
          '--scale',
          String(scale),
          '--out',
          file,
          ...(options.duration ? ['--duration', options.duration] : []),
          ...(options.dir ? ['--dir', options.dir] : []),
        ],
        { cwd: root, stdio: 'inherit' },
      );
      if (run.status !== 0) throw new Error(`the run at scale ${scale} failed (${run.status})`);
      process.stderr.write(
        `[bench] scale ${scale} took ${Math.round((Date.now() - started) / 1000)} s\n`,
      );
    }
    reports.push(JSON.parse(readFileSync(resolve(root, file), 'utf8')) as Report);
  }
  const table = growthTable(reports);
  writeFileSync(
    options.out ?? join(root, 'bench', 'results-growth.json'),
    `${JSON.stringify({ date: new Date().toISOString(), runs: reports.map((r) => ({ scale: r.scale, date: r.date })), rows: table.rows }, null, 2)}\n`,
  );
  console.log(`\n${table.markdown}`);
}

/** The growth table: one row per followed figure, one column per scale, and last / first. */
export function growthTable(reports: readonly Report[]) {
  const value = (r: Report, name: string) => r.measurements.find((m) => m.name === name)?.value;
  const analyst = [
    ...new Set(
      reports.flatMap((r) =>
        r.measurements
          .map((m) => m.name)
          .filter((n) => n.startsWith('analyst: ') && n.endsWith(', p99')),
      ),
    ),
  ];
  const followed: Array<[string, string]> = [
    ...FOLLOWED.slice(0, 5),
    ...analyst.map((n): [string, string] => [`${n.slice('analyst: '.length)} (ms)`, n]),
    ...FOLLOWED.slice(5),
  ];
  // A question that answered nothing in its run (every request past its budget) has no p99.
  const answered = (r: Report, name: string) =>
    !name.startsWith('analyst: ') || value(r, name.replace(/, p99$/, '')) !== 0;
  const rows = followed.map(([row, name]) => {
    const values = reports.map((r) => (answered(r, name) ? value(r, name) : undefined));
    const first = values[0];
    const last = values.at(-1);
    const growth = first && last !== undefined ? Math.round((last / first) * 100) / 100 : undefined;
    return { row, values, growth };
  });
  const header = ['figure', ...reports.map((r) => `scale ${r.scale}`), 'last / first'];
  const line = (cells: Array<string | number | undefined>) =>
    `| ${cells.map((c) => (c === undefined ? '—' : String(c))).join(' | ')} |`;
  const markdown = [
    line(header),
    `|${header.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) =>
      line([r.row, ...r.values, r.growth === undefined ? undefined : `${r.growth}x`]),
    ),
  ].join('\n');
  return { rows, markdown };
}
