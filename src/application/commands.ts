import { randomUUID } from 'node:crypto';
import { adoptionDecider } from '../domain/adoption/decide.js';
import { adoptionStream } from '../domain/adoption/events.js';
import { innovationDecider } from '../domain/innovation/decide.js';
import { innovationStream } from '../domain/innovation/events.js';
import { badInput, notFound } from '../domain/shared/errors.js';
import { slugify } from '../domain/shared/values.js';
import { studyVisitDecider } from '../domain/study-visit/decide.js';
import { studyVisitStream } from '../domain/study-visit/events.js';
import type { EventMetadata, EventStore } from '../eventstore/port.js';
import { type Clock, systemClock, todayIn } from './clock.js';
import { handleCommand } from './command-handler.js';
import { type InputSchemas, inputSchemas, parseInput } from './inputs.js';
import type { Regions } from './regions.js';

/** Who is acting, for event metadata. */
export interface Actor {
  id: string;
  correlationId?: string;
}

/** Where a milestone lives; answered by the read model so retractions can be routed. */
export interface MilestoneLocator {
  locateMilestone(
    milestoneId: string,
  ): { adopterCode: string; innovationId: string; visitId: string | null } | undefined;
}

export interface Written<T> {
  result: T;
  /** Global log position of the last event written by the command. */
  position: bigint;
}

/**
 * The write side: validates each mutation input, loads what the deciders need, and runs the
 * deciders through `handleCommand`. Everything written goes through here.
 */
export class Commands {
  private readonly schemas: InputSchemas;

  constructor(
    private readonly store: EventStore,
    private readonly regions: Regions,
    private readonly milestones: MilestoneLocator,
    private readonly clock: Clock = systemClock,
  ) {
    this.schemas = inputSchemas(regions);
  }

  async registerInnovation(
    input: unknown,
    actor: Actor,
  ): Promise<Written<{ innovationId: string }>> {
    const data = await parseInput(this.schemas.registerInnovation, input);
    const origin = this.regions.regency(data.originCode);
    const place = slugify((origin?.name ?? '').replace(/^(KABUPATEN|KOTA)\s+/i, ''));
    const innovationId =
      data.id ?? `${place}-${slugify(data.name)}`.slice(0, 80).replace(/-+$/, '');
    const { id: _id, ...rest } = data;
    const { position } = await handleCommand(
      this.store,
      innovationDecider,
      innovationStream(innovationId),
      { type: 'RegisterInnovation', data: { innovationId, ...rest } },
      { metadata: this.metadata(actor) },
    );
    return { result: { innovationId }, position: position ?? 0n };
  }

  async reportStudyVisit(input: unknown, actor: Actor): Promise<Written<{ visitId: string }>> {
    const { id, ...data } = await parseInput(this.schemas.reportStudyVisit, input);
    const visitId = id ?? randomUUID();
    const originOf: Record<string, string | undefined> = {};
    for (const innovationId of data.innovationIds)
      originOf[innovationId] = await this.originOf(innovationId);
    const { position } = await handleCommand(
      this.store,
      studyVisitDecider,
      studyVisitStream(visitId),
      {
        type: 'ReportStudyVisit',
        data: { visitId, ...data },
        originOf,
        today: todayIn(this.clock),
      },
      { metadata: this.metadata(actor) },
    );
    return { result: { visitId }, position: position ?? 0n };
  }

  async retractStudyVisit(input: unknown, actor: Actor): Promise<Written<{ visitId: string }>> {
    const data = await parseInput(this.schemas.retractStudyVisit, input);
    const { position } = await handleCommand(
      this.store,
      studyVisitDecider,
      studyVisitStream(data.visitId),
      { type: 'RetractStudyVisit', data },
      { metadata: this.metadata(actor) },
    );
    return { result: { visitId: data.visitId }, position: position ?? 0n };
  }

  async reportMilestone(
    input: unknown,
    actor: Actor,
  ): Promise<Written<{ adopterCode: string; innovationId: string; milestoneId: string }>> {
    const data = await parseInput(this.schemas.reportMilestone, input);
    const originCode = await this.originOf(data.innovationId);
    if (originCode === undefined)
      throw notFound('innovationId', `innovation "${data.innovationId}" is not registered`);
    const milestoneId = randomUUID();
    const { position } = await handleCommand(
      this.store,
      adoptionDecider,
      adoptionStream(data.adopterCode, data.innovationId),
      {
        type: 'ReportMilestone',
        data: { milestoneId, originCode, ...data },
        today: todayIn(this.clock),
      },
      { metadata: this.metadata(actor) },
    );
    const { adopterCode, innovationId } = data;
    return { result: { adopterCode, innovationId, milestoneId }, position: position ?? 0n };
  }

  async retractMilestone(
    input: unknown,
    actor: Actor,
  ): Promise<Written<{ adopterCode: string; innovationId: string }>> {
    const { milestoneId, reason } = await parseInput(this.schemas.retractMilestone, input);
    const found = this.milestones.locateMilestone(milestoneId);
    if (!found) throw notFound('milestoneId', `milestone ${milestoneId} is not known`);
    if (found.visitId)
      throw badInput(
        'milestoneId',
        `this STUDY_VISIT milestone comes from study visit ${found.visitId}; retract the visit with retractStudyVisit`,
      );
    const { adopterCode, innovationId } = found;
    const { position } = await handleCommand(
      this.store,
      adoptionDecider,
      adoptionStream(adopterCode, innovationId),
      { type: 'RetractMilestone', data: { milestoneId, adopterCode, innovationId, reason } },
      { metadata: this.metadata(actor) },
    );
    return { result: { adopterCode, innovationId }, position: position ?? 0n };
  }

  /** The origin regency of a registered innovation, read from its own stream (authoritative). */
  private async originOf(innovationId: string): Promise<string | undefined> {
    const [first] = await this.store.readStream(innovationStream(innovationId), { maxCount: 1 });
    return first ? (first.data as { originCode: string }).originCode : undefined;
  }

  private metadata(actor: Actor): EventMetadata {
    const correlationId = actor.correlationId ?? randomUUID();
    return { actor: actor.id, correlationId, causationId: correlationId };
  }
}
