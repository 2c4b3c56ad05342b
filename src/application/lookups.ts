import { adoptionStream } from '../domain/adoption/events.js';
import { visitMilestoneId } from '../domain/adoption/summary.js';
import type { InnovationEvent } from '../domain/innovation/events.js';
import { innovationStream } from '../domain/innovation/events.js';
import type { StudyVisitEvent } from '../domain/study-visit/events.js';
import { studyVisitStream } from '../domain/study-visit/events.js';
import { deterministicUuid } from './access.js';
import { decodeEvent, type StreamStore } from './command-handler.js';

/** Cross-stream lookups the use cases make, from the streams themselves (authoritative). */

/** The origin regency of a registered innovation; undefined when it is not registered. */
export async function originOf(store: StreamStore, innovationId: string) {
  return (await innovationFacts(store, innovationId))?.originCode;
}

/** A registered innovation's origin and launch date (when known); undefined when unregistered. */
export async function innovationFacts(store: StreamStore, innovationId: string) {
  const [first] = await store.readStream(innovationStream(innovationId), { maxCount: 1 });
  if (!first) return undefined;
  const { originCode, launchedOn } = decodeEvent<InnovationEvent>(first).data;
  return { originCode, launchedOn };
}

/** The regency that reported a study visit; undefined when there is no such visit. */
export async function visitorOf(store: StreamStore, visitId: string) {
  const [first] = await store.readStream(studyVisitStream(visitId), { maxCount: 1 });
  if (!first) return undefined;
  const event = decodeEvent<StudyVisitEvent>(first);
  return event.type === 'StudyVisitReported' ? event.data.visitorCode : undefined;
}

/** Whether a study visit was retracted (a retracted visit's milestones count no more). */
export async function visitRetracted(store: StreamStore, visitId: string) {
  const visit = await store.readStream(studyVisitStream(visitId));
  return visit.some((e) => e.type === 'StudyVisitRetracted');
}

/** A study visit as its milestones' verdicts need it: retracted or not, and its evidence. */
export async function studyVisitFacts(store: StreamStore, visitId: string) {
  const visit = (await store.readStream(studyVisitStream(visitId))).map((e) =>
    decodeEvent<StudyVisitEvent>(e),
  );
  const reported = visit.find((e) => e.type === 'StudyVisitReported');
  return {
    retracted: visit.some((e) => e.type === 'StudyVisitRetracted'),
    evidence: reported?.type === 'StudyVisitReported' ? reported.data.evidence.length : 0,
  };
}

/** Whether the ministry (an ANALYST or ADMIN token) reported a milestone of an adoption stream. */
export async function reportedByMinistry(store: StreamStore, stream: string, milestoneId: string) {
  const report = (await store.readStream(stream)).find(
    (e) =>
      e.type === 'MilestoneReported' &&
      (e.data as { milestoneId?: unknown }).milestoneId === milestoneId,
  );
  return report !== undefined && isMinistry(report.metadata.role);
}

/** The ministry's roles: its analysts and admins. */
export const isMinistry = (role: unknown) => role === 'ADMIN' || role === 'ANALYST';

/**
 * Whether the ministry reported a study visit, and whether the current verdict on any of its
 * milestones (kept in the adoption streams it counts for) is VERIFIED.
 */
export async function visitGovernance(store: StreamStore, visitId: string) {
  const [first] = await store.readStream(studyVisitStream(visitId), { maxCount: 1 });
  if (!first) return { reportedByMinistry: false, verifiedByMinistry: false };
  const event = decodeEvent<StudyVisitEvent>(first);
  if (event.type !== 'StudyVisitReported')
    return { reportedByMinistry: false, verifiedByMinistry: false };
  let verifiedByMinistry = false;
  for (const innovationId of event.data.innovationIds) {
    const milestoneId = visitMilestoneId(visitId, innovationId);
    let verdict: string | undefined;
    for (const e of await store.readStream(adoptionStream(event.data.visitorCode, innovationId)))
      if (
        (e.type === 'MilestoneVerified' || e.type === 'MilestoneRejected') &&
        (e.data as { milestoneId?: unknown }).milestoneId === milestoneId
      )
        verdict = e.type;
    if (verdict === 'MilestoneVerified') verifiedByMinistry = true;
  }
  return { reportedByMinistry: isMinistry(first.metadata.role), verifiedByMinistry };
}

/**
 * The id of a study visit identified by what it is: host, visitor, dates and the innovations
 * studied. The first such id whose stream is empty or holds a live visit: a visit reported again
 * lands in the live one's stream (and is refused there), while one reported anew after a
 * retraction gets the next id.
 */
export async function visitIdOf(
  store: StreamStore,
  visit: {
    hostCode: string;
    visitorCode: string;
    startDate: string;
    endDate: string;
    innovationIds: readonly string[];
  },
): Promise<string> {
  const identity = [
    visit.hostCode,
    visit.visitorCode,
    visit.startDate,
    visit.endDate,
    ...[...new Set(visit.innovationIds)].sort(),
  ];
  for (let n = 0; ; n++) {
    const visitId = deterministicUuid('study-visit', ...identity, String(n));
    if (!(await visitRetracted(store, visitId))) return visitId;
  }
}
