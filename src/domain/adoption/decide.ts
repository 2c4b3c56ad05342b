import type { Decider } from '../shared/decider.js';
import { badInput, conflict, DomainError, forbidden, notFound } from '../shared/errors.js';
import { DETAILS_OF_KIND, type DetailsKey } from './details.js';
import {
  type AdoptionEvent,
  type AdoptionState,
  evolve,
  initialState,
  MAX_EVIDENCE,
  type MilestoneEvidenceAdded,
  type MilestoneRejected,
  type MilestoneReported,
  type MilestoneVerified,
  summaryOf,
} from './events.js';
import { duplicateOf } from './summary.js';

/** The adoption already holds a milestone of this kind on this day, still counting. */
export class DuplicateMilestone extends DomainError {
  constructor(
    kind: string,
    occurredOn: string,
    readonly milestoneId: string,
  ) {
    super(
      'CONFLICT',
      `${kind} on ${occurredOn} is already reported (milestone ${milestoneId})`,
      'occurredOn',
    );
  }
}

export type ReportMilestone = {
  type: 'ReportMilestone';
  data: MilestoneReported;
  /** Today in Asia/Jakarta (YYYY-MM-DD), given by the caller so the decider stays pure. */
  today: string;
  /**
   * Live study visits that count as this adoption's STUDY_VISIT milestone. They live in the
   * visits' streams, so the caller counts them.
   */
  studyVisits?: number;
  /** The innovation's launch (its `launchedOn`), when known: nothing is adopted before it. */
  launchedOn?: string | undefined;
};

/**
 * A milestone taken back. `byMinistry`: the retraction comes from the ministry (ANALYST or
 * ADMIN); `reportedByMinistry`: the milestone was reported by it. Both are told by the caller,
 * which knows the tokens; a regency cannot take back what the ministry verified or reported.
 */
export type RetractMilestone = {
  type: 'RetractMilestone';
  data: { milestoneId: string; adopterCode: string; innovationId: string; reason: string };
  byMinistry?: boolean;
  reportedByMinistry?: boolean;
};

/**
 * A study visit's milestone lives in the visit's stream, so the caller says whether such a
 * milestone exists, whether it is retracted and how much evidence the visit carries.
 */
export interface StudyVisitMilestone {
  retracted: boolean;
  evidence?: number;
}

/** The ministry's verdict on a milestone; only a milestone with evidence can be verified. */
export type VerifyMilestone = {
  type: 'VerifyMilestone';
  data: MilestoneVerified;
  studyVisitMilestone?: StudyVisitMilestone;
};
export type RejectMilestone = {
  type: 'RejectMilestone';
  data: MilestoneRejected;
  studyVisitMilestone?: StudyVisitMilestone;
};

/** Evidence added to a milestone that still counts, up to MAX_EVIDENCE pieces in all. */
export type AddEvidence = {
  type: 'AddEvidence';
  data: MilestoneEvidenceAdded;
  studyVisitMilestone?: StudyVisitMilestone;
};

export type AdoptionCommand =
  | ReportMilestone
  | RetractMilestone
  | VerifyMilestone
  | RejectMilestone
  | AddEvidence;

export function decide(command: AdoptionCommand, state: AdoptionState): AdoptionEvent[] {
  switch (command.type) {
    case 'ReportMilestone':
      return reportMilestone(command, state);
    case 'RetractMilestone':
      return retractMilestone(command, state);
    case 'VerifyMilestone':
    case 'RejectMilestone':
      return judgeMilestone(command, state);
    case 'AddEvidence':
      return addEvidence(command, state);
  }
}

function reportMilestone(
  { data, today, studyVisits = 0, launchedOn }: ReportMilestone,
  state: AdoptionState,
): AdoptionEvent[] {
  if (data.kind === 'STUDY_VISIT')
    throw badInput(
      'kind',
      'a study visit is reported with reportStudyVisit; it counts for every innovation it covers',
    );
  if (data.adopterCode === data.originCode)
    throw badInput(
      'adopterCode',
      `regency ${data.adopterCode} is the origin of "${data.innovationId}" and cannot adopt its own innovation`,
    );
  if (data.occurredOn > today)
    throw badInput('occurredOn', `${data.occurredOn} is in the future (today is ${today})`);
  if (launchedOn !== undefined && data.occurredOn < launchedOn)
    throw badInput(
      'occurredOn',
      `${data.occurredOn} is before "${data.innovationId}" existed (launched ${launchedOn})`,
    );
  if (data.knownOn !== undefined && (data.knownOn < data.occurredOn || data.knownOn > today))
    throw badInput(
      'knownOn',
      `knownOn ${data.knownOn} must be from the day it occurred (${data.occurredOn}) to today (${today})`,
    );
  checkDetails(data);

  const { suspended, milestoneCount } = summaryOf(state);
  if (suspended && data.kind !== 'RESUMED')
    throw conflict('kind', 'this adoption is suspended (vakum): only RESUMED can be reported');
  if (!suspended && data.kind === 'RESUMED')
    throw conflict('kind', 'RESUMED needs a suspended adoption, and this one is not suspended');
  // A study visit is a milestone of the adoption too, though it lives in the visit's stream.
  if (
    milestoneCount === 0 &&
    studyVisits === 0 &&
    (data.kind === 'SUSPENDED' || data.kind === 'EVALUATED')
  )
    throw conflict(
      'kind',
      `${data.kind} needs an earlier milestone of this adoption (a study visit counts)`,
    );
  const duplicate = duplicateOf(state.milestones, data.kind, data.occurredOn);
  if (duplicate) throw new DuplicateMilestone(data.kind, data.occurredOn, duplicate);
  return [{ type: 'MilestoneReported', data }];
}

function retractMilestone(command: RetractMilestone, state: AdoptionState): AdoptionEvent[] {
  const { data } = command;
  const milestone = state.milestones.get(data.milestoneId);
  if (!milestone)
    throw notFound('milestoneId', `milestone ${data.milestoneId} is not part of this adoption`);
  if (milestone.retracted)
    throw conflict('milestoneId', `milestone ${data.milestoneId} is already retracted`);
  if (!command.byMinistry && state.verdicts.get(data.milestoneId) === 'VERIFIED')
    throw forbidden(
      'milestoneId',
      `milestone ${data.milestoneId} was verified by the ministry; only the ministry can retract it`,
    );
  if (!command.byMinistry && command.reportedByMinistry)
    throw forbidden(
      'milestoneId',
      `milestone ${data.milestoneId} was reported by the ministry; only the ministry can retract it`,
    );
  return [{ type: 'MilestoneRetracted', data }];
}

/** Evidence of a milestone: reported (or the visit's), and added since. */
function evidenceOf(state: AdoptionState, milestoneId: string, visit?: StudyVisitMilestone) {
  return (state.evidence.get(milestoneId) ?? 0) + (visit?.evidence ?? 0);
}

function addEvidence(command: AddEvidence, state: AdoptionState): AdoptionEvent[] {
  const { milestoneId, evidence } = command.data;
  const milestone = state.milestones.get(milestoneId) ?? command.studyVisitMilestone;
  if (!milestone)
    throw notFound('milestoneId', `milestone ${milestoneId} is not part of this adoption`);
  if (milestone.retracted)
    throw conflict('milestoneId', `milestone ${milestoneId} is retracted; it takes no evidence`);
  const held = evidenceOf(state, milestoneId, command.studyVisitMilestone);
  if (held + evidence.length > MAX_EVIDENCE)
    throw badInput(
      'evidence',
      `milestone ${milestoneId} holds ${held} pieces of evidence; at most ${MAX_EVIDENCE} in all`,
    );
  return [{ type: 'MilestoneEvidenceAdded', data: command.data }];
}

function checkDetails(data: MilestoneReported): void {
  if (!data.details) return;
  const keys = (Object.keys(data.details) as DetailsKey[]).filter(
    (k) => data.details?.[k] !== undefined,
  );
  const expected = DETAILS_OF_KIND[data.kind];
  for (const key of keys)
    if (key !== expected)
      throw badInput(
        `details.${key}`,
        expected
          ? `a ${data.kind} milestone takes details.${expected}, not details.${key}`
          : `a ${data.kind} milestone takes no details; remove details.${key}`,
      );
  const budget = data.details.budget;
  if (budget) {
    const year = Number(data.occurredOn.slice(0, 4));
    if (budget.fiscalYear < year - 1 || budget.fiscalYear > year + 1)
      throw badInput(
        'details.budget.fiscalYear',
        `fiscal year ${budget.fiscalYear} is more than a year away from the allocation date ${data.occurredOn}`,
      );
  }
}

function judgeMilestone(
  command: VerifyMilestone | RejectMilestone,
  state: AdoptionState,
): AdoptionEvent[] {
  const { milestoneId } = command.data;
  const milestone = state.milestones.get(milestoneId) ?? command.studyVisitMilestone;
  if (!milestone)
    throw notFound('milestoneId', `milestone ${milestoneId} is not part of this adoption`);
  if (milestone.retracted)
    throw conflict(
      'milestoneId',
      `milestone ${milestoneId} is retracted; there is nothing to judge`,
    );
  const verdict = state.verdicts.get(milestoneId);
  if (command.type === 'VerifyMilestone') {
    if (verdict === 'VERIFIED')
      throw conflict('milestoneId', `milestone ${milestoneId} is already verified`);
    if (evidenceOf(state, milestoneId, command.studyVisitMilestone) === 0)
      throw conflict(
        'milestoneId',
        `milestone ${milestoneId} carries no evidence (data dukung); add it with addEvidence before verifying`,
      );
    return [{ type: 'MilestoneVerified', data: command.data }];
  }
  if (verdict === 'REJECTED')
    throw conflict('milestoneId', `milestone ${milestoneId} is already rejected`);
  return [{ type: 'MilestoneRejected', data: command.data }];
}

export const adoptionDecider: Decider<AdoptionCommand, AdoptionEvent, AdoptionState> = {
  decide,
  evolve,
  initialState,
};
