/**
 * The report as tokens: words and numbers with their offsets in the original text (UTF-16 code
 * units, as JavaScript strings count), each with a folded form (case and accents removed) that
 * every matcher compares. Punctuation is kept only as the gaps between tokens, which is where
 * sentence and clause boundaries, datelines and "25/2" dates are read from.
 */

export interface Token {
  /** Folded: lowercase, accents removed. */
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** Index of the sentence holding it. */
  sentence: number;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Report {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Sentences as token index ranges [from, to). */
  readonly sentences: ReadonlyArray<{ from: number; to: number }>;
}

/** Case- and accent-insensitive form of a word or name; other characters become spaces. */
export function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Abbreviations whose full stop does not end a sentence ("Kab. Lahat", "Prov. Jatim"). */
const ABBREVIATIONS = new Set([
  'kab',
  'kec',
  'kel',
  'ds',
  'prov',
  'dr',
  'drs',
  'ir',
  'h',
  'hj',
  'st',
  'no',
  'jl',
  'bpk',
  'ibu',
  'sdr',
  'kh',
]);

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

/** Longest text the extractor reads; the rest is ignored (the API refuses longer input). */
export const MAX_REPORT_CHARS = 50_000;

export function tokenize(input: string): Report {
  const text = input.length > MAX_REPORT_CHARS ? input.slice(0, MAX_REPORT_CHARS) : input;
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const word = fold(match[0]);
    if (word === '') continue;
    // Folding can split a token ("ǅ" stays one; "ﬁ" becomes "fi"); keep one token per match.
    tokens.push({
      word: word.replace(/ /g, ''),
      start: match.index,
      end: match.index + match[0].length,
      sentence: 0,
    });
  }
  const sentences: Array<{ from: number; to: number }> = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    token.sentence = sentences.length;
    const next = tokens[i + 1];
    const gap = text.slice(token.end, next ? next.start : text.length);
    if (!next || endsSentence(gap, token.word)) {
      sentences.push({ from, to: i + 1 });
      from = i + 1;
    }
  }
  return { text, tokens, sentences };
}

function endsSentence(gap: string, word: string): boolean {
  if (gap.includes('\n')) return true;
  if (!/[.!?]/.test(gap)) return false;
  if (!/\s/.test(gap)) return false; // "tribunnews.com", "1.500"
  if (/^\.\s/.test(gap) && ABBREVIATIONS.has(word)) return false;
  return true;
}

/** The text between two tokens (or after the last one). */
export function gapAfter(report: Report, i: number): string {
  const token = report.tokens[i];
  if (!token) return '';
  const next = report.tokens[i + 1];
  return report.text.slice(token.end, next ? next.start : report.text.length);
}

/** The text before token i, back to the previous token (or the start). */
export function gapBefore(report: Report, i: number): string {
  const token = report.tokens[i];
  if (!token) return '';
  const previous = report.tokens[i - 1];
  return report.text.slice(previous ? previous.end : 0, token.start);
}

/** True when a clause boundary (comma, colon, bracket, quote, sentence end) lies in the gap. */
export function breaksClause(gap: string): boolean {
  return /[,;:()[\]"“”'‘’.!?\n]/.test(gap);
}

export function spanOf(report: Report, from: number, to: number): Span {
  const first = report.tokens[from];
  const last = report.tokens[to - 1];
  if (!first || !last) return { start: 0, end: 0, text: '' };
  return { start: first.start, end: last.end, text: report.text.slice(first.start, last.end) };
}

export function sentenceSpan(report: Report, sentence: number): Span {
  const s = report.sentences[sentence];
  return s ? spanOf(report, s.from, s.to) : { start: 0, end: 0, text: '' };
}

/** Indonesian number words a reporter writes for small counts. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  sebelas: 11,
  seminggu: 7,
  sehari: 1,
};

/** A token as a count: digits, or a number word. */
export function countOf(word: string): number | undefined {
  if (/^\d{1,5}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word];
}

/** Capitalises each word ("AGUS AMBO djiwa" → "Agus Ambo Djiwa"), keeping known acronyms. */
export function titleCase(words: readonly string[]): string {
  return words
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

const ACRONYMS = new Set([
  'mpp',
  'ptsp',
  'dprd',
  'rsud',
  'skpd',
  'opd',
  'umkm',
  'bumdes',
  'pp',
  'smk',
  'sma',
  'smp',
  'sd',
]);
