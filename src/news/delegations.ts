import type { Person } from './people.js';
import type { RegencyMention } from './regencies.js';
import {
  breaksClause,
  countOf,
  gapAfter,
  type Report,
  type Span,
  spanOf,
  titleCase,
} from './text.js';

/**
 * Delegation sizes ("60 orang rombongannya", "ditemani 14 jajarannya", "rombongan berjumlah 25
 * orang") and leaders ("dipimpin Wakil Bupati Lebak …"), each with the sentence it is in, so the
 * caller can give it to the visiting regency that sentence is about.
 */

export interface DelegationSize {
  size: number;
  span: Span;
  sentence: number;
  confidence: number;
  /** Token index where it was found, to find the regency named nearest. */
  at: number;
}

export interface LeaderFinding {
  /** Regency the leader's title names, when it names one. */
  code?: string;
  leader: string;
  span: Span;
  sentence: number;
  confidence: number;
}

const MEMBERS = new Set([
  'orang',
  'rombongan',
  'rombongannya',
  'jajaran',
  'jajarannya',
  'pejabat',
  'staf',
  'anggota',
  'peserta',
  'personel',
  'delegasi',
  'kepala',
  'perangkat',
  'aparatur',
  'pegawai',
  'asn',
]);
const GROUP = new Set(['rombongan', 'delegasi', 'tim', 'peserta', 'kontingen', 'rombongannya']);
const COUNTING = new Set([
  'berjumlah',
  'sebanyak',
  'beranggotakan',
  'sekitar',
  'total',
  'terdiri',
  'dari',
  'atas',
  'yang',
  'sejumlah',
]);
const LED = new Set(['dipimpin', 'dipimpinnya', 'diketuai']);

export function findDelegationSizes(report: Report): DelegationSize[] {
  const { tokens } = report;
  const word = (i: number) => tokens[i]?.word ?? '';
  const out: DelegationSize[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = countOf(word(i));
    if (n === undefined || n < 1 || n > 5000) continue;
    if (/^\s*[/.:,]\s*\d/.test(gapAfter(report, i) + word(i + 1))) continue; // dates, 1.500
    // N orang rombongannya / N jajarannya / 60 pejabat
    const members = MEMBERS.has(word(i + 1)) && !breaksClause(gapAfter(report, i));
    // rombongan berjumlah N orang / delegasi sebanyak N orang
    let back = i - 1;
    while (back >= 0 && COUNTING.has(word(back)) && i - back < 4) back--;
    const grouped = GROUP.has(word(back)) && word(i + 1) === 'orang';
    if (!members && !grouped) continue;
    const to = members ? i + 2 : i + 2;
    const from = grouped ? back : i;
    // "60 orang rombongannya": the member word after "orang" makes it surer.
    const sure = MEMBERS.has(word(i + 2)) || grouped || word(i + 1) !== 'orang';
    out.push({
      size: n,
      span: spanOf(report, from, Math.max(to, MEMBERS.has(word(i + 2)) ? i + 3 : to)),
      sentence: tokens[i]?.sentence ?? 0,
      confidence: sure ? 0.85 : 0.6,
      at: i,
    });
  }
  return out;
}

/** "dipimpin (oleh) Wakil Bupati Lebak Ade Sumardi": the title, its regency, the name. */
export function findLeaders(
  report: Report,
  mentions: readonly RegencyMention[],
  people: readonly Person[],
): LeaderFinding[] {
  const { tokens } = report;
  const word = (i: number) => tokens[i]?.word ?? '';
  const out: LeaderFinding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!LED.has(word(i))) continue;
    let k = i + 1;
    if (word(k) === 'oleh' || word(k) === 'langsung') k++;
    const mention = mentions.find((m) => m.from === k && m.form === 'TITLE');
    if (mention) {
      const person = people.find((p) => p.span.start === tokens[mention.to]?.start);
      out.push({
        code: mention.code,
        leader: leaderName(mention.title ?? '', displayOf(report, mention), person),
        span: spanOf(report, i, person ? mention.to + person.words.length : mention.to),
        sentence: tokens[i]?.sentence ?? 0,
        confidence: 0.85,
      });
      continue;
    }
    // "dipimpin Sekretaris Daerah, Budi" without a regency: keep the words up to the clause end.
    const words: string[] = [];
    const from = k;
    while (k < tokens.length && words.length < 6) {
      words.push(word(k));
      if (breaksClause(gapAfter(report, k))) break;
      k++;
    }
    if (words.length)
      out.push({
        leader: titleCase(words),
        span: spanOf(report, from, from + words.length),
        sentence: tokens[i]?.sentence ?? 0,
        confidence: 0.5,
      });
  }
  return out;
}

/** How the regency a title names is written in a leader: "Pasangkayu". */
function displayOf(report: Report, mention: RegencyMention): string {
  const words = report.tokens.slice(mention.nameFrom, mention.to).map((t) => t.word);
  return titleCase(words);
}

export function leaderName(title: string, regency: string, person: Person | undefined): string {
  return [title, regency, person ? titleCase(person.words) : ''].filter(Boolean).join(' ');
}
