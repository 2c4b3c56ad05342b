import { studyVisitDecider } from '../domain/study-visit/decide.js';
import { studyVisitStream } from '../domain/study-visit/events.js';
import { requireAdminForKnownOn, requireSpeaksFor } from './access.js';
import { todayIn } from './clock.js';
import type { InputSchemas } from './inputs.js';
import { innovationFacts, isMinistry, visitGovernance, visitIdOf, visitorOf } from './lookups.js';
import { useCase } from './pipeline.js';

const REPORTERS = ['REGENCY', 'ADMIN'] as const;

/** The study-visit aggregate's use cases: a visiting regency reports (or retracts) its visit. */
export const studyVisitUseCases = (schemas: InputSchemas) => ({
  reportStudyVisit: useCase({
    mutation: 'reportStudyVisit',
    roles: REPORTERS,
    input: schemas.reportStudyVisit,
    async exec({ id, ...data }, cx) {
      requireSpeaksFor(cx.actor, data.visitorCode, 'visitorCode');
      requireAdminForKnownOn(cx.actor, data.knownOn);
      // Without an id of its own, a visit is identified by what it is, so the same visit
      // reported twice (even at once, on two instances) lands in one stream and is refused.
      const visitId = id ?? (await visitIdOf(cx.store, data));
      const originOfInnovation: Record<string, string | undefined> = {};
      const launchedOn: Record<string, string | undefined> = {};
      for (const innovationId of data.innovationIds) {
        const innovation = await innovationFacts(cx.store, innovationId);
        originOfInnovation[innovationId] = innovation?.originCode;
        launchedOn[innovationId] = innovation?.launchedOn;
      }
      const command = {
        type: 'ReportStudyVisit' as const,
        data: { visitId, ...data },
        originOf: originOfInnovation,
        launchedOn,
        today: todayIn(cx.clock),
        identifiedByContent: id === undefined,
      };
      return cx.write(studyVisitDecider, studyVisitStream(visitId), command, { visitId });
    },
  }),

  retractStudyVisit: useCase({
    mutation: 'retractStudyVisit',
    roles: REPORTERS,
    input: schemas.retractStudyVisit,
    async exec(data, cx) {
      const visitor = await visitorOf(cx.store, data.visitId);
      if (visitor) requireSpeaksFor(cx.actor, visitor, 'visitId');
      const command = {
        type: 'RetractStudyVisit' as const,
        data,
        byMinistry: isMinistry(cx.actor.role),
        ...(await visitGovernance(cx.store, data.visitId)),
      };
      const result = { visitId: data.visitId };
      return cx.write(studyVisitDecider, studyVisitStream(data.visitId), command, result);
    },
  }),
});
