import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

/**
 * `npm run bench` must keep working: a tiny run measures every figure and writes the results
 * file. This checks that the benchmark runs and reports, not how fast anything is.
 */
const dir = mkdtempSync(join(tmpdir(), 'replika-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('runs end to end at a tiny scale and reports every measurement with its unit', async () => {
    const out = join(dir, 'results.json');
    await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/run.ts',
        '--scale',
        '0.005',
        '--duration',
        '1',
        '--dir',
        dir,
        '--out',
        out,
      ],
      { cwd: projectRoot(), maxBuffer: 16 * 1024 * 1024 },
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      measurements: Array<{ name: string; value: number; unit: string }>;
      baselines: Array<{ name: string }>;
    };
    const names = report.measurements.map((m) => m.name);
    for (const expected of [
      'durable appends, 1 sequential writer',
      'durable appends, 64 concurrent writers',
      'projection rebuild from the full log',
      'cold start to first answer',
      'flagship query (Banyuwangi innovations, adopters, stages)',
      'peak resident memory, server',
      'event-loop delay p99 under continuous heavy queries',
    ])
      expect(names).toContain(expected);
    expect(report.baselines.map((b) => b.name)).toEqual([
      'graphql-yoga, trivial query',
      'node:http, fixed body',
    ]);
    for (const m of report.measurements) {
      expect(m.unit).toBeTruthy();
      expect(Number.isFinite(m.value)).toBe(true);
    }
  }, 180_000);
});
