import type { Principal } from '../application/access.js';
import { CLAIM_TYPE } from '../application/idempotency-claims.js';
import type { RecordedEvent } from '../eventstore/port.js';

/**
 * What of the raw log a caller may read. Token grants (`AccessToken*` events) and idempotency
 * key claims (which can name a grant) are the admin's business: anyone else reads the log
 * without them (the cursor still moves past them). Nobody,
 * the admin included, is ever answered a token's hash: it is what a token is checked against,
 * and a hash of a guessable token can be guessed offline.
 */
export function visibleEvents(events: readonly RecordedEvent[], actor: Principal): RecordedEvent[] {
  const admin = actor.role === 'ADMIN';
  const visible: RecordedEvent[] = [];
  for (const event of events) {
    if (!event.type.startsWith('AccessToken') && event.type !== CLAIM_TYPE) visible.push(event);
    else if (admin) visible.push(withoutTokenHash(event));
  }
  return visible;
}

function withoutTokenHash(event: RecordedEvent): RecordedEvent {
  if (typeof event.data !== 'object' || event.data === null || !('tokenHash' in event.data))
    return event;
  const { tokenHash: _hidden, ...data } = event.data as Record<string, unknown>;
  return { ...event, data };
}
