import type { z } from 'zod';
import type { Role } from '../domain/access/events.js';
import { accessStream } from '../domain/access/events.js';
import type { Decider, DomainEvent } from '../domain/shared/decider.js';
import { conflict, DomainError } from '../domain/shared/errors.js';
import { AppendRefusedError, type EventMetadata } from '../eventstore/port.js';
import { type Principal, requireRole } from './access.js';
import type { Clock } from './clock.js';
import { type CommandResult, handleCommand, type StreamStore } from './command-handler.js';
import { DryRunStore } from './dry-run.js';
import { type Idempotency, type IdempotentRun, splitKey } from './idempotency.js';
import { newId } from './ids.js';
import { parseInput } from './inputs.js';

/** Who is acting: the principal behind the request's token, for authorization and metadata. */
export interface Actor extends Principal {
  correlationId?: string;
}

export interface Written<T> {
  result: T;
  /** Global log position of the last event written by the command. */
  position: bigint;
  /** A dry run found this request already answered (same idempotency key, same input). */
  replayed?: boolean;
}

/** What a use case gets to do its work: the store, today, stable ids and the handler. */
export interface CommandScope {
  store: StreamStore;
  clock: Clock;
  actor: Actor;
  /** A stable id for this idempotency key, or a fresh one without a key. */
  id(name: string): string;
  /** Load, decide, append with retry; answers `result` with the position written. */
  write<C, E extends DomainEvent, S, T>(
    decider: Decider<C, E, S>,
    stream: string,
    command: C,
    result: T,
  ): Promise<Written<T>>;
  /** As `write`, answering the handler's outcome (to tell a replay from a first run). */
  handle<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    stream: string,
    command: C,
    recorded: unknown,
  ): Promise<CommandResult<E, S>>;
}

/** One mutation: who may run it, the schema of its input, and what it does with the input. */
export interface UseCase<S extends z.ZodType, T> {
  mutation: string;
  roles: readonly Role[];
  input: S;
  exec(data: z.output<S>, scope: CommandScope): Promise<Written<T>>;
}

export const useCase = <S extends z.ZodType, T>(u: UseCase<S, T>) => u;

/**
 * The write side's one pipeline: role → idempotency key → input schema → the use case (load,
 * decide, append with retry) → metadata on every event (who, correlation, idempotency). A dry
 * run goes through the same steps over a `DryRunStore`: it decides and keeps the events in
 * memory, writes nothing, and only peeks at idempotency keys.
 */
export class CommandPipeline {
  constructor(
    private readonly store: StreamStore,
    private readonly idempotency: Idempotency,
    private readonly clock: Clock,
    private readonly dry = false,
  ) {}

  /** A pipeline that checks commands against the store and each other, writing nothing. */
  dryRun(): CommandPipeline {
    return new CommandPipeline(new DryRunStore(this.store), this.idempotency, this.clock, true);
  }

  async run<S extends z.ZodType, T>(
    use: UseCase<S, T>,
    input: unknown,
    actor: Actor,
  ): Promise<Written<T>> {
    requireRole(actor, use.roles, use.mutation);
    const { key, rest } = splitKey(input);
    const exec = async (run: IdempotentRun) =>
      use.exec(await parseInput(use.input, rest), this.scope(actor, run));
    if (!this.dry) return this.idempotency.run(actor.id, use.mutation, key, rest, exec);
    if (key !== undefined) {
      const seen = this.idempotency.peek(actor.id, use.mutation, key, rest);
      if (seen === 'replay') return { result: undefined as T, position: 0n, replayed: true };
      if (seen === 'conflict')
        throw conflict('idempotencyKey', 'this idempotencyKey was used for other input');
    }
    return exec(this.idempotency.without());
  }

  private scope(actor: Actor, run: IdempotentRun): CommandScope {
    const handle = <C, E extends DomainEvent, S>(
      decider: Decider<C, E, S>,
      stream: string,
      command: C,
      recorded: unknown,
    ) =>
      handleCommand(this.store, decider, stream, command, {
        metadata: amend(actor, run.metadata(recorded)),
        claim: run.claim(recorded),
        ...(run.eventId ? { eventId: run.eventId, requestHash: run.requestHash } : {}),
        ...revocationGuard(actor),
      }).catch((error: unknown) => {
        if (error instanceof AppendRefusedError)
          throw new DomainError(
            'UNAUTHENTICATED',
            `${actor.role ?? 'the'} token was revoked while this request was being handled; nothing was stored`,
          );
        throw error;
      });
    return {
      store: this.store,
      clock: this.clock,
      actor,
      id: (name) => run.id(name) ?? newId(),
      handle,
      async write(decider, stream, command, result) {
        const { position } = await handle(decider, stream, command, result);
        return { result, position: position ?? 0n };
      },
    };
  }
}

/**
 * A token's writes never land after its revocation: the append is refused if the token's access
 * stream holds the revocation by then (atomically on the embedded store; see AppendOptions).
 */
function revocationGuard(actor: Actor): { unless?: { stream: string; holds: string } } {
  const tokenId = /^token:(.+)$/.exec(actor.id)?.[1];
  return tokenId ? { unless: { stream: accessStream(tokenId), holds: 'AccessTokenRevoked' } } : {};
}

/** The metadata every event of a command carries: who acted, the correlation, idempotency. */
function amend(actor: Actor, extra: object | undefined): EventMetadata {
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
