import type { Decider } from '../shared/decider.js';
import { badInput, conflict, forbidden, notFound } from '../shared/errors.js';
import {
  evolve,
  initialState,
  type StudyVisitEvent,
  type StudyVisitReported,
  type StudyVisitState,
} from './events.js';

export type ReportStudyVisit = {
  type: 'ReportStudyVisit';
  data: StudyVisitReported;
  /** Origin regency of each innovation studied (undefined when not registered). */
  originOf: Readonly<Record<string, string | undefined>>;
  /** Launch date (`launchedOn`) of each innovation studied, when known. */
  launchedOn?: Readonly<Record<string, string | undefined>>;
  /** Today in Asia/Jakarta (YYYY-MM-DD). */
  today: string;
  /**
   * The visit's id was derived from what identifies it (host, visitor, dates, innovations): a
   * visit already in its stream is then the same visit reported again.
   */
  identifiedByContent?: boolean;
};

/**
 * A visit taken back. The caller tells whether the ministry retracts it (`byMinistry`), reported
 * it (`reportedByMinistry`) or verified one of its milestones (`verifiedByMinistry`, from the
 * adoption streams): a regency cannot take back what the ministry verified or reported.
 */
export type RetractStudyVisit = {
  type: 'RetractStudyVisit';
  data: { visitId: string; reason: string };
  byMinistry?: boolean;
  reportedByMinistry?: boolean;
  verifiedByMinistry?: boolean;
};

export type StudyVisitCommand = ReportStudyVisit | RetractStudyVisit;

export function decide(command: StudyVisitCommand, state: StudyVisitState): StudyVisitEvent[] {
  switch (command.type) {
    case 'ReportStudyVisit':
      return report(command, state);
    case 'RetractStudyVisit':
      if (state.status === 'none')
        throw notFound('visitId', `study visit ${command.data.visitId} is not reported`);
      if (state.status === 'retracted')
        throw conflict('visitId', `study visit ${command.data.visitId} is already retracted`);
      if (!command.byMinistry && (command.verifiedByMinistry || command.reportedByMinistry))
        throw forbidden(
          'visitId',
          `study visit ${command.data.visitId} was ${command.verifiedByMinistry ? 'verified' : 'reported'} by the ministry; only the ministry can retract it`,
        );
      return [{ type: 'StudyVisitRetracted', data: command.data }];
  }
}

function report(
  { data, originOf, launchedOn = {}, today, identifiedByContent }: ReportStudyVisit,
  state: StudyVisitState,
) {
  if (state.status !== 'none' && identifiedByContent)
    throw conflict(
      'startDate',
      `this study visit of ${data.visitorCode} to ${data.hostCode} from ${data.startDate} to ${data.endDate} studying ${data.innovationIds.join(', ')} is already reported (study visit ${data.visitId}); retract that one first to report it anew`,
    );
  if (state.status !== 'none')
    throw conflict('id', `study visit ${data.visitId} is already reported`);
  if (data.visitorCode === data.hostCode)
    throw badInput('visitorCode', 'the visiting regency must differ from the host');
  if (data.endDate < data.startDate)
    throw badInput('endDate', `ends ${data.endDate}, before it starts ${data.startDate}`);
  if (data.startDate > today)
    throw badInput('startDate', `${data.startDate} is in the future (today is ${today})`);
  if (data.endDate > today)
    throw badInput('endDate', `${data.endDate} is in the future (today is ${today})`);
  if (data.knownOn !== undefined && (data.knownOn < data.startDate || data.knownOn > today))
    throw badInput(
      'knownOn',
      `knownOn ${data.knownOn} must be from the visit's first day (${data.startDate}) to today (${today})`,
    );
  data.innovationIds.forEach((id, i) => {
    const origin = originOf[id];
    if (origin === undefined)
      throw notFound(`innovationIds.${i}`, `innovation "${id}" is not registered`);
    if (origin !== data.hostCode)
      throw badInput(
        `innovationIds.${i}`,
        `innovation "${id}" originates in ${origin}, not in the host regency ${data.hostCode}`,
      );
    const launched = launchedOn[id];
    if (launched !== undefined && data.startDate < launched)
      throw badInput(
        'startDate',
        `${data.startDate} is before "${id}" existed (launched ${launched}): it cannot have been studied then`,
      );
  });
  data.sites.forEach((site, i) => {
    if (site.villageCode && !site.villageCode.startsWith(`${data.hostCode}.`))
      throw badInput(
        `sites.${i}.villageCode`,
        `village ${site.villageCode} is not in the host regency ${data.hostCode}`,
      );
  });
  return [{ type: 'StudyVisitReported' as const, data }];
}

export const studyVisitDecider: Decider<StudyVisitCommand, StudyVisitEvent, StudyVisitState> = {
  decide,
  evolve,
  initialState,
};
