import type { YearMention } from './dates.js';
import type { InnovationMention } from './innovations.js';
import { type Report, type Span, sentenceSpan, spanOf } from './text.js';

/**
 * Stated intentions to adopt: "ingin membikin mal pp di daerah kami", "menargetkan MPP
 * beroperasi pada 2027" (an intention verb, then an adoption verb, then an innovation), a wish to
 * apply what was studied ("bisa kami terapkan di sana", "sebagus Banyuwangi": the innovation the
 * speaker named last), and "senada dengan Agus … maksud yang sama" (the intentions of the one
 * compared with). Each becomes a proposed INTEREST_DECLARED of the sentence's regency.
 */

export interface IntentionFinding {
  adopterCode: string;
  innovationId: string;
  span: Span;
  sentence: number;
  confidence: number;
  reason: string;
  targetYear?: number;
}

const WANT = new Set([
  'ingin',
  'mau',
  'akan',
  'berencana',
  'berniat',
  'bertekad',
  'menargetkan',
  'target',
  'berharap',
  'segera',
  'siap',
  'rencananya',
  'harap',
  'berkeinginan',
  'targetkan',
]);
const ADOPT = new Set([
  'membikin',
  'bikin',
  'membuat',
  'membangun',
  'menerapkan',
  'diterapkan',
  'terapkan',
  'mereplikasi',
  'direplikasi',
  'replikasi',
  'meniru',
  'ditiru',
  'mengadopsi',
  'diadopsi',
  'adopsi',
  'memiliki',
  'punya',
  'mendirikan',
  'menghadirkan',
  'mengembangkan',
  'beroperasi',
  'meluncurkan',
  'diluncurkan',
  'meresmikan',
  'mewujudkan',
  'membentuk',
  'dibangun',
]);
const APPLY_HERE = ['di sana', 'di daerah kami', 'di tempat kami', 'di wilayah kami', 'di sini'];
const AS_GOOD = new Set(['sebagus', 'sebaik', 'semaju', 'mendekati', 'menyamai', 'seperti']);
const SAME = ['maksud yang sama', 'keinginan yang sama', 'harapan yang sama', 'hal yang sama'];

export function findIntentions(
  report: Report,
  subjects: ReadonlyArray<string | undefined>,
  innovations: readonly InnovationMention[],
  years: readonly YearMention[],
  hostCode: string | undefined,
  peopleCodes: (sentence: number) => string[],
): IntentionFinding[] {
  const word = (i: number) => report.tokens[i]?.word ?? '';
  const out: IntentionFinding[] = [];
  const add = (f: IntentionFinding) => {
    if (f.adopterCode === hostCode) return;
    const innovation = innovations.find((m) => m.id === f.innovationId);
    if (!innovation || innovation.originCode === f.adopterCode) return;
    const same = out.find(
      (o) => o.adopterCode === f.adopterCode && o.innovationId === f.innovationId,
    );
    if (!same) out.push(f);
    else if (f.confidence > same.confidence) Object.assign(same, f);
  };
  const phrase = (s: { from: number; to: number }) =>
    report.tokens
      .slice(s.from, s.to)
      .map((t) => t.word)
      .join(' ');

  report.sentences.forEach((s, n) => {
    const adopter = subjects[n];
    if (!adopter) return;
    // intention verb … adoption verb … innovation
    for (let i = s.from; i < s.to; i++) {
      if (!WANT.has(word(i))) continue;
      let verb = -1;
      for (let k = i + 1; k < Math.min(s.to, i + 7); k++) if (ADOPT.has(word(k))) verb = k;
      if (verb < 0) continue;
      const innovation =
        innovations.find((m) => m.sentence === n && m.from > i && m.from <= verb + 8) ??
        innovations.find((m) => m.sentence === n && m.from < i && m.from >= i - 6);
      if (!innovation) continue;
      const year = years.find((y) => y.sentence === n && y.from > i);
      add({
        adopterCode: adopter,
        innovationId: innovation.id,
        span: spanOf(
          report,
          Math.min(i, innovation.from),
          Math.max(innovation.to, verb + 1, year ? year.to : 0),
        ),
        sentence: n,
        confidence: 0.8,
        reason: `"${word(i)} … ${word(verb)}" with ${innovation.reason}`,
        ...(year ? { targetYear: year.year } : {}),
      });
    }
    const text = ` ${phrase(s)} `;
    const applies =
      APPLY_HERE.some(
        (p) => text.includes(` ${p} `) && /\b(terapkan|diterapkan|menerapkan)\b/.test(text),
      ) ||
      (text.includes(' ingin ') &&
        report.tokens.slice(s.from, s.to).some((t, k) => AS_GOOD.has(t.word) && k > 0));
    if (applies) {
      const studied = lastNamedBy(innovations, subjects, adopter, n, hostCode);
      if (studied)
        add({
          adopterCode: adopter,
          innovationId: studied.id,
          span: sentenceSpan(report, n),
          sentence: n,
          confidence: 0.55,
          reason: 'a wish to apply what was studied here; the innovation this speaker named last',
        });
    }
    if (SAME.some((p) => text.includes(` ${p} `)))
      for (const other of peopleCodes(n))
        if (other !== adopter)
          for (const f of [...out].filter((o) => o.adopterCode === other))
            add({
              ...f,
              adopterCode: adopter,
              span: sentenceSpan(report, n),
              sentence: n,
              confidence: 0.6,
              reason: 'states "the same intention" as the regency it is compared with',
            });
  });
  // A "same intention" sentence may come before the intention it refers to is read.
  return out;
}

function lastNamedBy(
  innovations: readonly InnovationMention[],
  subjects: ReadonlyArray<string | undefined>,
  adopter: string,
  sentence: number,
  hostCode: string | undefined,
): InnovationMention | undefined {
  for (let n = sentence; n >= Math.max(0, sentence - 3); n--) {
    if (subjects[n] !== adopter) break;
    const named = innovations.filter(
      (m) => m.sentence === n && (!hostCode || m.originCode === hostCode),
    );
    const last = named.at(-1);
    if (last) return last;
  }
  return undefined;
}
