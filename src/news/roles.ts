import type { InnovationMention } from './innovations.js';
import type { RegencyMention } from './regencies.js';
import { breaksClause, gapBefore, type Report, type Span, spanOf } from './text.js';

/**
 * Host and visitors. The host is where the visit happens: named by the dateline, after "ke" or
 * "di" in a sentence about visiting or studying, and the origin of the innovations named. A
 * visitor is a regency named as the subject of a visit ("Bupati Lahat … berkunjung ke …"), as a
 * delegation ("rombongan dari …"), or after "dari" in a sentence about visiting.
 */

export interface RoleEvidence {
  span: Span;
  reason: string;
}

export interface RegencyRole {
  code: string;
  role: 'HOST' | 'VISITOR' | 'MENTIONED';
  confidence: number;
  evidence: RoleEvidence[];
}

const VISIT = new Set([
  'berkeliling',
  'meninjau',
  'berkunjung',
  'kunjungan',
  'kunjungannya',
  'mengunjungi',
  'menyambangi',
  'bertandang',
  'studi',
  'belajar',
  'datang',
  'tiba',
  'kunker',
  'melawat',
  'studitiru',
  'benchmarking',
  'sambangi',
  'kunjungi',
  'menimba',
  'berguru',
]);
const TOWARDS = new Set(['ke', 'mengunjungi', 'menyambangi', 'sambangi', 'kunjungi']);
const RECEIVE = new Set(['menerima', 'menyambut', 'disambangi', 'didatangi', 'dikunjungi']);
const GROUP = new Set(['rombongan', 'delegasi', 'tim', 'kontingen', 'peserta', 'tamu']);

interface Score {
  host: number;
  visitor: number;
  hostWhy: RoleEvidence[];
  visitorWhy: RoleEvidence[];
}

export function assignRoles(
  report: Report,
  mentions: readonly RegencyMention[],
  innovations: readonly InnovationMention[],
): RegencyRole[] {
  const word = (i: number) => report.tokens[i]?.word ?? '';
  const scores = new Map<string, Score>();
  const score = (code: string) => {
    let s = scores.get(code);
    if (!s) {
      s = { host: 0, visitor: 0, hostWhy: [], visitorWhy: [] };
      scores.set(code, s);
    }
    return s;
  };
  const visitWordIn = (sentence: number): number[] => {
    const s = report.sentences[sentence];
    const at: number[] = [];
    if (s) for (let i = s.from; i < s.to; i++) if (VISIT.has(word(i))) at.push(i);
    return at;
  };
  const visiting = new Set<RegencyMention>();
  for (const m of mentions) {
    const s = score(m.code);
    const span = spanOf(report, m.from, m.to);
    if (m.form === 'DATELINE') {
      s.host += 3;
      s.hostWhy.push({ span, reason: m.reason });
    }
    const visits = visitWordIn(m.sentence);
    if (visits.length === 0) continue;
    const before = word(m.from - 1);
    const clauseOpen = !breaksClause(gapBefore(report, m.from));
    if (TOWARDS.has(before) && clauseOpen) {
      s.host += 2;
      s.hostWhy.push({ span: spanOf(report, m.from - 1, m.to), reason: 'where the visit goes' });
    } else if ((before === 'di' || before === 'tiba') && clauseOpen) {
      s.host += 1;
      s.hostWhy.push({ span: spanOf(report, m.from - 1, m.to), reason: 'where the visit is' });
    }
    if ((before === 'dari' || GROUP.has(before)) && clauseOpen) {
      s.visitor += 2;
      s.visitorWhy.push({
        span: spanOf(report, m.from - 1, m.to),
        reason: 'where the visitors come from',
      });
      visiting.add(m);
    }
    // The subject of a visit: named before the visit word, with a place after it; or the one
    // receiving it ("Bupati Banyuwangi menerima kunjungan …").
    const next = visits.find((v) => v > m.from);
    if (m.form !== 'BARE' && m.form !== 'DATELINE' && next !== undefined) {
      const receives = report.tokens.slice(m.to, next).some((t) => RECEIVE.has(t.word));
      if (receives) {
        s.host += 2;
        s.hostWhy.push({ span, reason: 'named as the one receiving the visit' });
        continue;
      }
      const after = mentions.some(
        (o) => o.code !== m.code && o.sentence === m.sentence && o.from > m.to,
      );
      s.visitor += after ? 3 : 2;
      s.visitorWhy.push({ span, reason: 'named as the one who visits' });
      visiting.add(m);
    }
  }
  // "rombongan dari Pemkab Gresik dan Kabupaten Bogor": a visitor's coordinate is one too.
  mentions.forEach((m, k) => {
    const previous = mentions[k - 1];
    if (!previous || previous.sentence !== m.sentence) return;
    const between = report.tokens.slice(previous.to, m.from).map((t) => t.word);
    if (between.length !== 1 || (between[0] !== 'dan' && between[0] !== 'serta')) return;
    const s = scores.get(m.code);
    if (!s || !visiting.has(previous) || s.visitor >= 2) return;
    s.visitor += 2;
    s.visitorWhy.push({ span: spanOf(report, m.from, m.to), reason: 'named with a visitor' });
  });
  for (const innovation of innovations) {
    const s = scores.get(innovation.originCode);
    if (!s || s.hostWhy.length === 0) continue;
    s.host += 0.5;
  }
  const ranked = [...scores.entries()].sort(
    ([a, x], [b, y]) => y.host - x.host || x.visitor - y.visitor || a.localeCompare(b),
  );
  const [hostCode, hostScore] = ranked[0] ?? [];
  const host = hostScore && hostScore.host >= 2 ? hostCode : undefined;
  return [...scores.entries()]
    .map(([code, s]): RegencyRole => {
      if (code === host)
        return {
          code,
          role: 'HOST',
          confidence: Math.min(0.95, 0.5 + s.host / 10),
          evidence: s.hostWhy,
        };
      if (host && s.visitor >= 2)
        return {
          code,
          role: 'VISITOR',
          confidence: Math.min(0.95, 0.5 + s.visitor / 10),
          evidence: s.visitorWhy,
        };
      return { code, role: 'MENTIONED', confidence: 0.5, evidence: [] };
    })
    .sort((a, b) => order(a) - order(b) || firstAt(mentions, a.code) - firstAt(mentions, b.code));
}

const order = (r: RegencyRole) => (r.role === 'HOST' ? 0 : r.role === 'VISITOR' ? 1 : 2);
const firstAt = (mentions: readonly RegencyMention[], code: string) =>
  mentions.find((m) => m.code === code)?.from ?? Number.MAX_SAFE_INTEGER;
