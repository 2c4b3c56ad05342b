import { describe, it } from 'vitest';
import { projectionSpec, recordedAt, sample } from '../spec.js';
import { studyVisitsProjection } from './projection.js';

const spec = projectionSpec(studyVisitsProjection);
const VISIT = '0190f000-0000-7000-8000-000000000001';

describe('study-visits projection', () => {
  it('given nothing, when a visit is reported, then it is one row with its sites and innovations', () => {
    spec
      .given([])
      .when([sample.visit(VISIT, ['banyuwangi-mal-pelayanan-publik'])])
      .thenRows('study_visits', [
        {
          id: VISIT,
          host_code: '35.10',
          visitor_code: '16.04',
          delegation_size: 14,
          sites: '[{"name":"Mal Pelayanan Publik"}]',
          innovation_ids: '["banyuwangi-mal-pelayanan-publik"]',
          reported_by: 'spec',
          retracted: 0,
        },
      ]);
  });

  it('given a visit, when it is retracted, then its row says so and why', () => {
    spec
      .given([sample.visit(VISIT, ['banyuwangi-mal-pelayanan-publik'])])
      .when([{ type: 'StudyVisitRetracted', data: { visitId: VISIT, reason: 'double report' } }])
      .thenRows('study_visits', [
        {
          id: VISIT,
          retracted: 1,
          retracted_at: recordedAt(2),
          retraction_reason: 'double report',
        },
      ]);
  });
});
