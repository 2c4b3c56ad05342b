import { describe, it } from 'vitest';
import { given } from '../shared/given.js';
import { innovationDecider } from './decide.js';
import type { InnovationRegistered } from './events.js';

const mpp: InnovationRegistered = {
  innovationId: 'banyuwangi-mal-pelayanan-publik',
  originCode: '35.10',
  name: 'Mal Pelayanan Publik',
  category: 'PUBLIC_SERVICE',
  digital: false,
  launchedOn: '2017-10-06',
  evidence: [],
};

describe('Innovation decider', () => {
  it('registers a new innovation', () => {
    given(innovationDecider)
      .when({ type: 'RegisterInnovation', data: mpp })
      .thenEmits([{ type: 'InnovationRegistered', data: mpp }]);
  });

  it('refuses to register the same id twice', () => {
    given(innovationDecider, [{ type: 'InnovationRegistered', data: mpp }])
      .when({ type: 'RegisterInnovation', data: mpp })
      .thenRejects('CONFLICT', 'id');
  });

  it('refuses a launch date in the future', () => {
    given(innovationDecider)
      .when({
        type: 'RegisterInnovation',
        data: { ...mpp, launchedOn: '2026-12-01' },
        today: '2026-11-28',
      })
      .thenRejects('BAD_USER_INPUT', 'launchedOn');
  });
});
