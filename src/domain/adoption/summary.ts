import type { StudyVisitReported } from '../study-visit/events.js';
import type { MilestoneReported } from './events.js';
import {
  type AdoptionStage,
  type Maturity,
  type MilestoneKind,
  maturityOf,
  rankOfKind,
  stageOfRank,
} from './stages.js';

/**
 * The adoption summary, the one home of "how far did an adoption get": which milestones an event
 * stands for, and what a set of milestones that still count adds up to (stage, maturity,
 * suspension, first and last date, count). The projection, time travel, the diffusion figures
 * and the live feed all go through here; `projections/adoptions/summary-sql.ts` is the same rule
 * in SQL, checked against this one by a property test. Pure: no I/O.
 */

/** One milestone of one adoption (adopter × innovation), as an event reports it. */
export interface AdoptionMilestone {
  milestoneId: string;
  adopterCode: string;
  innovationId: string;
  originCode: string;
  kind: MilestoneKind;
  occurredOn: string;
  /** The study visit it comes from, for a STUDY_VISIT milestone. */
  visitId: string | null;
  /** The day the ministry originally learned of it, when an import said so. */
  knownOn?: string | null;
}

/** The id of a study visit's milestone for one innovation it covers. */
export const visitMilestoneId = (visitId: string, innovationId: string) =>
  `${visitId}:${innovationId}`;

/**
 * The milestones an event stands for: a milestone report is one; a study visit is the
 * STUDY_VISIT milestone of every innovation it covers (its start date is when it occurred).
 */
export function milestonesOf(
  event:
    | { type: 'MilestoneReported'; data: MilestoneReported }
    | { type: 'StudyVisitReported'; data: StudyVisitReported }
    | { type: string; data: unknown },
): AdoptionMilestone[] {
  if (event.type === 'MilestoneReported') {
    const m = event.data as MilestoneReported;
    const { milestoneId, adopterCode, innovationId, originCode, kind, occurredOn } = m;
    return [
      {
        milestoneId,
        adopterCode,
        innovationId,
        originCode,
        kind,
        occurredOn,
        visitId: null,
        knownOn: m.knownOn ?? null,
      },
    ];
  }
  if (event.type === 'StudyVisitReported') {
    const v = event.data as StudyVisitReported;
    return v.innovationIds.map((innovationId) => ({
      milestoneId: visitMilestoneId(v.visitId, innovationId),
      adopterCode: v.visitorCode,
      innovationId,
      originCode: v.hostCode,
      kind: 'STUDY_VISIT' as const,
      occurredOn: v.startDate,
      visitId: v.visitId,
      knownOn: v.knownOn ?? null,
    }));
  }
  return [];
}

/** What the summary needs of a milestone that still counts. */
export interface CountingMilestone {
  kind: MilestoneKind | string;
  occurredOn: string;
  /** Reporting order, to break ties between same-day milestones (the log position). */
  order: number | bigint;
}

export interface AdoptionSummary {
  /** 0 when no milestone reaches a stage, 1 (INTERESTED) … 7 (OPERATIONAL). */
  rank: number;
  stage: AdoptionStage | null;
  maturity: Maturity | null;
  /** The latest SUSPENDED / RESUMED (by occurrence, then reporting order) is a suspension. */
  suspended: boolean;
  firstOccurredOn: string | null;
  lastOccurredOn: string | null;
  milestoneCount: number;
}

const isSwitch = (kind: string) => kind === 'SUSPENDED' || kind === 'RESUMED';

/** Same-day milestones in reporting order: the later one wins. */
const later = (a: CountingMilestone, b: CountingMilestone) =>
  a.occurredOn > b.occurredOn || (a.occurredOn === b.occurredOn && a.order > b.order);

/** The summary of the milestones of one adoption that still count (none retracted). */
export function summarize(milestones: Iterable<CountingMilestone>): AdoptionSummary {
  let rank = 0;
  let count = 0;
  let first: string | null = null;
  let last: string | null = null;
  let latestSwitch: CountingMilestone | undefined;
  for (const m of milestones) {
    count++;
    rank = Math.max(rank, rankOfKind(m.kind as MilestoneKind));
    if (first === null || m.occurredOn < first) first = m.occurredOn;
    if (last === null || m.occurredOn > last) last = m.occurredOn;
    if (isSwitch(m.kind) && (!latestSwitch || later(m, latestSwitch))) latestSwitch = m;
  }
  return withRank(rank, {
    suspended: latestSwitch?.kind === 'SUSPENDED',
    firstOccurredOn: first,
    lastOccurredOn: last,
    milestoneCount: count,
  });
}

/**
 * The summary after one more milestone that counts and is not a SUSPENDED / RESUMED switch: it
 * can only raise the stage, add one and widen the dates (a switch or a retraction needs
 * `summarize` over the milestones again).
 */
export function withMilestone(
  summary: AdoptionSummary | undefined,
  milestone: Pick<CountingMilestone, 'kind' | 'occurredOn'>,
): AdoptionSummary {
  if (isSwitch(milestone.kind)) throw new Error('a suspension switch needs summarize()');
  const on = milestone.occurredOn;
  if (!summary) return summarize([{ ...milestone, order: 0 }]);
  return withRank(Math.max(summary.rank, rankOfKind(milestone.kind as MilestoneKind)), {
    suspended: summary.suspended,
    firstOccurredOn:
      summary.firstOccurredOn && summary.firstOccurredOn < on ? summary.firstOccurredOn : on,
    lastOccurredOn:
      summary.lastOccurredOn && summary.lastOccurredOn > on ? summary.lastOccurredOn : on,
    milestoneCount: summary.milestoneCount + 1,
  });
}

/** Whether a new milestone of this kind needs the summary added up again. */
export const needsFullSummary = (kind: string) => isSwitch(kind);

function withRank(
  rank: number,
  rest: Omit<AdoptionSummary, 'rank' | 'stage' | 'maturity'>,
): AdoptionSummary {
  const stage = stageOfRank(rank);
  return { rank, stage, maturity: stage && maturityOf(stage), ...rest };
}

/** The earliest date each rank (or a later one) was reached: reaching a stage reaches the earlier ones. */
export function stageDates(milestones: Iterable<CountingMilestone>): Map<number, string> {
  const reached = new Map<number, string>();
  for (const m of milestones)
    for (let rank = 1; rank <= rankOfKind(m.kind as MilestoneKind); rank++) {
      const seen = reached.get(rank);
      if (!seen || m.occurredOn < seen) reached.set(rank, m.occurredOn);
    }
  return reached;
}

/** A milestone of the same kind on the same day that still counts: the duplicate rule. */
export function duplicateOf<M extends { kind: string; occurredOn: string; retracted: boolean }>(
  milestones: ReadonlyMap<string, M>,
  kind: string,
  occurredOn: string,
): string | undefined {
  for (const [id, m] of milestones)
    if (!m.retracted && m.kind === kind && m.occurredOn === occurredOn) return id;
  return undefined;
}
