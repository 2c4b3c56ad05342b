import { describe, it } from 'vitest';
import { projectionSpec, sample } from '../spec.js';
import { figuresProjection } from './projection.js';

const spec = projectionSpec(figuresProjection);
const MPP = 'banyuwangi-mal-pelayanan-publik';
const VISIT = '0190f000-0000-7000-8000-000000000001';
const MOU = '0190f000-0000-7000-8000-000000000002';
const PERBUP = '0190f000-0000-7000-8000-000000000003';

const withMode = (event: ReturnType<typeof sample.milestone>, mode: string) => ({
  ...event,
  data: { ...event.data, mode },
});

describe('figures projection', () => {
  it('given a registered innovation, when a visit and an MoU are reported, then each row carries province, category and verdict', () => {
    spec
      .given([sample.mpp])
      .when([sample.visit(VISIT, [MPP]), sample.milestone(MOU, 'AGREEMENT_SIGNED', '2019-02-27')])
      .thenRows('figure_milestones', [
        {
          id: `${VISIT}:${MPP}`,
          province_code: '16',
          category: 'PUBLIC_SERVICE',
          stage_rank: 2,
          verification: 'UNVERIFIED',
          visit_id: VISIT,
        },
        {
          id: MOU,
          province_code: '16',
          category: 'PUBLIC_SERVICE',
          stage_rank: 3,
          verification: 'UNVERIFIED',
          visit_id: null,
        },
      ]);
  });

  it("given milestones with modes, then the adoption's reach carries its latest milestone's mode and first dates, and a retraction adds it up again", () => {
    const given = [
      sample.mpp,
      sample.visit(VISIT, [MPP]),
      withMode(sample.milestone(PERBUP, 'REGULATION_ENACTED', '2020-01-10'), 'ADAPTATION'),
      withMode(sample.milestone(MOU, 'AGREEMENT_SIGNED', '2019-02-27'), 'ADOPTION'),
    ];
    spec
      .given(given)
      .when([])
      .thenRows('figure_reach', [
        {
          class: 'ANY',
          mode: 'ADAPTATION',
          max_rank: 4,
          visit_on: '2019-02-25',
          r2: '2019-02-25',
          r3: '2019-02-27',
          r4: '2020-01-10',
          r5: null,
        },
        {
          class: 'EXCLUDE_REJECTED',
          mode: 'ADAPTATION',
          max_rank: 4,
          visit_on: '2019-02-25',
          r2: '2019-02-25',
          r3: '2019-02-27',
          r4: '2020-01-10',
          r5: null,
        },
      ]);
    spec
      .given(given)
      .when([
        {
          type: 'MilestoneRetracted',
          data: { milestoneId: PERBUP, adopterCode: '16.04', innovationId: MPP, reason: 'salah' },
        },
      ])
      .thenRows('figure_reach', [
        { class: 'ANY', mode: 'ADOPTION', max_rank: 3, r3: '2019-02-27', r4: null },
        { class: 'EXCLUDE_REJECTED', mode: 'ADOPTION', max_rank: 3, r3: '2019-02-27', r4: null },
      ]);
  });

  it('given milestones, when the ministry judges them and a visit is retracted, then verdicts show and the visit rows are gone', () => {
    const where = { adopterCode: '16.04', innovationId: MPP };
    spec
      .given([
        sample.mpp,
        sample.visit(VISIT, [MPP]),
        sample.milestone(MOU, 'AGREEMENT_SIGNED', '2019-02-27'),
      ])
      .when([
        { type: 'MilestoneVerified', data: { milestoneId: MOU, ...where } },
        {
          type: 'MilestoneRejected',
          data: { milestoneId: `${VISIT}:${MPP}`, ...where, reason: 'tanpa bukti' },
        },
        { type: 'StudyVisitRetracted', data: { visitId: VISIT, reason: 'double report' } },
      ])
      .thenRows('figure_milestones', [{ id: MOU, verification: 'VERIFIED' }])
      .thenRows('figure_reach', [
        { class: 'ANY', max_rank: 3, visit_on: null },
        { class: 'EXCLUDE_REJECTED', max_rank: 3, visit_on: null },
        { class: 'VERIFIED_ONLY', max_rank: 3, visit_on: null },
      ]);
  });
});
