import type { InnovationEvent } from '../domain/innovation/events.js';
import { innovationStream } from '../domain/innovation/events.js';
import type { StudyVisitEvent } from '../domain/study-visit/events.js';
import { studyVisitStream } from '../domain/study-visit/events.js';
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
