/** What `draftFromReport` answers, and the text cut into highlighted pieces (no I/O). */

export const DRAFT = `query WorkbenchDraft($text: String!, $publishedOn: Date!, $url: String) {
  draftFromReport(text: $text, publishedOn: $publishedOn, url: $url) {
    publishedOn
    evidence { kind title url reference }
    regencies { regency { code name } role }
    studyVisits {
      input { hostCode visitorCode startDate endDate delegationSize leader
        sites { name villageCode } innovationIds note evidence { kind title url reference } }
      confidence missing sources { field start end text reason confidence }
    }
    milestones {
      input { adopterCode innovationId kind occurredOn note evidence { kind title url reference } }
      confidence missing sources { field start end text reason confidence }
    }
    warnings
  }
}`;

export interface SourceSpan {
  field: string;
  start: number;
  end: number;
  text: string;
  reason: string;
  confidence: number;
}
export interface DraftEvidence {
  kind: string;
  title: string;
  url: string | null;
  reference: string | null;
}
export interface VisitInput {
  hostCode: string;
  visitorCode: string;
  startDate: string;
  endDate: string;
  delegationSize: number | null;
  leader: string | null;
  sites: Array<{ name: string; villageCode: string | null }>;
  innovationIds: string[];
  note: string | null;
  evidence: DraftEvidence[];
}
export interface MilestoneInput {
  adopterCode: string;
  innovationId: string;
  kind: string;
  occurredOn: string;
  note: string | null;
  evidence: DraftEvidence[];
}
export interface Proposal<I> {
  input: I;
  confidence: number;
  missing: string[];
  sources: SourceSpan[];
}
export interface ReportDraft {
  publishedOn: string;
  evidence: DraftEvidence;
  regencies: Array<{ regency: { code: string; name: string }; role: string }>;
  studyVisits: Array<Proposal<VisitInput>>;
  milestones: Array<Proposal<MilestoneInput>>;
  warnings: string[];
}

/** A span of the text and the proposals (by key, e.g. `v0`, `m1`) resting on it. */
export interface Piece {
  start: number;
  text: string;
  owners: string[];
  reasons: string[];
}

/**
 * Cuts `text` at every source span's ends, so overlapping spans become pieces each covered by
 * a known set of spans. Offsets outside the text are clamped; an empty span covers nothing.
 */
export function pieces(text: string, spans: Array<{ owner: string; span: SourceSpan }>): Piece[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const usable = spans
    .map(({ owner, span }) => ({ owner, span, a: clamp(span.start), b: clamp(span.end) }))
    .filter((s) => s.b > s.a);
  const cuts = [...new Set([0, text.length, ...usable.flatMap((s) => [s.a, s.b])])].sort(
    (x, y) => x - y,
  );
  const result: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number;
    const b = cuts[i + 1] as number;
    const over = usable.filter((s) => s.a <= a && s.b >= b);
    result.push({
      start: a,
      text: text.slice(a, b),
      owners: [...new Set(over.map((s) => s.owner))],
      reasons: [...new Set(over.map((s) => s.span.reason))],
    });
  }
  return result;
}
