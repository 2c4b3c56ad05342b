import { addDays, daysBetween } from './calendar.js';
import type { DateMention, Duration } from './dates.js';
import type { SourceSpan } from './proposals.js';

/** Days around the publication date within which a dated mention can be the visit itself. */
const NEAR_DAYS = 45;

export interface VisitDates {
  start: string;
  end: string;
  confidence: number;
  sources: SourceSpan[];
}

/**
 * The visit's first and last day from the dates a report gives near its publication date: the
 * earliest and the latest (a range's end, "hingga Rabu (27/2)"), with a duration ("selama tiga
 * hari") filling the other end when only one is written. Without any date, the publication date
 * itself, with a low confidence.
 */
export function resolveVisitDates(
  dates: readonly DateMention[],
  durations: readonly Duration[],
  published: string,
): VisitDates {
  const near = dates.filter((d) => Math.abs(daysBetween(published, d.date)) <= NEAR_DAYS);
  const sourceOf = (field: string, d: DateMention): SourceSpan => ({
    field,
    ...d.span,
    reason: d.reason,
    confidence: d.confidence,
  });
  if (near.length === 0)
    return {
      start: published,
      end: published,
      confidence: 0.3,
      sources: [],
    };
  const surer = (a: DateMention, b: DateMention) => b.confidence > a.confidence;
  const first = near.reduce((a, b) =>
    b.date < a.date || (b.date === a.date && surer(a, b)) ? b : a,
  );
  const last = near.reduce((a, b) =>
    b.until > a.until || (b.until === a.until && surer(a, b)) ? b : a,
  );
  let start = first.date;
  let end = last.until;
  let confidence = Math.min(first.confidence, last.confidence);
  const sources = [sourceOf('startDate', first), sourceOf('endDate', last)];
  const duration =
    durations.find((d) => near.some((n) => n.sentence === d.sentence)) ?? durations[0];
  if (duration) {
    const days = duration.days;
    if (start === end) {
      if (first.ends) start = addDays(end, -(days - 1));
      else end = addDays(start, days - 1);
    } else if (daysBetween(start, end) + 1 !== days) confidence -= 0.2;
    else confidence = Math.min(0.95, confidence + 0.05);
  }
  return { start, end, confidence: Math.max(0.1, confidence), sources };
}
