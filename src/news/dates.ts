import {
  addDays,
  fullYear,
  isoDate,
  MONTHS,
  nearestYear,
  UNTIL,
  WEEKDAYS,
  weekdayOf,
} from './calendar.js';
import { countOf, gapAfter, type Report, type Span, spanOf } from './text.js';

/**
 * Dates as Indonesian newsrooms write them, resolved against the publication date: "Senin
 * (25/2)", "25/2/2019", "28–30 Januari 2026", "28 Januari hingga 2 Februari", "hingga Rabu",
 * "kemarin"; durations ("selama tiga hari"); bare years ("pada 2027"). A day and month without a
 * year take the year that puts them closest to the publication date; a weekday that agrees with
 * the date raises the confidence, one that disagrees lowers it.
 */

export interface DateMention {
  /** YYYY-MM-DD; for a range, its first day. */
  date: string;
  /** Last day of a range ("28–30 Januari"); equal to date otherwise. */
  until: string;
  from: number;
  to: number;
  sentence: number;
  /** "hingga Rabu (27/2)": this date ends something. */
  ends: boolean;
  confidence: number;
  reason: string;
  span: Span;
}

export interface Duration {
  days: number;
  from: number;
  to: number;
  sentence: number;
}

export interface YearMention {
  year: number;
  from: number;
  to: number;
  sentence: number;
}

export interface Dates {
  dates: DateMention[];
  durations: Duration[];
  years: YearMention[];
}

export function findDates(report: Report, published: string): Dates {
  const { tokens } = report;
  const dates: Array<Omit<DateMention, 'span'>> = [];
  const durations: Duration[] = [];
  const years: YearMention[] = [];
  const word = (i: number) => tokens[i]?.word ?? '';
  const push = (
    m: Omit<DateMention, 'sentence' | 'ends' | 'span'>,
    weekdayAt: number | undefined,
  ) => {
    const at = weekdayAt ?? m.from;
    const ends = UNTIL.has(word(at - 1)) || (word(at - 1) === 'd' && word(at - 2) === 's');
    let { confidence, reason } = m;
    const weekday = weekdayAt === undefined ? undefined : WEEKDAYS[word(weekdayAt)];
    if (weekday !== undefined) {
      const agrees = weekdayOf(m.date) === weekday;
      confidence = agrees ? Math.min(0.95, confidence + 0.1) : confidence - 0.3;
      const name = word(at);
      reason += agrees ? `; ${name} agrees` : `; but ${m.date} is not a ${name}`;
    }
    dates.push({
      ...m,
      from: weekdayAt ?? m.from,
      sentence: tokens[m.from]?.sentence ?? 0,
      ends,
      confidence,
      reason,
    });
  };

  for (let i = 0; i < tokens.length; i++) {
    const w = word(i);
    const weekdayAt = WEEKDAYS[word(i - 1)] !== undefined ? i - 1 : undefined;
    // (26-28/2), Selasa-Kamis (26-28/2/2019)
    if (
      /^\d{1,2}$/.test(w) &&
      /^\s*[-–—]\s*$/.test(gapAfter(report, i)) &&
      /^\d{1,2}$/.test(word(i + 1)) &&
      gapAfter(report, i + 1) === '/' &&
      /^\d{1,2}$/.test(word(i + 2))
    ) {
      const [d1, d2, m] = [Number(w), Number(word(i + 1)), Number(word(i + 2))];
      const withYear = gapAfter(report, i + 2) === '/' ? fullYear(word(i + 3)) : undefined;
      const first = withYear ? isoDate(withYear, m, d1) : nearestYear(m, d1, published);
      const last = first ? isoDate(Number(first.slice(0, 4)), m, d2) : undefined;
      if (first && last && last >= first) {
        const to = withYear ? i + 4 : i + 3;
        const pair = WEEKDAYS[word(i - 2)] !== undefined && WEEKDAYS[word(i - 1)] !== undefined;
        push(
          {
            date: first,
            until: last,
            from: i,
            to,
            confidence: withYear ? 0.85 : 0.75,
            reason: `"${d1}-${d2}/${m}${withYear ? `/${withYear}` : ''}"${withYear ? '' : ' in the year nearest the report'}`,
          },
          pair ? i - 2 : weekdayAt,
        );
        i = to - 1;
        continue;
      }
    }
    // 25/2, 25/2/2019, (25/2)
    if (/^\d{1,2}$/.test(w) && /^\/$/.test(gapAfter(report, i)) && /^\d{1,2}$/.test(word(i + 1))) {
      const d = Number(w);
      const m = Number(word(i + 1));
      const withYear = gapAfter(report, i + 1) === '/' ? fullYear(word(i + 2)) : undefined;
      const bracketed = /\($/.test(report.text.slice(0, tokens[i]?.start ?? 0).trimEnd());
      const wd = weekdayAt ?? (WEEKDAYS[word(i - 1)] !== undefined ? i - 1 : undefined);
      if (m >= 1 && m <= 12 && (withYear || bracketed || wd !== undefined)) {
        const date = withYear ? isoDate(withYear, m, d) : nearestYear(m, d, published);
        const to = withYear ? i + 3 : i + 2;
        if (date) {
          push(
            {
              date,
              until: date,
              from: i,
              to,
              confidence: withYear ? 0.85 : 0.75,
              reason: withYear
                ? `"${d}/${m}/${withYear}"`
                : `"${d}/${m}" in the year nearest the report`,
            },
            wd,
          );
          i = to - 1;
          continue;
        }
      }
    }
    // 28 Januari 2026, 28–30 Januari 2026, 28 Januari – 2 Februari 2026
    if (/^\d{1,2}$/.test(w)) {
      const found = dayMonthAt(report, i, published);
      if (found) {
        push(found, weekdayAt);
        i = found.to - 1;
        continue;
      }
    }
    // hingga Rabu, Senin lalu, kemarin, hari ini
    const weekday = WEEKDAYS[w];
    if (
      weekday !== undefined &&
      WEEKDAYS[word(i + 1)] === undefined &&
      !isDayMonth(report, i + 1)
    ) {
      const ends = UNTIL.has(word(i - 1));
      const next = word(i + 1);
      const forward = next === 'depan' || next === 'mendatang' || ends;
      const date = weekdayNear(published, weekday, forward);
      dates.push({
        date,
        until: date,
        from: i,
        to: i + 1,
        sentence: tokens[i]?.sentence ?? 0,
        ends,
        confidence: 0.5,
        reason: `"${w}" taken as the ${w} ${forward ? 'on or after' : 'on or before'} the report's date`,
      });
      continue;
    }
    if (w === 'kemarin' || (w === 'hari' && word(i + 1) === 'ini')) {
      const date = w === 'kemarin' ? addDays(published, -1) : published;
      const to = w === 'kemarin' ? i + 1 : i + 2;
      dates.push({
        date,
        until: date,
        from: i,
        to,
        sentence: tokens[i]?.sentence ?? 0,
        ends: UNTIL.has(word(i - 1)),
        confidence: 0.6,
        reason: `"${w === 'kemarin' ? 'kemarin' : 'hari ini'}" counted from the report's date`,
      });
      i = to - 1;
      continue;
    }
    // selama tiga hari, 3 hari
    const n = countOf(w);
    if (n !== undefined && n > 0 && n <= 60 && word(i + 1) === 'hari') {
      durations.push({ days: n, from: i, to: i + 2, sentence: tokens[i]?.sentence ?? 0 });
      continue;
    }
    if (w === 'seminggu' || w === 'sehari') {
      durations.push({ days: n ?? 1, from: i, to: i + 1, sentence: tokens[i]?.sentence ?? 0 });
      continue;
    }
    const y = /^(19|20)\d\d$/.test(w) ? Number(w) : undefined;
    if (y !== undefined)
      years.push({ year: y, from: i, to: i + 1, sentence: tokens[i]?.sentence ?? 0 });
  }
  return {
    dates: dates.map((d) => ({ ...d, span: spanOf(report, d.from, d.to) })),
    durations,
    years,
  };
}

function isDayMonth(report: Report, i: number): boolean {
  const w = report.tokens[i]?.word ?? '';
  return /^\d{1,2}$/.test(w);
}

/** The weekday nearest the publication date: on or before it, or on or after it. */
function weekdayNear(published: string, weekday: number, forward: boolean): string {
  const delta = (weekday - weekdayOf(published) + 7) % 7;
  return forward ? addDays(published, delta) : addDays(published, delta === 0 ? 0 : delta - 7);
}

function dayMonthAt(
  report: Report,
  i: number,
  published: string,
): Omit<DateMention, 'sentence' | 'ends' | 'span'> | undefined {
  const word = (k: number) => report.tokens[k]?.word ?? '';
  const d1 = Number(word(i));
  let k = i + 1;
  let d2: number | undefined;
  let m1 = MONTHS[word(k)];
  const joiner = (at: number) =>
    /^\s*[-–—]\s*$/.test(gapAfter(report, at)) ||
    ['hingga', 'sampai', 'dan'].includes(word(at + 1));
  if (m1 === undefined && joiner(i)) {
    // 28–30 Januari
    k = /^\s*[-–—]\s*$/.test(gapAfter(report, i)) ? i + 1 : i + 2;
    if (!/^\d{1,2}$/.test(word(k))) return undefined;
    d2 = Number(word(k));
    k++;
    m1 = MONTHS[word(k)];
    if (m1 === undefined) return undefined;
  } else if (m1 === undefined) return undefined;
  let to = k + 1;
  let m2 = m1;
  let y =
    fullYear(word(to)) !== undefined && /^\d{4}$/.test(word(to)) ? Number(word(to)) : undefined;
  if (y !== undefined) to++;
  // 28 Januari – 2 Februari 2026
  if (d2 === undefined && joiner(to - 1)) {
    const at = /^\s*[-–—]\s*$/.test(gapAfter(report, to - 1)) ? to : to + 1;
    const month = MONTHS[word(at + 1)];
    if (/^\d{1,2}$/.test(word(at)) && month !== undefined) {
      d2 = Number(word(at));
      m2 = month;
      to = at + 2;
      if (/^\d{4}$/.test(word(to))) {
        y = Number(word(to));
        to++;
      }
    }
  }
  const first = y !== undefined ? isoDate(y, m1, d1) : nearestYear(m1, d1, published);
  if (!first) return undefined;
  let last = first;
  if (d2 !== undefined) {
    const year = Number(first.slice(0, 4)) + (m2 < m1 ? 1 : 0);
    last = isoDate(year, m2, d2) ?? first;
    if (last < first) last = first;
  }
  const written = report.text.slice(report.tokens[i]?.start ?? 0, report.tokens[to - 1]?.end ?? 0);
  return {
    date: first,
    until: last,
    from: i,
    to,
    confidence: y !== undefined ? 0.9 : 0.8,
    reason: y !== undefined ? `"${written}"` : `"${written}" in the year nearest the report`,
  };
}
