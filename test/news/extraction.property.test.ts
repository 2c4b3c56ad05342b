import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { getVillages } from 'idn-area-data';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Regions } from '../../src/application/regions.js';
import { draftFromReport } from '../../src/news/draft.js';
import type { Gazetteer, KnownInnovation } from '../../src/news/gazetteer.js';
import type { ReportDraft } from '../../src/news/proposals.js';
import { demoInnovations, realWorld } from './support.js';

/**
 * Properties of the extractor over generated text: it never throws, it only ever proposes
 * Kemendagri's codes (and registered innovations), and what it proposes does not change when
 * the text's case or its whitespace does (a line break stays a line break: paragraphs are
 * structure).
 */

let regions: Regions;
let gazetteer: Gazetteer;
let innovations: KnownInnovation[];
let villages: Set<string>;
beforeAll(async () => {
  ({ regions, gazetteer } = await realWorld());
  innovations = await demoInnovations();
  villages = new Set((await getVillages()).map((v) => v.code));
});

/** Pieces of study-visit reports, to build texts that exercise every rule. */
const PIECES = [
  'Bupati Lahat',
  'Bupati Pasangkayu',
  'Wali Kota Cilegon',
  'Pemkab Pohuwato',
  'Kabupaten Lebak',
  'Kota Batu',
  'batu',
  'Malang',
  'Kota Bogor',
  'Bogor',
  'Provinsi Gorontalo',
  'BANYUWANGI -',
  'TRIBUNNEWS.COM, BANYUWANGI -',
  'berkunjung ke',
  'Banyuwangi',
  'studi tiru ke',
  'di',
  'Senin (25/2)',
  'hingga Rabu (27/2)',
  'selama tiga hari',
  '28–30 Januari 2026',
  '31/12/2025',
  'kemarin',
  'Selasa',
  '60 orang rombongannya',
  'ditemani 14 jajarannya',
  'rombongan berjumlah 25 orang',
  'dipimpin Wakil Bupati Pohuwato',
  'mulai dari',
  'Lounge Pelayanan Publik',
  'Kantor Kecamatan Licin',
  'Smart Kampung Desa Taman Sari',
  'Desa Kemiren',
  'Kecamatan Glagah',
  'MPP',
  'mal pp',
  'Mal Pelayanan Publik',
  'e-Village Budgeting',
  'keuangan desa berbasis online',
  'ingin membikin',
  'menargetkan',
  'beroperasi pada 2027',
  'kata Agus',
  'katanya',
  'Agus Ambo Djiwa',
  'Cik Ujang',
  'senada dengan Agus',
  'maksud yang sama',
  'diterapkan di sana',
  'sebagus Banyuwangi',
  'dan',
  ',',
  '.',
  '“',
  '”',
  '(',
  ')',
  '-',
  '\n',
];
const SPACES = [' ', '  ', '\t', ' \t '];
const BREAKS = ['\n', '\n\n', ' \n', '\n  '];

const pieces = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SPACES)), { maxLength: 12 })
  .map((parts) => parts.map(([piece, space]) => piece + space).join(''));
/** A sentence shaped like a report's: who, what, where, when, then anything. */
const sentence = fc
  .tuple(
    fc.constantFrom('', 'BANYUWANGI - ', 'LAHAT - ', 'KOMPAS.com, '),
    fc.constantFrom(
      'Bupati Lahat',
      'Pemkab Pohuwato',
      'Wali Kota Cilegon',
      'Kabupaten Lebak',
      'Bupati Pasangkayu, Agus Ambo Djiwa,',
      'Mereka',
      'Kota Batu',
    ),
    fc.constantFrom(
      ' berkunjung ke ',
      ' studi tiru ke ',
      ' belajar di ',
      ' ingin membikin ',
      ' dipimpin Wakil Bupati Pohuwato ke ',
    ),
    fc.constantFrom('Banyuwangi', 'Kabupaten Banyuwangi', 'Kota Bogor', 'mal pp', 'Lahat'),
    fc.constantFrom(
      ', Senin (25/2)',
      ' pada 28–30 Januari 2026',
      ' selama tiga hari hingga Rabu (27/2)',
      '',
      ' kemarin',
    ),
    pieces,
    fc.constantFrom('.', '.\n', ', kata Agus.\n', '\n'),
  )
  .map((parts) => parts.join(''));
const reportText = fc
  .array(fc.oneof(sentence, pieces), { maxLength: 8 })
  .map((parts) => parts.join(' '));
const publishedOn = fc
  .date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const draftOf = (text: string, date: string) =>
  draftFromReport({ text, publishedOn: date }, { gazetteer, innovations });

/** The facts of a draft: everything but offsets, quoted text and the title taken from the text. */
function facts(draft: ReportDraft) {
  return {
    regencies: draft.regencies.map((r) => [r.code, r.role, r.confidence]),
    visits: draft.studyVisits.map((p) => ({
      ...p.input,
      evidence: undefined,
      confidence: p.confidence,
      missing: p.missing,
      fields: p.sources.map((s) => s.field),
    })),
    milestones: draft.milestones.map((p) => ({
      ...p.input,
      evidence: undefined,
      confidence: p.confidence,
    })),
  };
}

describe('the news extractor', () => {
  it('never throws, whatever the text and the date', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), reportText),
        publishedOn,
        (text, date) => {
          draftOf(text, date);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never proposes a region code that is not Kemendagri's, nor an unregistered innovation", () => {
    const ids = new Set(innovations.map((i) => i.id));
    let proposed = 0;
    fc.assert(
      fc.property(reportText, publishedOn, (text, date) => {
        const draft = draftOf(text, date);
        proposed += draft.studyVisits.length + draft.milestones.length;
        for (const r of draft.regencies) expect(regions.regency(r.code)).toBeDefined();
        for (const { input } of draft.studyVisits) {
          expect(regions.regency(input.hostCode)).toBeDefined();
          expect(regions.regency(input.visitorCode)).toBeDefined();
          expect(input.hostCode).not.toBe(input.visitorCode);
          expect(input.startDate <= input.endDate).toBe(true);
          for (const s of input.sites)
            if (s.villageCode) expect(villages.has(s.villageCode)).toBe(true);
          for (const id of input.innovationIds) expect(ids.has(id)).toBe(true);
        }
        for (const { input } of draft.milestones) {
          expect(regions.regency(input.adopterCode)).toBeDefined();
          expect(ids.has(input.innovationId)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // The generated texts do make the extractor propose things (the property is not vacuous).
    expect(proposed).toBeGreaterThan(50);
  });

  it('proposes the same for the hand-written reports in upper case and on one line each', () => {
    const dir = join(import.meta.dirname, 'fixtures');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      const date = '2026-02-01';
      const base = facts(draftOf(text, date));
      expect(facts(draftOf(text.toUpperCase(), date))).toEqual(base);
      expect(facts(draftOf(text.replace(/ /g, '   '), date))).toEqual(base);
    }
  });

  it('proposes the same under changes of case', () => {
    fc.assert(
      fc.property(
        reportText,
        publishedOn,
        fc.constantFrom('upper', 'lower', 'mixed'),
        fc.infiniteStream(fc.boolean()),
        (text, date, how, flips) => {
          const changed =
            how === 'upper'
              ? text.toUpperCase()
              : how === 'lower'
                ? text.toLowerCase()
                : [...text]
                    .map((c) => (flips.next().value ? c.toUpperCase() : c.toLowerCase()))
                    .join('');
          expect(facts(draftOf(changed, date))).toEqual(facts(draftOf(text, date)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('proposes the same under changes of whitespace', () => {
    fc.assert(
      fc.property(reportText, publishedOn, fc.infiniteStream(fc.nat(3)), (text, date, picks) => {
        const changed = text.replace(/\s+/g, (run) => {
          const k = picks.next().value ?? 0;
          return run.includes('\n') ? (BREAKS[k] ?? '\n') : (SPACES[k] ?? ' ');
        });
        expect(facts(draftOf(changed, date))).toEqual(facts(draftOf(text, date)));
      }),
      { numRuns: 200 },
    );
  });
});
