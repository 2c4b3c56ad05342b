import type { KnownInnovation } from './gazetteer.js';
import { fold, gapBefore, type Report } from './text.js';

/**
 * Where the report names a registered innovation: by its name, an alias, or a short form derived
 * from the name ("MPP" and "mal pp" for "Mal Pelayanan Publik"); spelling variants ("mall",
 * "perijinan") count as the same word. An innovation with an English name ("e-Village
 * Budgeting") is also found where the report describes it in Indonesian ("perencanaan keuangan
 * desa … berbasis online"), through a small glossary, with a lower confidence.
 */

export interface InnovationMention {
  id: string;
  originCode: string;
  from: number;
  to: number;
  sentence: number;
  confidence: number;
  reason: string;
}

const SPELLING: Readonly<Record<string, string>> = {
  mall: 'mal',
  perijinan: 'perizinan',
  ijin: 'izin',
  pelayananan: 'pelayanan',
  publick: 'publik',
};

const norm = (w: string) => SPELLING[w] ?? w;

/** Words a short form skips ("Mal Pelayanan Publik dan Perizinan" → MPPP, not MPPDP). */
const MINOR = new Set(['dan', 'di', 'ke', 'dari', 'untuk', 'yang', 'the', 'of', 'and', 'for']);

/** English words in innovation names and the Indonesian words a report uses for them. */
const GLOSSARY: Readonly<Record<string, readonly string[]>> = {
  e: ['online', 'daring', 'elektronik', 'digital', 'aplikasi'],
  online: ['online', 'daring'],
  digital: ['digital', 'online', 'daring'],
  smart: ['pintar', 'cerdas', 'digital'],
  village: ['desa', 'kampung'],
  budgeting: ['anggaran', 'penganggaran', 'keuangan'],
  budget: ['anggaran', 'keuangan'],
  planning: ['perencanaan'],
  city: ['kota'],
  public: ['publik'],
  service: ['pelayanan', 'layanan'],
  services: ['pelayanan', 'layanan'],
  health: ['kesehatan'],
  school: ['sekolah'],
  tax: ['pajak'],
  licensing: ['perizinan', 'izin'],
  permit: ['perizinan', 'izin'],
  market: ['pasar'],
  card: ['kartu'],
  office: ['kantor'],
  center: ['pusat'],
  centre: ['pusat'],
  farmer: ['petani'],
  care: ['peduli'],
};

/** Tokens a description may spread over. */
const DESCRIPTION_WINDOW = 10;

interface Pattern {
  words: string[];
  confidence: number;
  reason: string;
}

function patternsOf(innovation: KnownInnovation): Pattern[] {
  const name = fold(innovation.name).split(' ').filter(Boolean).map(norm);
  const patterns: Pattern[] = [{ words: name, confidence: 0.9, reason: 'its name' }];
  for (const alias of innovation.aliases ?? []) {
    const words = fold(alias).split(' ').filter(Boolean).map(norm);
    if (words.length) patterns.push({ words, confidence: 0.85, reason: `its alias "${alias}"` });
  }
  const major = name.filter((w) => !MINOR.has(w));
  if (major.length >= 3) {
    const acronym = major.map((w) => w[0]).join('');
    patterns.push({
      words: [acronym],
      confidence: 0.8,
      reason: `"${acronym.toUpperCase()}", its initials`,
    });
    for (let k = 1; k < major.length - 1; k++) {
      const words = [
        ...major.slice(0, k),
        major
          .slice(k)
          .map((w) => w[0])
          .join(''),
      ];
      patterns.push({
        words,
        confidence: 0.8,
        reason: `"${words.join(' ')}", a short form of its name`,
      });
    }
  }
  return patterns;
}

/** Patterns by their first word, built once per list of innovations. */
const indexes = new WeakMap<
  readonly KnownInnovation[],
  Map<string, Array<[KnownInnovation, Pattern]>>
>();

function patternIndex(innovations: readonly KnownInnovation[]) {
  let index = indexes.get(innovations);
  if (index) return index;
  index = new Map();
  for (const innovation of innovations)
    for (const p of patternsOf(innovation)) {
      const first = p.words[0];
      if (first === undefined) continue;
      const list = index.get(first);
      if (list) list.push([innovation, p]);
      else index.set(first, [[innovation, p]]);
    }
  indexes.set(innovations, index);
  return index;
}

/**
 * Every mention of a registered innovation. Descriptions ("keuangan desa … online") are looked
 * for only for innovations of a regency the report names (`origins`) that are not named.
 */
export function findInnovationMentions(
  report: Report,
  innovations: readonly KnownInnovation[],
  origins: ReadonlySet<string>,
): InnovationMention[] {
  const { tokens } = report;
  const words = tokens.map((t) => norm(t.word));
  const index = patternIndex(innovations);
  const found: InnovationMention[] = [];
  // Per innovation, the end of its last mention: one mention per place, the longest pattern first.
  const until = new Map<string, number>();
  for (let i = 0; i < words.length; i++)
    for (const [innovation, p] of index.get(words[i] ?? '') ?? []) {
      if ((until.get(innovation.id) ?? 0) > i) continue;
      if (!p.words.every((w, k) => words[i + k] === w && (k === 0 || joins(report, i + k))))
        continue;
      found.push({
        id: innovation.id,
        originCode: innovation.originCode,
        from: i,
        to: i + p.words.length,
        sentence: tokens[i]?.sentence ?? 0,
        confidence: p.confidence,
        reason: `${p.reason} names ${innovation.name}`,
      });
      until.set(innovation.id, i + p.words.length);
    }
  for (const innovation of innovations)
    if (origins.has(innovation.originCode) && !until.has(innovation.id))
      found.push(...describedAt(report, words, innovation));
  return found.sort((a, b) => a.from - b.from || a.id.localeCompare(b.id));
}

function joins(report: Report, i: number): boolean {
  return /^[\s-]*$/.test(gapBefore(report, i));
}

/** Sentences where every word of an English-named innovation appears in Indonesian. */
function describedAt(
  report: Report,
  words: readonly string[],
  innovation: KnownInnovation,
): InnovationMention[] {
  const name = fold(innovation.name)
    .split(' ')
    .filter((w) => w && !MINOR.has(w));
  if (!name.some((w) => GLOSSARY[w])) return [];
  const wanted = name.map((w) => new Set([w, ...(GLOSSARY[w] ?? [])]));
  const out: InnovationMention[] = [];
  for (const s of report.sentences) {
    for (let from = s.from; from < s.to; from++) {
      if (!wanted.some((set) => set.has(words[from] ?? ''))) continue;
      const to = Math.min(s.to, from + DESCRIPTION_WINDOW);
      const hits = wanted.map((set) => {
        for (let i = from; i < to; i++) if (set.has(words[i] ?? '')) return i;
        return -1;
      });
      if (hits.some((h) => h < 0)) continue;
      const last = Math.max(...hits) + 1;
      out.push({
        id: innovation.id,
        originCode: innovation.originCode,
        from,
        to: last,
        sentence: report.tokens[from]?.sentence ?? 0,
        confidence: 0.5,
        reason: `described, not named: ${name
          .map((w, k) => `${words[hits[k] ?? 0]} = ${w}`)
          .join(', ')} (${innovation.name})`,
      });
      break;
    }
  }
  return out.slice(0, 1);
}
