/**
 * What a draft answers: proposals shaped like the inputs of the ordinary mutations
 * (`reportStudyVisit`, `reportMilestone`), each with the spans of the report it was read from and
 * a confidence, for a person to confirm, correct or drop. Nothing here writes anything.
 */

export interface EvidenceDraft {
  kind: 'NEWS';
  title: string;
  url?: string;
  reference: string;
}

/** A piece of the report a proposal rests on, with the rule that read it. */
export interface SourceSpan {
  /** The input field it supports: "hostCode", "startDate", "innovationIds", … */
  field: string;
  /** Offsets in the report text, UTF-16 code units (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
  text: string;
  reason: string;
  confidence: number;
}

/** `ReportStudyVisitInput`, with what the report does not say left null. */
export interface StudyVisitDraftInput {
  hostCode: string;
  visitorCode: string;
  startDate: string;
  endDate: string;
  delegationSize: number | null;
  leader: string | null;
  sites: Array<{ name: string; villageCode?: string }>;
  innovationIds: string[];
  note: string;
  evidence: EvidenceDraft[];
}

/** `ReportMilestoneInput` of kind INTEREST_DECLARED. */
export interface InterestDraftInput {
  adopterCode: string;
  innovationId: string;
  kind: 'INTEREST_DECLARED';
  occurredOn: string;
  note: string;
  evidence: EvidenceDraft[];
}

export interface Proposal<I> {
  input: I;
  /** 0..1: the weakest of the facts the input needs. */
  confidence: number;
  sources: SourceSpan[];
  /** Required input fields the report does not give; fill them in before confirming. */
  missing: string[];
}

export interface RegencyFinding {
  code: string;
  name: string;
  role: 'HOST' | 'VISITOR' | 'MENTIONED';
  confidence: number;
  sources: SourceSpan[];
}

export interface ReportDraft {
  publishedOn: string;
  evidence: EvidenceDraft;
  regencies: RegencyFinding[];
  studyVisits: Array<Proposal<StudyVisitDraftInput>>;
  milestones: Array<Proposal<InterestDraftInput>>;
  /** What the extractor noticed but could not turn into a proposal. */
  warnings: string[];
}
