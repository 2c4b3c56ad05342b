import { accessDecider } from '../domain/access/decide.js';
import { accessStream, type Role } from '../domain/access/events.js';
import {
  adoptionDecider,
  type RejectMilestone,
  type VerifyMilestone,
} from '../domain/adoption/decide.js';
import {
  type AdoptionEvent,
  type AdoptionState,
  adoptionStream,
} from '../domain/adoption/events.js';
import { innovationDecider } from '../domain/innovation/decide.js';
import { innovationStream } from '../domain/innovation/events.js';
import type { Decider, DomainEvent } from '../domain/shared/decider.js';
import { badInput, conflict, DomainError, notFound } from '../domain/shared/errors.js';
import { slugify } from '../domain/shared/values.js';
import { studyVisitDecider } from '../domain/study-visit/decide.js';
import { studyVisitStream } from '../domain/study-visit/events.js';
import type { EventMetadata, EventStore } from '../eventstore/port.js';
import {
  generateToken,
  hashToken,
  type Principal,
  requireRole,
  requireSpeaksFor,
} from './access.js';
import { type Clock, systemClock, todayIn } from './clock.js';
import { decodeEvent, handleCommand } from './command-handler.js';
import {
  Idempotency,
  type IdempotencyLookup,
  type IdempotentRun,
  splitKey,
} from './idempotency.js';
import { newId } from './ids.js';
import { type InputSchemas, inputSchemas, parseInput } from './inputs.js';
import type { Regions } from './regions.js';

/** Who is acting: the principal behind the request's token, for authorization and metadata. */
export interface Actor extends Principal {
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

/** The outcome of checking one report of a batch (see `checkMilestoneReports`). */
export type ReportCheck =
  | { status: 'new' }
  | { status: 'imported' }
  | { status: 'recorded'; milestoneId: string }
  | { status: 'invalid'; error: DomainError };

export interface CommandsOptions {
  clock?: Clock;
  /** Idempotency keys already used, as the read model knows them. */
  idempotency?: IdempotencyLookup;
}

const REPORTERS: readonly Role[] = ['REGENCY', 'ADMIN'];
const JUDGES: readonly Role[] = ['ANALYST', 'ADMIN'];
const ADMINS: readonly Role[] = ['ADMIN'];

/**
 * The write side: checks who is acting, validates each mutation input, loads what the deciders
 * need, and runs the deciders through `handleCommand`, idempotently when the input carries an
 * `idempotencyKey`. Everything written goes through here.
 */
export class Commands {
  private readonly schemas: InputSchemas;
  private readonly clock: Clock;
  private readonly idempotency: Idempotency;

  constructor(
    private readonly store: EventStore,
    private readonly regions: Regions,
    private readonly milestones: MilestoneLocator,
    options: CommandsOptions | Clock = {},
  ) {
    const opts: CommandsOptions = 'now' in options ? { clock: options } : options;
    this.schemas = inputSchemas(regions);
    this.clock = opts.clock ?? systemClock;
    this.idempotency = new Idempotency(opts.idempotency);
  }

  /** Role check, then idempotency, then the command itself. */
  private async run<T>(
    mutation: string,
    roles: readonly Role[],
    input: unknown,
    actor: Actor,
    exec: (input: unknown, run: IdempotentRun) => Promise<Written<T>>,
  ): Promise<Written<T>> {
    requireRole(actor, roles, mutation);
    const { key, rest } = splitKey(input);
    return this.idempotency.run(actor.id, mutation, key, rest, (run) => exec(rest, run));
  }

  registerInnovation(input: unknown, actor: Actor): Promise<Written<{ innovationId: string }>> {
    return this.run('registerInnovation', ADMINS, input, actor, async (raw, run) => {
      const data = await parseInput(this.schemas.registerInnovation, raw);
      const origin = this.regions.regency(data.originCode);
      const place = slugify((origin?.name ?? '').replace(/^(KABUPATEN|KOTA)\s+/i, ''));
      const innovationId =
        data.id ?? `${place}-${slugify(data.name)}`.slice(0, 80).replace(/-+$/, '');
      const { id: _id, ...rest } = data;
      const result = { innovationId };
      return this.write(
        innovationDecider,
        innovationStream(innovationId),
        {
          type: 'RegisterInnovation',
          data: { innovationId, ...rest },
          today: todayIn(this.clock),
        },
        actor,
        run,
        result,
      );
    });
  }

  reportStudyVisit(input: unknown, actor: Actor): Promise<Written<{ visitId: string }>> {
    return this.run('reportStudyVisit', REPORTERS, input, actor, async (raw, run) => {
      const { id, ...data } = await parseInput(this.schemas.reportStudyVisit, raw);
      requireSpeaksFor(actor, data.visitorCode, 'visitorCode');
      const visitId = id ?? run.id('visit') ?? newId();
      const originOf: Record<string, string | undefined> = {};
      for (const innovationId of data.innovationIds)
        originOf[innovationId] = await this.originOf(innovationId);
      const result = { visitId };
      return this.write(
        studyVisitDecider,
        studyVisitStream(visitId),
        {
          type: 'ReportStudyVisit',
          data: { visitId, ...data },
          originOf,
          today: todayIn(this.clock),
        },
        actor,
        run,
        result,
      );
    });
  }

  retractStudyVisit(input: unknown, actor: Actor): Promise<Written<{ visitId: string }>> {
    return this.run('retractStudyVisit', REPORTERS, input, actor, async (raw, run) => {
      const data = await parseInput(this.schemas.retractStudyVisit, raw);
      const [first] = await this.store.readStream(studyVisitStream(data.visitId), {
        maxCount: 1,
      });
      if (first)
        requireSpeaksFor(actor, (first.data as { visitorCode: string }).visitorCode, 'visitId');
      const result = { visitId: data.visitId };
      return this.write(
        studyVisitDecider,
        studyVisitStream(data.visitId),
        { type: 'RetractStudyVisit', data },
        actor,
        run,
        result,
      );
    });
  }

  reportMilestone(
    input: unknown,
    actor: Actor,
  ): Promise<Written<{ adopterCode: string; innovationId: string; milestoneId: string }>> {
    return this.run('reportMilestone', REPORTERS, input, actor, async (raw, run) => {
      const { details, ...data } = await parseInput(this.schemas.reportMilestone, raw);
      requireSpeaksFor(actor, data.adopterCode, 'adopterCode');
      const originCode = await this.originOf(data.innovationId);
      if (originCode === undefined)
        throw notFound('innovationId', `innovation "${data.innovationId}" is not registered`);
      const milestoneId = run.id('milestone') ?? newId();
      const { adopterCode, innovationId } = data;
      const result = { adopterCode, innovationId, milestoneId };
      return this.write(
        adoptionDecider,
        adoptionStream(data.adopterCode, data.innovationId),
        {
          type: 'ReportMilestone',
          data: {
            milestoneId,
            originCode,
            ...data,
            // Empty details are no details.
            ...(details && Object.values(details).some((d) => d !== undefined) ? { details } : {}),
          },
          today: todayIn(this.clock),
        },
        actor,
        run,
        result,
      );
    });
  }

  retractMilestone(
    input: unknown,
    actor: Actor,
  ): Promise<Written<{ adopterCode: string; innovationId: string }>> {
    return this.run('retractMilestone', REPORTERS, input, actor, async (raw, run) => {
      const { milestoneId, reason } = await parseInput(this.schemas.retractMilestone, raw);
      const found = this.milestones.locateMilestone(milestoneId);
      if (!found) throw notFound('milestoneId', `milestone ${milestoneId} is not known`);
      requireSpeaksFor(actor, found.adopterCode, 'milestoneId');
      if (found.visitId)
        throw badInput(
          'milestoneId',
          `this STUDY_VISIT milestone comes from study visit ${found.visitId}; retract the visit with retractStudyVisit`,
        );
      const { adopterCode, innovationId } = found;
      const result = { adopterCode, innovationId };
      return this.write(
        adoptionDecider,
        adoptionStream(adopterCode, innovationId),
        { type: 'RetractMilestone', data: { milestoneId, adopterCode, innovationId, reason } },
        actor,
        run,
        result,
      );
    });
  }

  /** The ministry accepts a milestone (ANALYST or ADMIN). */
  verifyMilestone(
    input: unknown,
    actor: Actor,
  ): Promise<Written<{ adopterCode: string; innovationId: string; milestoneId: string }>> {
    return this.run('verifyMilestone', JUDGES, input, actor, async (raw, run) => {
      const { milestoneId, note } = await parseInput(this.schemas.verifyMilestone, raw);
      return this.judge(milestoneId, actor, run, (where) => ({
        type: 'VerifyMilestone',
        data: { milestoneId, ...where, ...(note ? { note } : {}) },
      }));
    });
  }

  /** The ministry does not accept a milestone, saying why (ANALYST or ADMIN). */
  rejectMilestone(
    input: unknown,
    actor: Actor,
  ): Promise<Written<{ adopterCode: string; innovationId: string; milestoneId: string }>> {
    return this.run('rejectMilestone', JUDGES, input, actor, async (raw, run) => {
      const { milestoneId, reason } = await parseInput(this.schemas.rejectMilestone, raw);
      return this.judge(milestoneId, actor, run, (where) => ({
        type: 'RejectMilestone',
        data: { milestoneId, ...where, reason },
      }));
    });
  }

  private async judge(
    milestoneId: string,
    actor: Actor,
    run: IdempotentRun,
    command: (where: {
      adopterCode: string;
      innovationId: string;
    }) =>
      | Omit<VerifyMilestone, 'studyVisitMilestone'>
      | Omit<RejectMilestone, 'studyVisitMilestone'>,
  ): Promise<Written<{ adopterCode: string; innovationId: string; milestoneId: string }>> {
    const found = this.milestones.locateMilestone(milestoneId);
    if (!found) throw notFound('milestoneId', `milestone ${milestoneId} is not known`);
    const { adopterCode, innovationId } = found;
    let studyVisitMilestone: { retracted: boolean } | undefined;
    if (found.visitId) {
      const visit = await this.store.readStream(studyVisitStream(found.visitId));
      studyVisitMilestone = { retracted: visit.some((e) => e.type === 'StudyVisitRetracted') };
    }
    const result = { adopterCode, innovationId, milestoneId };
    return this.write(
      adoptionDecider,
      adoptionStream(adopterCode, innovationId),
      { ...command({ adopterCode, innovationId }), studyVisitMilestone },
      actor,
      run,
      result,
    );
  }

  /**
   * Issues an access token (ADMIN). The token itself is answered once and stored nowhere: the
   * grant event holds its SHA-256 hash. A retry with the same idempotencyKey answers the grant
   * without the token (`token: null`).
   */
  issueAccessToken(
    input: unknown,
    actor: Actor,
  ): Promise<
    Written<{
      tokenId: string;
      role: Role;
      regencyCode: string | null;
      label: string | null;
      token: string | null;
    }>
  > {
    return this.run('issueAccessToken', ADMINS, input, actor, async (raw, run) => {
      const data = await parseInput(this.schemas.issueAccessToken, raw);
      const token = generateToken();
      const tokenId = run.id('token') ?? newId();
      const grant = {
        tokenId,
        role: data.role,
        regencyCode: data.regencyCode ?? null,
        label: data.label ?? null,
      };
      const outcome = await handleCommand(
        this.store,
        accessDecider,
        accessStream(tokenId),
        { type: 'IssueAccessToken', data: { ...data, tokenId, tokenHash: hashToken(token) } },
        this.options(actor, run, { ...grant, token: null }),
      );
      return {
        result: { ...grant, token: outcome.replayed ? null : token },
        position: outcome.position ?? 0n,
      };
    });
  }

  /** Revokes an access token (ADMIN); it stops working at once. */
  revokeAccessToken(input: unknown, actor: Actor): Promise<Written<{ tokenId: string }>> {
    return this.run('revokeAccessToken', ADMINS, input, actor, async (raw, run) => {
      const data = await parseInput(this.schemas.revokeAccessToken, raw);
      const result = { tokenId: data.tokenId };
      return this.write(
        accessDecider,
        accessStream(data.tokenId),
        { type: 'RevokeAccessToken', data },
        actor,
        run,
        result,
      );
    });
  }

  /**
   * Checks milestone reports as one batch without writing anything: each against the store and
   * the batch's earlier reports, as `reportMilestone` would. A report whose idempotencyKey was
   * already answered is `imported`; one whose kind and date the adoption already holds in the
   * store is `recorded` (a fact entered before); an error names the field.
   */
  async checkMilestoneReports(inputs: readonly unknown[], actor: Actor): Promise<ReportCheck[]> {
    requireRole(actor, REPORTERS, 'reportMilestone');
    const states = new Map<string, { state: AdoptionState; fromBatch: Map<string, number> }>();
    const origins = new Map<string, string | undefined>();
    const today = todayIn(this.clock);
    const checks: ReportCheck[] = [];
    for (const [index, input] of inputs.entries()) {
      try {
        const { key, rest } = splitKey(input);
        if (key !== undefined) {
          const seen = this.idempotency.peek(actor.id, 'reportMilestone', key, rest);
          if (seen === 'replay') {
            checks.push({ status: 'imported' });
            continue;
          }
          if (seen === 'conflict')
            throw conflict('idempotencyKey', 'this idempotencyKey was used for other input');
        }
        const { details, ...data } = await parseInput(this.schemas.reportMilestone, rest);
        requireSpeaksFor(actor, data.adopterCode, 'adopterCode');
        if (!origins.has(data.innovationId))
          origins.set(data.innovationId, await this.originOf(data.innovationId));
        const originCode = origins.get(data.innovationId);
        if (originCode === undefined)
          throw notFound('innovationId', `innovation "${data.innovationId}" is not registered`);
        const stream = adoptionStream(data.adopterCode, data.innovationId);
        let entry = states.get(stream);
        if (!entry) {
          const recorded = await this.store.readStream(stream);
          entry = {
            state: recorded
              .map((e) => decodeEvent<AdoptionEvent>(e))
              .reduce(adoptionDecider.evolve, adoptionDecider.initialState),
            fromBatch: new Map(),
          };
          states.set(stream, entry);
        }
        const same = [...entry.state.milestones.entries()].find(
          ([, m]) => !m.retracted && m.kind === data.kind && m.occurredOn === data.occurredOn,
        );
        if (same) {
          const earlier = entry.fromBatch.get(same[0]);
          if (earlier === undefined) {
            checks.push({ status: 'recorded', milestoneId: same[0] });
            continue;
          }
          throw conflict(
            'occurredOn',
            `${data.kind} on ${data.occurredOn} is already in this batch (entry ${earlier + 1})`,
          );
        }
        const milestoneId = newId();
        const events = adoptionDecider.decide(
          {
            type: 'ReportMilestone',
            data: {
              milestoneId,
              originCode,
              ...data,
              ...(details && Object.values(details).some((d) => d !== undefined)
                ? { details }
                : {}),
            },
            today,
          },
          entry.state,
        );
        entry.state = events.reduce(adoptionDecider.evolve, entry.state);
        entry.fromBatch.set(milestoneId, index);
        checks.push({ status: 'new' });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        checks.push({ status: 'invalid', error });
      }
    }
    return checks;
  }

  /** The origin regency of a registered innovation, read from its own stream (authoritative). */
  private async originOf(innovationId: string): Promise<string | undefined> {
    const [first] = await this.store.readStream(innovationStream(innovationId), { maxCount: 1 });
    return first ? (first.data as { originCode: string }).originCode : undefined;
  }

  /** Runs one command through the handler and answers `result` with the position written. */
  private async write<C, E extends DomainEvent, S, T>(
    decider: Decider<C, E, S>,
    stream: string,
    command: C,
    actor: Actor,
    run: IdempotentRun,
    result: T,
  ): Promise<Written<T>> {
    const { position } = await handleCommand(
      this.store,
      decider,
      stream,
      command,
      this.options(actor, run, result),
    );
    return { result, position: position ?? 0n };
  }

  private options(actor: Actor, run: IdempotentRun, result: unknown) {
    return {
      metadata: this.metadata(actor, run.metadata(result)),
      ...(run.eventId ? { eventId: run.eventId, requestHash: run.requestHash } : {}),
    };
  }

  private metadata(actor: Actor, extra: object | undefined): EventMetadata {
    const correlationId = actor.correlationId ?? newId();
    return {
      actor: actor.id,
      ...(actor.role ? { role: actor.role } : {}),
      ...(actor.regencyCode ? { regencyCode: actor.regencyCode } : {}),
      correlationId,
      causationId: correlationId,
      ...extra,
    };
  }
}
