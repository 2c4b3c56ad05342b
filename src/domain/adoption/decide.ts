import type { Decider } from '../shared/decider.js';
import { badInput, conflict, notFound } from '../shared/errors.js';
import {
  type AdoptionEvent,
  type AdoptionState,
  activeMilestones,
  evolve,
  initialState,
  isSuspended,
  type MilestoneReported,
} from './events.js';

export type ReportMilestone = {
  type: 'ReportMilestone';
  data: MilestoneReported;
  /** Today in Asia/Jakarta (YYYY-MM-DD), given by the caller so the decider stays pure. */
  today: string;
};

export type RetractMilestone = {
  type: 'RetractMilestone';
  data: { milestoneId: string; adopterCode: string; innovationId: string; reason: string };
};

export type AdoptionCommand = ReportMilestone | RetractMilestone;

export function decide(command: AdoptionCommand, state: AdoptionState): AdoptionEvent[] {
  switch (command.type) {
    case 'ReportMilestone':
      return reportMilestone(command, state);
    case 'RetractMilestone':
      return retractMilestone(command, state);
  }
}

function reportMilestone({ data, today }: ReportMilestone, state: AdoptionState): AdoptionEvent[] {
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

  const active = activeMilestones(state);
  const suspended = isSuspended(state);
  if (suspended && data.kind !== 'RESUMED')
    throw conflict('kind', 'this adoption is suspended (vakum): only RESUMED can be reported');
  if (!suspended && data.kind === 'RESUMED')
    throw conflict('kind', 'RESUMED needs a suspended adoption, and this one is not suspended');
  if (active.length === 0 && (data.kind === 'SUSPENDED' || data.kind === 'EVALUATED'))
    throw conflict('kind', `${data.kind} needs an earlier milestone of this adoption`);
  const duplicate = [...state.milestones.entries()].find(
    ([, m]) => !m.retracted && m.kind === data.kind && m.occurredOn === data.occurredOn,
  );
  if (duplicate)
    throw conflict(
      'occurredOn',
      `${data.kind} on ${data.occurredOn} is already reported (milestone ${duplicate[0]})`,
    );
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

export const adoptionDecider: Decider<AdoptionCommand, AdoptionEvent, AdoptionState> = {
  decide,
  evolve,
  initialState,
};
