import type { InnovationEvent } from '../domain/innovation/events.js';
import { innovationStream } from '../domain/innovation/events.js';
import type { StudyVisitEvent } from '../domain/study-visit/events.js';
import { studyVisitStream } from '../domain/study-visit/events.js';
import { deterministicUuid } from './access.js';
import { decodeEvent, type StreamStore } from './command-handler.js';

/** Cross-stream lookups the use cases make, from the streams themselves (authoritative). */

/** The origin regency of a registered innovation; undefined when it is not registered. */
export async function originOf(store: StreamStore, innovationId: string) {
  const [first] = await store.readStream(innovationStream(innovationId), { maxCount: 1 });
  return first && decodeEvent<InnovationEvent>(first).data.originCode;
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
