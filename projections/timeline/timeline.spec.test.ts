import { describe, it } from 'vitest';
import { projectionSpec, recordedAt, sample } from '../spec.js';
import { timelineProjection } from './projection.js';

const spec = projectionSpec(timelineProjection);
const MPP = 'banyuwangi-mal-pelayanan-publik';
const SMART = 'banyuwangi-smart-kampung';
const VISIT = '0190f000-0000-7000-8000-000000000001';
const MOU = '0190f000-0000-7000-8000-000000000002';

describe('timeline projection', () => {
  it('given nothing, when a visit covers two innovations and an MoU follows, then each is a row on both clocks', () => {
    spec
      .given([])
      .when([
        sample.visit(VISIT, [MPP, SMART]),
        sample.milestone(MOU, 'AGREEMENT_SIGNED', '2019-02-27'),
      ])
      .thenRows('milestone_timeline', [
        ...[MPP, SMART].map((innovation) => ({
          id: `${VISIT}:${innovation}`,
          innovation_id: innovation,
          province_code: '16',
          kind: 'STUDY_VISIT',
          stage_rank: 2,
          occurred_on: '2019-02-25',
          recorded_at: recordedAt(1),
          retracted_at: null,
        })),
        {
          id: MOU,
          innovation_id: MPP,
          province_code: '16',
          kind: 'AGREEMENT_SIGNED',
          stage_rank: 3,
          occurred_on: '2019-02-27',
          recorded_at: recordedAt(2),
          retracted_at: null,
        },
      ]);
  });

  it('given a visit, when it is retracted, then its rows keep when they were retracted', () => {
    spec
      .given([sample.visit(VISIT, [MPP])])
      .when([{ type: 'StudyVisitRetracted', data: { visitId: VISIT, reason: 'double report' } }])
      .thenRows('milestone_timeline', [{ id: `${VISIT}:${MPP}`, retracted_at: recordedAt(2) }]);
  });
});
