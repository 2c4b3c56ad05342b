import { createHash } from 'node:crypto';
import { badInput, conflict } from '../domain/shared/errors.js';
import { text } from '../domain/shared/values.js';
import { deterministicUuid } from './access.js';
import { AlreadyAnswered, type ClaimRequest } from './idempotency-claims.js';

/** What an idempotent command leaves in its events' metadata, so the mapping is rebuildable. */
export interface IdempotencyMetadata {
  /** SHA-256 of (actor, key): keys are per actor. */
  scope: string;
  key: string;
  mutation: string;
  /** SHA-256 of the mutation name and its canonical input (the key left out). */
  requestHash: string;
  /** The mutation's result (never a secret). */
  result: unknown;
}

export interface IdempotencyRecord {
  mutation: string;
  requestHash: string;
  result: unknown;
  position: bigint;
}

/** The read model's record of keys already used, rebuilt from event metadata. */
export interface IdempotencyLookup {
  idempotencyRecord(scope: string): IdempotencyRecord | undefined;
}

/** What a command gets to run idempotently: stable ids and the metadata to record. */
export interface IdempotentRun {
  key: string | undefined;
  /** A stable id named `name` for this key (a fresh random one without a key). */
  id(name: string): string | undefined;
  /** Stable event ids for this key; undefined without a key. */
  eventId: ((index: number) => string) | undefined;
  /** Metadata to store with the events (undefined without a key). */
  metadata(result: unknown): { idempotency: IdempotencyMetadata } | undefined;
  /** The key's claim in the log, answering `result` (undefined without a key). */
  claim(result: unknown): ClaimRequest | undefined;
  requestHash: string | undefined;
}

const IdempotencyKey = text(200).refine((k) => !/\s/.test(k), {
  message: 'must not contain white space',
});

/** Sorted keys, nulls dropped: the same input written differently hashes the same. */
export function canonicalJson(value: unknown): string {
  const normalize = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(normalize);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== null && x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => [k, normalize(x)]),
      );
    return v;
  };
  return JSON.stringify(normalize(value) ?? null);
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Splits `idempotencyKey` off a mutation input and validates it. */
export function splitKey(input: unknown): { key: string | undefined; rest: unknown } {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return { key: undefined, rest: input };
  const { idempotencyKey, ...rest } = input as Record<string, unknown>;
  if (idempotencyKey === undefined || idempotencyKey === null) return { key: undefined, rest };
  const parsed = IdempotencyKey.safeParse(idempotencyKey);
  if (!parsed.success)
    throw badInput(
      'idempotencyKey',
      `idempotencyKey: ${parsed.error.issues[0]?.message ?? 'is invalid'}`,
    );
  return { key: parsed.data, rest };
}

const MAX_REMEMBERED = 10_000;

/**
 * Idempotency keys: a retry with the same key and the same input answers the first result and
 * appends nothing; the same key with other input is a CONFLICT.
 *
 * Layers: commands with the same (actor, key) run one after another in this process, so
 * concurrent retries see the first one's outcome; outcomes are remembered here and in the read
 * model (rebuilt from event metadata); event and entity ids derive from (actor, key), so a retry
 * that reaches another instance finds its own event in the stream (see `handleCommand`); and the
 * log itself decides who holds a key: by the events' own ids on a store where ids are unique in
 * the log, by a claim stream per key elsewhere (see idempotency-claims.ts).
 */
export class Idempotency {
  private readonly locks = new Map<string, Promise<void>>();
  private readonly recent = new Map<string, IdempotencyRecord>();

  constructor(private readonly lookup?: IdempotencyLookup) {}

  async run<T>(
    actorId: string,
    mutation: string,
    key: string | undefined,
    input: unknown,
    exec: (run: IdempotentRun) => Promise<{ result: T; position: bigint }>,
  ): Promise<{ result: T; position: bigint }> {
    if (key === undefined) return exec(this.without());
    const scope = sha256(`${actorId}\n${key}`);
    const requestHash = sha256(`${mutation}\n${canonicalJson(input)}`);
    return this.serialized(scope, async () => {
      const previous = this.recent.get(scope) ?? this.lookup?.idempotencyRecord(scope);
      if (previous) {
        if (previous.mutation !== mutation || previous.requestHash !== requestHash)
          throw conflict(
            'idempotencyKey',
            `idempotencyKey "${key}" was already used for ${previous.mutation} with other input; use a new key for a new request`,
          );
        return { result: previous.result as T, position: previous.position };
      }
      // What a retry answers is what the events record (a secret such as a new token is not).
      let recorded: unknown;
      let written: { result: T; position: bigint };
      try {
        written = await exec({
          key,
          id: (name) => deterministicUuid('idempotent', scope, name),
          eventId: (index) => deterministicUuid('idempotent', scope, 'event', String(index)),
          metadata: (result) => {
            recorded = result;
            return { idempotency: { scope, key, mutation, requestHash, result } };
          },
          claim: (result) => ({ scope, key, mutation, requestHash, result }),
          requestHash,
        });
      } catch (error) {
        // The log holds this request's claim and events: answer what it recorded.
        if (!(error instanceof AlreadyAnswered)) throw error;
        recorded = error.result;
        written = { result: error.result as T, position: error.position };
      }
      this.remember(scope, {
        mutation,
        requestHash,
        result: recorded ?? written.result,
        position: written.position,
      });
      return written;
    });
  }

  /** What a command without an idempotency key runs with: fresh ids, nothing recorded. */
  without(): IdempotentRun {
    return {
      key: undefined,
      id: () => undefined,
      eventId: undefined,
      metadata: () => undefined,
      claim: () => undefined,
      requestHash: undefined,
    };
  }

  /** Whether a request with this key was already answered: 'replay', 'conflict' or undefined. */
  peek(
    actorId: string,
    mutation: string,
    key: string,
    input: unknown,
  ): 'replay' | 'conflict' | undefined {
    const scope = sha256(`${actorId}\n${key}`);
    const previous = this.recent.get(scope) ?? this.lookup?.idempotencyRecord(scope);
    if (!previous) return undefined;
    const requestHash = sha256(`${mutation}\n${canonicalJson(input)}`);
    return previous.mutation === mutation && previous.requestHash === requestHash
      ? 'replay'
      : 'conflict';
  }

  private remember(scope: string, record: IdempotencyRecord): void {
    this.recent.set(scope, record);
    if (this.recent.size > MAX_REMEMBERED) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
  }

  private async serialized<T>(scope: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(scope) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.locks.set(scope, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.locks.get(scope) === tail) this.locks.delete(scope);
    }
  }
}
