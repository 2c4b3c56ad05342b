import { adoptionDecider } from '../domain/adoption/decide.js';
import { adoptionStream } from '../domain/adoption/events.js';
import { badInput, notFound } from '../domain/shared/errors.js';
import { requireAdminForKnownOn, requireSpeaksFor } from './access.js';
import { todayIn } from './clock.js';
import type { InputSchemas } from './inputs.js';
import {
  innovationFacts,
  isMinistry,
  reportedByMinistry,
  studyVisitFacts,
  visitRetracted,
} from './lookups.js';
import { type CommandScope, useCase } from './pipeline.js';

/** Where a milestone lives; answered by the read model so retractions can be routed. */
export interface MilestoneLocator {
  locateMilestone(
    milestoneId: string,
  ): { adopterCode: string; innovationId: string; visitId: string | null } | undefined;
  /** The study visits that count for an adoption (the visitor studied the innovation). */
  visitIdsOfAdoption(adopterCode: string, innovationId: string): string[];
}

const REPORTERS = ['REGENCY', 'ADMIN'] as const;
const JUDGES = ['ANALYST', 'ADMIN'] as const;
const EVIDENCE_GIVERS = ['REGENCY', 'ANALYST', 'ADMIN'] as const;

/** The adoption aggregate's use cases: milestones reported, retracted, verified, rejected. */
export function adoptionUseCases(schemas: InputSchemas, milestones: MilestoneLocator) {
  const locate = (milestoneId: string) => {
    const found = milestones.locateMilestone(milestoneId);
    if (!found) throw notFound('milestoneId', `milestone ${milestoneId} is not known`);
    return found;
  };
  /** The ministry's verdict; a study visit's milestone lives in the visit's stream. */
  const judge = async (
    milestoneId: string,
    cx: CommandScope,
    verdict:
      | { type: 'VerifyMilestone'; note?: string | undefined }
      | { type: 'RejectMilestone'; reason: string },
  ) => {
    const { adopterCode, innovationId, visitId } = locate(milestoneId);
    const where = { milestoneId, adopterCode, innovationId };
    const studyVisitMilestone = visitId ? await studyVisitFacts(cx.store, visitId) : undefined;
    const command =
      verdict.type === 'VerifyMilestone'
        ? {
            type: verdict.type,
            data: { ...where, ...(verdict.note ? { note: verdict.note } : {}) },
          }
        : { type: verdict.type, data: { ...where, reason: verdict.reason } };
    const stream = adoptionStream(adopterCode, innovationId);
    return cx.write(adoptionDecider, stream, { ...command, studyVisitMilestone }, where);
  };

  return {
    reportMilestone: useCase({
      mutation: 'reportMilestone',
      roles: REPORTERS,
      input: schemas.reportMilestone,
      async exec({ details, ...data }, cx) {
        requireSpeaksFor(cx.actor, data.adopterCode, 'adopterCode');
        requireAdminForKnownOn(cx.actor, data.knownOn);
        const innovation = await innovationFacts(cx.store, data.innovationId);
        if (innovation === undefined)
          throw notFound('innovationId', `innovation "${data.innovationId}" is not registered`);
        const { originCode, launchedOn } = innovation;
        const milestoneId = cx.id('milestone');
        // Empty details are no details.
        const some = details && Object.values(details).some((d) => d !== undefined);
        // The visits the read model knows for this adoption, each checked in its own stream.
        const visits = milestones.visitIdsOfAdoption(data.adopterCode, data.innovationId);
        const retracted = await Promise.all(visits.map((v) => visitRetracted(cx.store, v)));
        const command = {
          type: 'ReportMilestone' as const,
          data: { milestoneId, originCode, ...data, ...(some ? { details } : {}) },
          today: todayIn(cx.clock),
          studyVisits: retracted.filter((r) => !r).length,
          launchedOn,
        };
        const { adopterCode, innovationId } = data;
        const stream = adoptionStream(adopterCode, innovationId);
        return cx.write(adoptionDecider, stream, command, {
          adopterCode,
          innovationId,
          milestoneId,
        });
      },
    }),

    retractMilestone: useCase({
      mutation: 'retractMilestone',
      roles: REPORTERS,
      input: schemas.retractMilestone,
      async exec({ milestoneId, reason }, cx) {
        const { adopterCode, innovationId, visitId } = locate(milestoneId);
        requireSpeaksFor(cx.actor, adopterCode, 'milestoneId');
        if (visitId)
          throw badInput(
            'milestoneId',
            `this STUDY_VISIT milestone comes from study visit ${visitId}; retract the visit with retractStudyVisit`,
          );
        const stream = adoptionStream(adopterCode, innovationId);
        const command = {
          type: 'RetractMilestone' as const,
          data: { milestoneId, adopterCode, innovationId, reason },
          byMinistry: isMinistry(cx.actor.role),
          reportedByMinistry: await reportedByMinistry(cx.store, stream, milestoneId),
        };
        return cx.write(adoptionDecider, stream, command, { adopterCode, innovationId });
      },
    }),

    /** Evidence (data dukung) added later: by the adopting regency or the ministry. */
    addEvidence: useCase({
      mutation: 'addEvidence',
      roles: EVIDENCE_GIVERS,
      input: schemas.addEvidence,
      async exec({ milestoneId, evidence }, cx) {
        const { adopterCode, innovationId, visitId } = locate(milestoneId);
        if (cx.actor.role === 'REGENCY') requireSpeaksFor(cx.actor, adopterCode, 'milestoneId');
        const where = { milestoneId, adopterCode, innovationId };
        const command = {
          type: 'AddEvidence' as const,
          data: { ...where, evidence },
          studyVisitMilestone: visitId ? await studyVisitFacts(cx.store, visitId) : undefined,
        };
        const stream = adoptionStream(adopterCode, innovationId);
        return cx.write(adoptionDecider, stream, command, where);
      },
    }),

    /** The ministry accepts a milestone (ANALYST or ADMIN). */
    verifyMilestone: useCase({
      mutation: 'verifyMilestone',
      roles: JUDGES,
      input: schemas.verifyMilestone,
      exec: ({ milestoneId, note }, cx) =>
        judge(milestoneId, cx, { type: 'VerifyMilestone', note }),
    }),

    /** The ministry does not accept a milestone, saying why (ANALYST or ADMIN). */
    rejectMilestone: useCase({
      mutation: 'rejectMilestone',
      roles: JUDGES,
      input: schemas.rejectMilestone,
      exec: ({ milestoneId, reason }, cx) =>
        judge(milestoneId, cx, { type: 'RejectMilestone', reason }),
    }),
  };
}
