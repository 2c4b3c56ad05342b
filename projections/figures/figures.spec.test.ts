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

  it("given milestones with modes, then every row of the adoption carries its latest milestone's mode, and a retraction takes it back", () => {
    const given = [
      sample.mpp,
      sample.visit(VISIT, [MPP]),
      withMode(sample.milestone(MOU, 'AGREEMENT_SIGNED', '2019-02-27'), 'ADOPTION'),
      withMode(sample.milestone(PERBUP, 'REGULATION_ENACTED', '2020-01-10'), 'ADAPTATION'),
    ];
    spec
      .given(given)
      .when([])
      .thenRows('figure_milestones', [
        { id: `${VISIT}:${MPP}`, adoption_mode: 'ADAPTATION' },
        { id: MOU, adoption_mode: 'ADAPTATION' },
        { id: PERBUP, adoption_mode: 'ADAPTATION' },
      ]);
    spec
      .given(given)
      .when([
        {
          type: 'MilestoneRetracted',
          data: { milestoneId: PERBUP, adopterCode: '16.04', innovationId: MPP, reason: 'salah' },
        },
      ])
      .thenRows('figure_milestones', [
        { id: `${VISIT}:${MPP}`, adoption_mode: 'ADOPTION' },
        { id: MOU, adoption_mode: 'ADOPTION' },
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
      .thenRows('figure_milestones', [{ id: MOU, verification: 'VERIFIED' }]);
  });
});
