import { conflict } from '../domain/shared/errors.js';
import { ConcurrencyError, type EventMetadata, type RecordedEvent } from '../eventstore/port.js';
import { deterministicUuid } from './access.js';
import type { StreamStore } from './command-handler.js';

/**
 * Idempotency keys claimed in the log itself, for stores that check event ids per stream only
 * (KurrentDB, `eventIdScope: 'stream'`). Without a claim, a retry that reaches another instance
 * before that instance's read model knows the key is decided only by the stream it writes to:
 * another request with the same key, or the same request routed to another stream (a study visit
 * retracted meanwhile), would be stored a second time.
 *
 * A key's claim is the first event of the stream `idempotency-<scope>`, appended with
 * `no_stream` just before the command's events, so the store decides who holds the key. It
 * records the request's fingerprint (mutation and request hash), the stream and the ids of the
 * events the command writes, and the answer (never a secret). Its id derives from the scope, the
 * request hash and the stream: the same request claiming again for the same stream is the
 * store's idempotent retry of the same append; anything else meets `no_stream` on an existing
 * stream (wrong expected version) and reads the claim to decide.
 *
 * Claim and events are two appends (KurrentDB has no atomic append across streams). An instance
 * that dies between them leaves a claim without events; the retry finds its own claim, sees the
 * claimed events are not stored, and writes them with the same ids and the expected revision, so
 * it is neither stuck nor stored twice (two retries racing meet the expected revision).
 *
 * Stores whose event ids are unique in the whole log (SQLite, `eventIdScope: 'log'`) need no
 * claim stream: the events' own ids, derived from the key, are the claim, stored in the same
 * transaction as the events, and another request with the key is refused as a duplicate id.
 */
export const CLAIM_TYPE = 'IdempotencyKeyClaimed';

export const claimStream = (scope: string) => `idempotency-${scope}`;

/** What a claim records. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  mutation: string;
  requestHash: string;
  /** The stream the command writes to and the ids of its events there. */
  stream: string;
  eventIds: string[];
  /** The answer a retry gets (what the events' metadata records too). */
  result: unknown;
}

/** A request that claims its key: everything but where its events go, known at append time. */
export type ClaimRequest = Omit<IdempotencyClaim, 'stream' | 'eventIds'>;

/** The key's request was already stored (perhaps elsewhere than this attempt would write). */
export class AlreadyAnswered extends Error {
  override readonly name = 'AlreadyAnswered';
  constructor(
    readonly result: unknown,
    readonly position: bigint,
  ) {
    super('this idempotency key was already answered');
  }
}

/** Whether command handling must claim keys in a stream of their own on this store. */
export const needsClaimStream = (store: StreamStore) => store.eventIdScope !== 'log';

const refused = (mutation: string) =>
  conflict(
    'idempotencyKey',
    `this idempotencyKey was already used for ${mutation} with other input; use a new key for a new request`,
  );

/**
 * Claims the key for this request before its events are appended to `stream`. Returns when the
 * request holds the key and its events are still to be written; throws CONFLICT when another
 * request holds it, and AlreadyAnswered when the claimed events are already stored.
 */
export async function claimKey(
  store: StreamStore,
  request: ClaimRequest,
  stream: string,
  eventIds: string[],
  metadata: EventMetadata,
): Promise<void> {
  const name = claimStream(request.scope);
  for (let attempt = 0; attempt < 3; attempt++) {
    const [held] = await store.readStream(name, { maxCount: 1 });
    if (held) return answerFrom(store, held, request);
    const claim: IdempotencyClaim = { ...request, stream, eventIds };
    const { idempotency: _recorded, ...who } = metadata;
    try {
      await store.append(
        name,
        [
          {
            id: deterministicUuid('idempotency-claim', request.scope, request.requestHash, stream),
            type: CLAIM_TYPE,
            data: claim,
            metadata: who,
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      return;
    } catch (error) {
      // Claimed meanwhile, by another request or for another stream: read the claim.
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  throw new Error(`the claim stream ${name} could not be read after a conflicting claim`);
}

/** The key is claimed: by another request (CONFLICT), or by this one (its answer, or go on). */
async function answerFrom(
  store: StreamStore,
  held: RecordedEvent,
  request: ClaimRequest,
): Promise<void> {
  const claim = held.data as Partial<IdempotencyClaim>;
  if (
    held.type !== CLAIM_TYPE ||
    claim.mutation !== request.mutation ||
    claim.requestHash !== request.requestHash
  )
    throw refused(typeof claim.mutation === 'string' ? claim.mutation : 'another mutation');
  const first = claim.eventIds?.[0];
  if (typeof claim.stream !== 'string' || first === undefined) return;
  const stored = (await store.readStream(claim.stream)).filter((e) =>
    claim.eventIds?.includes(e.id),
  );
  const last = stored.at(-1);
  // Not stored: the claimer died (or is still writing); the events go with the same ids.
  if (!last || stored[0]?.id !== first) return;
  throw new AlreadyAnswered(claim.result, last.position);
}
