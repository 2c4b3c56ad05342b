import { describe, it } from 'vitest';
import { given } from '../shared/given.js';
import { adoptionDecider } from './decide.js';
import type { AdoptionEvent, MilestoneReported } from './events.js';

/** Governance as IID does it: verify only with evidence, evidence added later, who may retract. */

const MILESTONE = '00000000-0000-4000-8000-000000000001';
const where = {
  milestoneId: MILESTONE,
  adopterCode: '16.04',
  innovationId: 'banyuwangi-mal-pelayanan-publik',
};
const mou = (evidence: MilestoneReported['evidence'] = []): AdoptionEvent => ({
  type: 'MilestoneReported',
  data: {
    ...where,
    originCode: '35.10',
    kind: 'AGREEMENT_SIGNED',
    occurredOn: '2019-06-01',
    evidence,
  },
});
const piece = (title: string) => ({ kind: 'DOCUMENT' as const, title });
const verify = { type: 'VerifyMilestone' as const, data: where };
const addEvidence = (n: number) => ({
  type: 'AddEvidence' as const,
  data: { ...where, evidence: Array.from({ length: n }, (_, i) => piece(`Lampiran ${i + 1}`)) },
});
const retract = (byMinistry: boolean, reportedByMinistry = false) => ({
  type: 'RetractMilestone' as const,
  data: { ...where, reason: 'salah tanggal' },
  byMinistry,
  reportedByMinistry,
});
const verified: AdoptionEvent = { type: 'MilestoneVerified', data: where };

describe('Adoption decider: governance', () => {
  it('refuses to verify a milestone without evidence, and verifies it once evidence is added', () => {
    given(adoptionDecider, [mou()]).when(verify).thenRejects('CONFLICT', 'milestoneId');
    const added = addEvidence(1);
    given(adoptionDecider, [mou()])
      .when(added)
      .thenEmits([{ type: 'MilestoneEvidenceAdded', data: added.data }]);
    given(adoptionDecider, [mou(), { type: 'MilestoneEvidenceAdded', data: added.data }])
      .when(verify)
      .thenEmits([verified]);
  });

  it('verifies a study visit milestone only when the visit carries evidence or some was added', () => {
    const visit = { ...where, milestoneId: `${MILESTONE}:banyuwangi-mal-pelayanan-publik` };
    const command = { type: 'VerifyMilestone' as const, data: visit };
    given(adoptionDecider)
      .when({ ...command, studyVisitMilestone: { retracted: false, evidence: 0 } })
      .thenRejects('CONFLICT', 'milestoneId');
    const added = { ...visit, evidence: [piece('Daftar hadir')] };
    given(adoptionDecider, [{ type: 'MilestoneEvidenceAdded', data: added }])
      .when({ ...command, studyVisitMilestone: { retracted: false, evidence: 0 } })
      .thenEmits([{ type: 'MilestoneVerified', data: visit }]);
  });

  it('refuses evidence for an unknown or retracted milestone, and past 20 pieces in all', () => {
    given(adoptionDecider).when(addEvidence(1)).thenRejects('NOT_FOUND', 'milestoneId');
    given(adoptionDecider, [mou(), { type: 'MilestoneRetracted', data: { ...where, reason: 'x' } }])
      .when(addEvidence(1))
      .thenRejects('CONFLICT', 'milestoneId');
    given(adoptionDecider, [mou([piece('Naskah MoU')])])
      .when(addEvidence(20))
      .thenRejects('BAD_USER_INPUT', 'evidence');
    given(adoptionDecider, [mou([piece('Naskah MoU')])])
      .when(addEvidence(19))
      .thenEmits([{ type: 'MilestoneEvidenceAdded', data: addEvidence(19).data }]);
  });

  it('lets a regency retract its own report, not one the ministry verified or reported; the ministry may', () => {
    const retracted: AdoptionEvent = { type: 'MilestoneRetracted', data: retract(false).data };
    given(adoptionDecider, [mou()]).when(retract(false)).thenEmits([retracted]);
    given(adoptionDecider, [mou([piece('Naskah')]), verified])
      .when(retract(false))
      .thenRejects('FORBIDDEN', 'milestoneId');
    given(adoptionDecider, [mou()])
      .when(retract(false, true))
      .thenRejects('FORBIDDEN', 'milestoneId');
    given(adoptionDecider, [mou([piece('Naskah')]), verified])
      .when(retract(true, true))
      .thenEmits([retracted]);
  });

  it('lets a regency retract a milestone the ministry rejected', () => {
    const rejected: AdoptionEvent = { type: 'MilestoneRejected', data: { ...where, reason: 'x' } };
    given(adoptionDecider, [mou([piece('Naskah')]), verified, rejected])
      .when(retract(false))
      .thenEmits([{ type: 'MilestoneRetracted', data: retract(false).data }]);
  });
});
