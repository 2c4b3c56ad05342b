import { describe, it } from 'vitest';
import { projectionSpec, recordedAt, sample } from '../spec.js';
import { adoptionsProjection } from './projection.js';

const spec = projectionSpec(adoptionsProjection);
const MPP = 'banyuwangi-mal-pelayanan-publik';
const VISIT = '0190f000-0000-7000-8000-000000000001';
const MOU = '0190f000-0000-7000-8000-000000000002';
const PAUSE = '0190f000-0000-7000-8000-000000000003';

describe('adoptions projection', () => {
  it('given nothing, when a study visit covers an innovation, then it is the adoption’s STUDY_VISIT milestone', () => {
    spec
      .given([])
      .when([sample.visit(VISIT, [MPP])])
      .thenRows('milestones', [{ id: `${VISIT}:${MPP}`, kind: 'STUDY_VISIT', visit_id: VISIT }])
      .thenRows('adoptions', [
        {
          adopter_code: '16.04',
          innovation_id: MPP,
          adopter_province_code: '16',
          stage: 'STUDIED',
          suspended: 0,
          milestone_count: 1,
          first_occurred_on: '2019-02-25',
        },
      ]);
  });

  it('given a visit and an MoU, when the MoU is retracted, then the adoption falls back to STUDIED', () => {
    spec
      .given([sample.visit(VISIT, [MPP]), sample.milestone(MOU, 'AGREEMENT_SIGNED', '2019-02-27')])
      .when([
        {
          type: 'MilestoneRetracted',
          data: { milestoneId: MOU, adopterCode: '16.04', innovationId: MPP, reason: 'wrong' },
        },
      ])
      .thenRows('adoptions', [
        {
          stage: 'STUDIED',
          stage_rank: 2,
          milestone_count: 1,
          last_occurred_on: '2019-02-25',
          updated_at: recordedAt(3),
        },
      ])
      .thenRows('milestones', [
        { id: `${VISIT}:${MPP}`, retracted: 0, retraction_reason: null },
        { id: MOU, retracted: 1, retraction_reason: 'wrong' },
      ]);
  });

  it('given an MoU, when the adoption is suspended and the MoU verified, then it is suspended and the MoU VERIFIED', () => {
    spec
      .given([sample.milestone(MOU, 'AGREEMENT_SIGNED', '2019-02-27')])
      .when([
        sample.milestone(PAUSE, 'SUSPENDED', '2020-04-01'),
        {
          type: 'MilestoneVerified',
          data: { milestoneId: MOU, adopterCode: '16.04', innovationId: MPP, note: 'PKS seen' },
          metadata: { actor: 'token:analyst' },
        },
      ])
      .thenRows('adoptions', [{ stage: 'AGREED', suspended: 1, milestone_count: 2 }])
      .thenRows('milestones', [
        { id: MOU, verification: 'VERIFIED', verified_by: 'token:analyst' },
        { id: PAUSE, verification: 'UNVERIFIED', verified_by: null },
      ]);
  });

  it('given an MoU without evidence, when evidence is added twice, then the milestone holds both pieces in order', () => {
    const added = (title: string) => ({
      type: 'MilestoneEvidenceAdded' as const,
      data: {
        milestoneId: MOU,
        adopterCode: '16.04',
        innovationId: MPP,
        evidence: [{ kind: 'DOCUMENT', title }],
      },
    });
    spec
      .given([sample.milestone(MOU, 'AGREEMENT_SIGNED', '2019-02-27')])
      .when([added('Naskah MoU'), added('Foto penandatanganan')])
      .thenRows('milestones', [
        {
          id: MOU,
          evidence: JSON.stringify([
            { kind: 'DOCUMENT', title: 'Naskah MoU' },
            { kind: 'DOCUMENT', title: 'Foto penandatanganan' },
          ]),
        },
      ]);
  });
});
