import { describe, expect, it } from 'vitest';
import { AdoptionColumns } from './period-columns.js';
import { PeriodIndex } from './period-index.js';

const noMilestones = {
  adoption: new Int32Array(0),
  day: new Uint16Array(0),
  knownDay: new Uint16Array(0),
  dayBase: 0,
  flags: new Uint8Array(0),
};

describe('a period index reads its adoptions into columns of numbered names', () => {
  it('numbers each distinct name once, across columns', () => {
    const columns = new AdoptionColumns(2);
    columns.set(0, '32.04', 'mal-pelayanan', '35.10', '32', 'SERVICE');
    columns.set(1, '35.10', 'mal-pelayanan', '35.10', '35', 'SERVICE');
    columns.setMode(1, 2, 'ADAPTATION');
    const c = columns.columns(noMilestones);
    expect(c.names).toEqual([
      '32.04',
      'mal-pelayanan',
      '35.10',
      '32',
      'SERVICE',
      '35',
      'ADAPTATION',
    ]);
    expect([...c.adopter]).toEqual([0, 2]);
    expect([...c.origin]).toEqual([2, 2]);
    expect(c.mode.map((m) => [...m])).toEqual([
      [-1, -1],
      [-1, -1],
      [-1, 6],
    ]);
  });

  it('a refresh keeps the previous names and numbers, and adds new ones after them', () => {
    const first = new AdoptionColumns(1);
    first.set(0, '32.04', 'mal-pelayanan', '35.10', '32', 'SERVICE');
    first.setMode(0, 0, 'ADOPTION');
    const previous = new PeriodIndex({ version: 3, position: 9n }, first.columns(noMilestones));
    const next = new AdoptionColumns(2, previous);
    next.copy(0, previous);
    next.set(1, '18.04', 'mal-pelayanan', '35.10', '16', 'SERVICE');
    const c = next.columns(noMilestones);
    expect(c.names.slice(0, previous.names.length)).toEqual(previous.names);
    expect(c.names.slice(previous.names.length)).toEqual(['18.04', '16']);
    expect([...c.adopter]).toEqual([0, 6]);
    expect([...(c.mode[0] as Int32Array)]).toEqual([5, -1]);
    expect(previous.names).toHaveLength(6);
  });

  it('refuses an adoption number outside its count and a class it does not know', () => {
    const columns = new AdoptionColumns(1);
    expect(() => columns.set(1, 'a', 'b', 'c', 'd', 'e')).toThrow(/number 2 is outside 1–1/);
    expect(() => columns.set(-1, 'a', 'b', 'c', 'd', 'e')).toThrow(/number 0 is outside/);
    expect(() => columns.setMode(0, 3, 'ADOPTION')).toThrow(/no verification class numbered 3/);
  });
});
