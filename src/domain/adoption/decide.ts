import type { Decider } from '../shared/decider.js';
import { badInput, conflict, DomainError, notFound } from '../shared/errors.js';
import { DETAILS_OF_KIND, type DetailsKey } from './details.js';
import {
  type AdoptionEvent,
  type AdoptionState,
  evolve,
  initialState,
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
};

export type RetractMilestone = {
  type: 'RetractMilestone';
  data: { milestoneId: string; adopterCode: string; innovationId: string; reason: string };
};

/**
 * The ministry's verdict on a milestone. A study visit's milestone lives in the visit's stream,
 * so the caller says whether such a milestone exists (and is retracted) in `studyVisitMilestone`.
 */
export type VerifyMilestone = {
  type: 'VerifyMilestone';
  data: MilestoneVerified;
  studyVisitMilestone?: { retracted: boolean };
};
export type RejectMilestone = {
  type: 'RejectMilestone';
  data: MilestoneRejected;
  studyVisitMilestone?: { retracted: boolean };
};

export type AdoptionCommand =
  | ReportMilestone
  | RetractMilestone
  | VerifyMilestone
  | RejectMilestone;

export function decide(command: AdoptionCommand, state: AdoptionState): AdoptionEvent[] {
  switch (command.type) {
    case 'ReportMilestone':
      return reportMilestone(command, state);
    case 'RetractMilestone':
      return retractMilestone(command, state);
    case 'VerifyMilestone':
    case 'RejectMilestone':
      return judgeMilestone(command, state);
  }
}

function reportMilestone(
  { data, today, studyVisits = 0 }: ReportMilestone,
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

function retractMilestone({ data }: RetractMilestone, state: AdoptionState): AdoptionEvent[] {
  const milestone = state.milestones.get(data.milestoneId);
  if (!milestone)
    throw notFound('milestoneId', `milestone ${data.milestoneId} is not part of this adoption`);
  if (milestone.retracted)
    throw conflict('milestoneId', `milestone ${data.milestoneId} is already retracted`);
  return [{ type: 'MilestoneRetracted', data }];
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
