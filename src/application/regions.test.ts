import { getVillages } from 'idn-area-data';
import { describe, expect, it } from 'vitest';
import { Regions, VillageCodes } from './regions.js';

/**
 * The village codes are held compactly (their digits, sorted): they must answer exactly as the
 * set of idn-area-data's code strings would — every village, and nothing else, not even a code
 * with the same digits written another way.
 */
describe('the village codes', () => {
  it('know every village of idn-area-data and nothing else', async () => {
    const codes = (await getVillages()).map((v) => v.code);
    const strings = new Set(codes);
    const villages = VillageCodes.of(codes);
    expect(codes.length).toBeGreaterThan(80_000);
    expect(codes.every((code) => villages.has(code))).toBe(true);
    const nearMisses = codes
      .filter((_, i) => i % 97 === 0)
      .flatMap((code) => {
        const last = Number(code.at(-1));
        return [
          `${code.slice(0, -1)}${(last + 1) % 10}`,
          `${code.slice(0, 3)}99${code.slice(5)}`,
          code.replaceAll('.', ''),
          `${code} `,
          code.slice(0, -1),
          `${code}0`,
          code.replace('.', '-'),
        ];
      });
    for (const code of nearMisses) expect(villages.has(code), code).toBe(strings.has(code));
    expect(nearMisses.some((code) => strings.has(code))).toBe(true);
    expect(villages.has('')).toBe(false);
  });

  it('are what the regions answer about a study visit site', async () => {
    const regions = await Regions.load();
    const [first] = await getVillages();
    expect(await regions.hasVillage(first?.code ?? '')).toBe(true);
    expect(await regions.hasVillage('99.99.99.9999')).toBe(false);
  });

  it('refuse a code of another shape when loaded', () => {
    expect(() => VillageCodes.of(['35.10.01.2001', '3510012002'])).toThrow('not a village code');
  });
});
