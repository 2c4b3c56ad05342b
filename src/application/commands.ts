import type { Role } from '../domain/access/events.js';
import { DuplicateMilestone } from '../domain/adoption/decide.js';
import { conflict, DomainError } from '../domain/shared/errors.js';
import type { EventStore } from '../eventstore/port.js';
import { requireRole } from './access.js';
import { accessTokenUseCases } from './access-tokens.js';
import { adoptionUseCases, type MilestoneLocator } from './adoptions.js';
import { type Clock, systemClock } from './clock.js';
import { Idempotency, type IdempotencyLookup } from './idempotency.js';
import { innovationUseCases } from './innovations.js';
import { inputSchemas } from './inputs.js';
import { type Actor, CommandPipeline } from './pipeline.js';
import type { Regions } from './regions.js';
import { studyVisitUseCases } from './study-visits.js';

export type { MilestoneLocator } from './adoptions.js';
export type { Actor, Written } from './pipeline.js';

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

/**
 * The write side, one method per mutation: each runs its aggregate's use case through the one
 * `CommandPipeline`. Everything written goes through here.
 */
export class Commands {
  private readonly pipeline: CommandPipeline;
  private readonly use;

  constructor(
    store: EventStore,
    regions: Regions,
    milestones: MilestoneLocator,
    options: CommandsOptions | Clock = {},
  ) {
    const opts: CommandsOptions = 'now' in options ? { clock: options } : options;
    const schemas = inputSchemas(regions);
    const idempotency = new Idempotency(opts.idempotency);
    this.pipeline = new CommandPipeline(store, idempotency, opts.clock ?? systemClock);
    this.use = {
      ...innovationUseCases(schemas, regions),
      ...studyVisitUseCases(schemas),
      ...adoptionUseCases(schemas, milestones),
      ...accessTokenUseCases(schemas),
    };
  }

  registerInnovation = (input: unknown, actor: Actor) =>
    this.pipeline.run(this.use.registerInnovation, input, actor);
  reportStudyVisit = (input: unknown, actor: Actor) =>
    this.pipeline.run(this.use.reportStudyVisit, input, actor);
  retractStudyVisit = (input: unknown, actor: Actor) =>
    this.pipeline.run(this.use.retractStudyVisit, input, actor);
  reportMilestone = (input: unknown, actor: Actor) =>
    this.pipeline.run(this.use.reportMilestone, input, actor);
  retractMilestone = (input: unknown, actor: Actor) =>
    this.pipeline.run(this.use.retractMilestone, input, actor);
  verifyMilestone = (input: unknown, actor: Actor) =>
    this.pipeline.run(this.use.verifyMilestone, input, actor);
  rejectMilestone = (input: unknown, actor: Actor) =>
    this.pipeline.run(this.use.rejectMilestone, input, actor);
  addEvidence = (input: unknown, actor: Actor) =>
    this.pipeline.run(this.use.addEvidence, input, actor);
  issueAccessToken = (input: unknown, actor: Actor) =>
    this.pipeline.run(this.use.issueAccessToken, input, actor);
  revokeAccessToken = (input: unknown, actor: Actor) =>
    this.pipeline.run(this.use.revokeAccessToken, input, actor);

  /**
   * Checks milestone reports as one batch without writing anything: a dry run of
   * `reportMilestone`, each against the store and the batch's earlier reports. A report whose
   * idempotencyKey was already answered is `imported`; one whose kind and date the adoption
   * already holds in the store is `recorded` (a fact entered before); an error names the field.
   */
  async checkMilestoneReports(
    inputs: readonly unknown[],
    actor: Actor,
    /** How a message names an earlier report of the batch (a CSV names its line). */
    nameOf: (index: number) => string = (index) => `entry ${index + 1}`,
  ): Promise<ReportCheck[]> {
    requireRole(actor, REPORTERS, 'reportMilestone');
    const dry = this.pipeline.dryRun();
    const fromBatch = new Map<string, number>();
    const checks: ReportCheck[] = [];
    for (const [index, input] of inputs.entries()) {
      try {
        const checked = await dry.run(this.use.reportMilestone, input, actor);
        if (checked.replayed) checks.push({ status: 'imported' });
        else {
          fromBatch.set(checked.result.milestoneId, index);
          checks.push({ status: 'new' });
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        checks.push(duplicateCheck(error, fromBatch, nameOf) ?? { status: 'invalid', error });
      }
    }
    return checks;
  }

  /**
   * Checks study-visit reports as one batch without writing anything (a dry run of
   * `reportStudyVisit`): `imported` when its idempotencyKey was already answered.
   */
  async checkStudyVisitReports(inputs: readonly unknown[], actor: Actor): Promise<ReportCheck[]> {
    requireRole(actor, REPORTERS, 'reportStudyVisit');
    const dry = this.pipeline.dryRun();
    const checks: ReportCheck[] = [];
    for (const input of inputs) {
      try {
        const checked = await dry.run(this.use.reportStudyVisit, input, actor);
        checks.push({ status: checked.replayed ? 'imported' : 'new' });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        checks.push({ status: 'invalid', error });
      }
    }
    return checks;
  }
}

/** A duplicate of a milestone in the store is `recorded`; of an earlier report, a conflict. */
function duplicateCheck(
  error: DomainError,
  fromBatch: Map<string, number>,
  nameOf: (index: number) => string,
): ReportCheck | undefined {
  if (!(error instanceof DuplicateMilestone)) return undefined;
  const earlier = fromBatch.get(error.milestoneId);
  if (earlier === undefined) return { status: 'recorded', milestoneId: error.milestoneId };
  const message = error.message.replace(/ is already reported .*$/, '');
  return {
    status: 'invalid',
    error: conflict('occurredOn', `${message} is already in this batch (${nameOf(earlier)})`),
  };
}
