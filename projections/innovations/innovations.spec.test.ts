import { describe, it } from 'vitest';
import { projectionSpec, recordedAt, sample } from '../spec.js';
import { innovationsProjection } from './projection.js';

const spec = projectionSpec(innovationsProjection);

describe('innovations projection', () => {
  it('given nothing, when an innovation is registered, then it is one row of the registry', () => {
    spec
      .given([])
      .when([sample.mpp])
      .thenRows('innovations', [
        {
          id: 'banyuwangi-mal-pelayanan-publik',
          origin_code: '35.10',
          name: 'Mal Pelayanan Publik',
          category: 'PUBLIC_SERVICE',
          digital: 0,
          launched_on: '2017-10-06',
          evidence: '[]',
          registered_at: recordedAt(1),
          position: 1,
        },
      ]);
  });
});
