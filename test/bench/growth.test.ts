import { describe, expect, it } from 'vitest';
import { growthTable, parseGrowthArgs } from '../../bench/growth.js';

/** The growth table (`npm run bench -- --growth`) follows each figure across the scales' runs. */
const report = (scale: number, values: Record<string, number>) => ({
  date: '2026-12-01T00:00:00.000Z',
  scale,
  measurements: Object.entries(values).map(([name, value]) => ({ name, value, unit: '' })),
});

describe('the growth table', () => {
  it('gives every followed figure per scale and how much it grew from the first to the last', () => {
    const { rows, markdown } = growthTable([
      report(0.25, {
        'events in the log': 250_000,
        'projection rebuild from the full log': 20_000,
        'cold start to first answer': 800,
        'analyst: diffusion (one innovation), p99': 40,
      }),
      report(4, {
        'events in the log': 4_000_000,
        'projection rebuild from the full log': 18_000,
        'cold start to first answer': 1_200,
        'analyst: diffusion (one innovation), p99': 100,
      }),
    ]);
    const row = (name: string) => rows.find((r) => r.row === name);
    expect(row('events in the log')).toEqual({
      row: 'events in the log',
      values: [250_000, 4_000_000],
      growth: 16,
    });
    expect(row('rebuild rate (events/s)')?.growth).toBe(0.9);
    expect(row('cold start to first answer (ms)')?.growth).toBe(1.5);
    expect(row('diffusion (one innovation), p99 (ms)')?.values).toEqual([40, 100]);
    // A question that answered nothing has no p99 (the run records 0 requests/s and 0 ms).
    expect(
      growthTable([
        report(1, {
          'analyst: topAdopters, p99': 0,
          'analyst: topAdopters': 0,
        }),
      ]).rows.find((r) => r.row === 'topAdopters, p99 (ms)')?.values,
    ).toEqual([undefined]);
    // A figure a run did not measure is shown as missing, not as zero.
    expect(row('flagship p99 (ms)')).toEqual({
      row: 'flagship p99 (ms)',
      values: [undefined, undefined],
      growth: undefined,
    });
    expect(markdown.split('\n')[0]).toBe('| figure | scale 0.25 | scale 4 | last / first |');
  });

  it('reads the scales and the runs to reuse from the command line', () => {
    const options = parseGrowthArgs([
      '--growth',
      '--reuse',
      '1=bench/results-full.json',
      '--duration',
      '5',
    ]);
    expect(options.scales).toEqual([0.25, 1, 4]);
    expect([...options.reuse]).toEqual([[1, 'bench/results-full.json']]);
    expect(options.duration).toBe('5');
    expect(() => parseGrowthArgs(['--reuse', '1'])).toThrow(/SCALE=FILE/);
  });
});
