import type { RegencyMention } from './regencies.js';
import { breaksClause, gapAfter, gapBefore, type Report, type Span, spanOf } from './text.js';

/**
 * Who speaks for which regency: "Bupati Pasangkayu Provinsi Sulawesi Barat, Agus Ambo Djiwa, …"
 * links the name to the regency, so that "kata Agus" or "Agus datang bersama …" later counts for
 * Pasangkayu. And, sentence by sentence, which regency the sentence is about (its subject or the
 * speaker it is attributed to), carried on through "Dia", "kami" and quotes.
 */

export interface Person {
  code: string;
  /** Folded name words: ["agus", "ambo", "djiwa"]. */
  words: string[];
  title: string;
  span: Span;
  /** The title mention the name follows ("Bupati Pasangkayu"). */
  mention: RegencyMention;
}

/** Words that end a name or cannot start one. */
const NOT_NAME = new Set([
  'dan',
  'yang',
  'juga',
  'di',
  'ke',
  'dari',
  'bersama',
  'beserta',
  'serta',
  'saat',
  'ketika',
  'dalam',
  'pada',
  'untuk',
  'mengatakan',
  'menyampaikan',
  'menjelaskan',
  'berkunjung',
  'datang',
  'mengunjungi',
  'menerima',
  'memimpin',
  'dipimpin',
  'ditemani',
  'didampingi',
  'beserta',
  'ini',
  'itu',
  'tersebut',
  'bupati',
  'wakil',
  'wali',
  'kota',
  'kabupaten',
  'provinsi',
  'mereka',
  'dia',
  'ia',
  'kami',
  'kita',
  'sudah',
  'telah',
  'akan',
  'ingin',
  'belajar',
  'melakukan',
  'menggelar',
  'tiba',
  'hadir',
  'bertandang',
  'menyambangi',
  'sebagai',
  'selaku',
  'menuturkan',
  'mengaku',
  'berharap',
  'menegaskan',
  'mengungkapkan',
  'menilai',
  'menyebut',
  'kata',
  'ujar',
  'para',
  'rombongan',
  'jajaran',
  'beberapa',
  'sejumlah',
  'senin',
  'selasa',
  'rabu',
  'kamis',
  'jumat',
  'sabtu',
  'minggu',
  'pemkab',
  'pemkot',
  'sekaligus',
  'secara',
  'langsung',
  'bahwa',
  // provinces as reporters shorten them ("Bupati Lahat, Sumsel")
  'aceh',
  'sumut',
  'sumbar',
  'riau',
  'kepri',
  'jambi',
  'sumsel',
  'babel',
  'bengkulu',
  'lampung',
  'banten',
  'jabar',
  'jateng',
  'diy',
  'jatim',
  'bali',
  'ntb',
  'ntt',
  'kalbar',
  'kalteng',
  'kalsel',
  'kaltim',
  'kaltara',
  'sulut',
  'sulteng',
  'sulsel',
  'sultra',
  'gorontalo',
  'sulbar',
  'maluku',
  'malut',
  'papua',
  'jawa',
  'sumatera',
  'sulawesi',
  'kalimantan',
  'nusa',
]);

const HONORIFICS = new Set([
  'h',
  'hj',
  'dr',
  'drs',
  'ir',
  'kh',
  'prof',
  'bapak',
  'pak',
  'ibu',
  'bu',
]);

export function findPeople(report: Report, mentions: readonly RegencyMention[]): Person[] {
  const people: Person[] = [];
  for (const m of mentions) {
    if (m.form !== 'TITLE' || !m.title) continue;
    let k = m.to;
    let gap = gapBefore(report, k);
    // "Bupati Lahat, Provinsi Sumatera Selatan, Cik Ujang" / "Bupati Pasangkayu Provinsi …, Agus"
    const word = (i: number) => report.tokens[i]?.word ?? '';
    if (word(k) === 'provinsi' || word(k) === 'prov') {
      while (k < report.tokens.length && !breaksClause(gapAfter(report, k))) k++;
      k++;
      gap = gapBefore(report, k);
    }
    if (/[.;:()\n"“”]/.test(gap)) continue;
    const words: string[] = [];
    const from = k;
    while (k < report.tokens.length && words.length < 4) {
      const w = word(k);
      if (NOT_NAME.has(w) || /^\d/.test(w)) break;
      words.push(w);
      if (breaksClause(gapAfter(report, k))) break;
      k++;
    }
    const to = from + words.length;
    while (HONORIFICS.has(words[0] ?? '')) words.shift();
    if (words.length === 0) continue;
    people.push({
      code: m.code,
      words,
      title: m.title,
      span: spanOf(report, from, to),
      mention: m,
    });
  }
  return people;
}

/** Regencies a sentence refers to through people named in it: ["76.01"] for "kata Agus". */
function peopleIn(report: Report, people: readonly Person[], from: number, to: number): string[] {
  const codes: string[] = [];
  for (let i = from; i < to; i++) {
    const w = report.tokens[i]?.word;
    for (const p of people) if (p.words[0] === w && !codes.includes(p.code)) codes.push(p.code);
  }
  return codes;
}

const SAYS = new Set([
  'kata',
  'ujar',
  'ucap',
  'ungkap',
  'jelas',
  'tutur',
  'tegas',
  'imbuh',
  'tambah',
  'sebut',
  'papar',
  'terang',
  'lanjut',
]);
const SAYS_THEY = new Set([
  'katanya',
  'ujarnya',
  'ucapnya',
  'ungkapnya',
  'jelasnya',
  'tuturnya',
  'tegasnya',
  'imbuhnya',
  'tambahnya',
]);
const ALIKE = new Set(['senada', 'seperti', 'sebagaimana', 'mengikuti']);

/**
 * The regency each sentence is about, or undefined. A sentence attributed to a speaker ("…,
 * kata Agus") belongs to the speaker's regency; otherwise to the first regency (or person) it
 * names as a subject; otherwise to the previous sentence's (quotes, "Dia", "kami").
 */
export function sentenceSubjects(
  report: Report,
  mentions: readonly RegencyMention[],
  people: readonly Person[],
  candidates: ReadonlySet<string>,
): Array<string | undefined> {
  const subjects: Array<string | undefined> = [];
  let current: string | undefined;
  report.sentences.forEach((s, n) => {
    let subject: string | undefined;
    const w = (i: number) => report.tokens[i]?.word ?? '';
    for (let i = s.from; i < s.to && !subject; i++)
      if (SAYS.has(w(i)) && breaksClause(gapBefore(report, i))) {
        const after = [
          ...mentions.filter((m) => m.from > i && m.from < i + 4).map((m) => m.code),
          ...peopleIn(report, people, i + 1, Math.min(i + 4, s.to)),
        ].filter((c) => candidates.has(c));
        subject = after[0];
      } else if (SAYS_THEY.has(w(i))) subject = current;
    if (!subject) {
      // "Senada dengan Agus, Bupati Lahat …": skip the one compared with.
      let skipUntil = -1;
      const named: Array<{ at: number; code: string }> = [];
      for (let i = s.from; i < s.to; i++) {
        if (ALIKE.has(w(i))) {
          skipUntil = i + 1;
          while (skipUntil < s.to && !breaksClause(gapAfter(report, skipUntil))) skipUntil++;
        }
        if (i <= skipUntil) continue;
        const m = mentions.find((x) => x.from === i);
        const where = ['ke', 'di', 'tiba'].includes(w(i - 1));
        if (m && candidates.has(m.code) && m.form !== 'BARE' && m.form !== 'DATELINE' && !where)
          named.push({ at: i, code: m.code });
        for (const code of peopleIn(report, people, i, i + 1))
          if (candidates.has(code)) named.push({ at: i, code });
      }
      subject = named[0]?.code;
    }
    subjects[n] = subject ?? current;
    current = subjects[n];
  });
  return subjects;
}
