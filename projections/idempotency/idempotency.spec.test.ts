import { describe, it } from 'vitest';
import { projectionSpec, sample } from '../spec.js';
import { idempotencyProjection } from './projection.js';

const spec = projectionSpec(idempotencyProjection);
const keyed = (result: unknown) => ({
  ...sample.mpp,
  metadata: {
    actor: 'token:admin',
    idempotency: {
      scope: 's1',
      key: 'k',
      mutation: 'registerInnovation',
      requestHash: 'h1',
      result,
    },
  },
});

describe('idempotency projection', () => {
  it('given nothing, when an event records an idempotency key, then the key maps to its result', () => {
    spec
      .given([])
      .when([keyed({ innovationId: 'banyuwangi-mal-pelayanan-publik' })])
      .thenRows('idempotency_keys', [
        {
          scope: 's1',
          mutation: 'registerInnovation',
          request_hash: 'h1',
          result: '{"innovationId":"banyuwangi-mal-pelayanan-publik"}',
          position: 1,
        },
      ]);
  });

  it('given a recorded key, when a later event carries the same scope, then the first answer stays', () => {
    spec
      .given([keyed('first')])
      .when([keyed('second'), sample.mpp])
      .thenRows('idempotency_keys', [{ scope: 's1', result: '"first"', position: 1 }]);
  });
});
