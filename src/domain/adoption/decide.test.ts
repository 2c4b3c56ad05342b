import { describe, it } from 'vitest';
import { given } from '../shared/given.js';
import { adoptionDecider, type ReportMilestone } from './decide.js';
import type { AdoptionEvent, MilestoneReported } from './events.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const milestone = (n: number, over: Partial<MilestoneReported> = {}): MilestoneReported => ({
  milestoneId: id(n),
  adopterCode: '16.04',
  innovationId: 'banyuwangi-mal-pelayanan-publik',
  originCode: '35.10',
  kind: 'INTEREST_DECLARED',
  occurredOn: '2019-02-25',
  evidence: [],
  ...over,
});
const reported = (m: MilestoneReported): AdoptionEvent => ({ type: 'MilestoneReported', data: m });
const report = (m: MilestoneReported, today = '2026-11-27'): ReportMilestone => ({
  type: 'ReportMilestone',
  data: m,
  today,
});

describe('Adoption decider', () => {
  it('reports a first milestone', () => {
    const pilot = milestone(1, { kind: 'PILOT_STARTED', occurredOn: '2024-03-28' });
    given(adoptionDecider)
      .when(report(pilot))
      .thenEmits([reported(pilot)]);
  });

  it('refuses an adopter that is the origin of the innovation', () => {
    given(adoptionDecider)
      .when(report(milestone(1, { adopterCode: '35.10' })))
      .thenRejects('BAD_USER_INPUT', 'adopterCode');
  });

  it('refuses a milestone dated in the future', () => {
    given(adoptionDecider)
      .when(report(milestone(1, { occurredOn: '2026-11-28' }), '2026-11-27'))
      .thenRejects('BAD_USER_INPUT', 'occurredOn');
  });

  it('refuses a milestone dated before its innovation was launched', () => {
    const early = milestone(1, { occurredOn: '1899-06-01' });
    given(adoptionDecider)
      .when({ ...report(early), launchedOn: '2017-10-06' })
      .thenRejects('BAD_USER_INPUT', 'occurredOn');
  });

  it('accepts a milestone on the day of the launch, and any date when the launch is unknown', () => {
    const onTheDay = milestone(1, { occurredOn: '2017-10-06' });
    given(adoptionDecider)
      .when({ ...report(onTheDay), launchedOn: '2017-10-06' })
      .thenEmits([reported(onTheDay)]);
    const old = milestone(2, { occurredOn: '1999-01-01' });
    given(adoptionDecider)
      .when({ ...report(old), launchedOn: undefined })
      .thenEmits([reported(old)]);
  });

  it('points study visits to reportStudyVisit', () => {
    given(adoptionDecider)
      .when(report(milestone(1, { kind: 'STUDY_VISIT' })))
      .thenRejects('BAD_USER_INPUT', 'kind');
  });

  it('reports the same kind on the same day twice as a duplicate', () => {
    given(adoptionDecider, [reported(milestone(1))])
      .when(report(milestone(2)))
      .thenRejects('CONFLICT', 'occurredOn');
  });

  it('accepts the same kind again once the first report is retracted', () => {
    const again = milestone(2);
    given(adoptionDecider, [
      reported(milestone(1)),
      {
        type: 'MilestoneRetracted',
        data: {
          milestoneId: id(1),
          adopterCode: '16.04',
          innovationId: again.innovationId,
          reason: 'wrong day',
        },
      },
    ])
      .when(report(again))
      .thenEmits([reported(again)]);
  });

  it('allows only RESUMED on a suspended adoption', () => {
    const history = [
      reported(milestone(1)),
      reported(milestone(2, { kind: 'SUSPENDED', occurredOn: '2020-01-01' })),
    ];
    given(adoptionDecider, history)
      .when(report(milestone(3, { kind: 'AGREEMENT_SIGNED', occurredOn: '2021-01-01' })))
      .thenRejects('CONFLICT', 'kind');
    const resumed = milestone(3, { kind: 'RESUMED', occurredOn: '2021-01-01' });
    given(adoptionDecider, history)
      .when(report(resumed))
      .thenEmits([reported(resumed)]);
  });

  it('refuses RESUMED on an adoption that is not suspended', () => {
    given(adoptionDecider, [reported(milestone(1))])
      .when(report(milestone(2, { kind: 'RESUMED', occurredOn: '2021-01-01' })))
      .thenRejects('CONFLICT', 'kind');
  });

  it('refuses SUSPENDED with nothing to suspend', () => {
    given(adoptionDecider)
      .when(report(milestone(1, { kind: 'SUSPENDED' })))
      .thenRejects('CONFLICT', 'kind');
  });

  it('retracts a reported milestone once', () => {
    const retract = {
      type: 'RetractMilestone' as const,
      data: {
        milestoneId: id(1),
        adopterCode: '16.04',
        innovationId: 'banyuwangi-mal-pelayanan-publik',
        reason: 'typo',
      },
    };
    // Only a milestone with evidence can be verified (see decide-governance.test.ts).
    const history = [reported(milestone(1, { evidence: [{ kind: 'NEWS', title: 'Berita' }] }))];
    given(adoptionDecider, history)
      .when(retract)
      .thenEmits([{ type: 'MilestoneRetracted', data: retract.data }]);
    given(adoptionDecider, [...history, { type: 'MilestoneRetracted', data: retract.data }])
      .when(retract)
      .thenRejects('CONFLICT', 'milestoneId');
    given(adoptionDecider).when(retract).thenRejects('NOT_FOUND', 'milestoneId');
  });

  it('takes only the details of its own kind', () => {
    const budget = { fiscalYear: 2024, amountRupiah: '1500000000', source: 'APBD' as const };
    const funded = milestone(1, {
      kind: 'BUDGET_ALLOCATED',
      occurredOn: '2023-11-30',
      details: { budget },
    });
    given(adoptionDecider)
      .when(report(funded))
      .thenEmits([reported(funded)]);
    given(adoptionDecider)
      .when(report(milestone(1, { kind: 'PILOT_STARTED', details: { budget } })))
      .thenRejects('BAD_USER_INPUT', 'details.budget');
    given(adoptionDecider)
      .when(report(milestone(1, { details: { pilot: { scope: 'two villages' } } })))
      .thenRejects('BAD_USER_INPUT', 'details.pilot');
  });

  it('refuses a fiscal year far from the allocation date', () => {
    const budget = { fiscalYear: 2030, amountRupiah: '1', source: 'APBN' as const };
    given(adoptionDecider)
      .when(
        report(
          milestone(1, { kind: 'BUDGET_ALLOCATED', occurredOn: '2024-01-02', details: { budget } }),
        ),
      )
      .thenRejects('BAD_USER_INPUT', 'details.budget.fiscalYear');
  });

  it('verifies and rejects milestones, once each, never a retracted one', () => {
    const where = {
      milestoneId: id(1),
      adopterCode: '16.04',
      innovationId: 'banyuwangi-mal-pelayanan-publik',
    };
    const verify = { type: 'VerifyMilestone' as const, data: where };
    const reject = { type: 'RejectMilestone' as const, data: { ...where, reason: 'no evidence' } };
    // Only a milestone with evidence can be verified (see decide-governance.test.ts).
    const history = [reported(milestone(1, { evidence: [{ kind: 'NEWS', title: 'Berita' }] }))];
    given(adoptionDecider, history)
      .when(verify)
      .thenEmits([{ type: 'MilestoneVerified', data: where }]);
    const verified = [...history, { type: 'MilestoneVerified' as const, data: where }];
    given(adoptionDecider, verified).when(verify).thenRejects('CONFLICT', 'milestoneId');
    given(adoptionDecider, verified)
      .when(reject)
      .thenEmits([{ type: 'MilestoneRejected', data: reject.data }]);
    given(adoptionDecider).when(verify).thenRejects('NOT_FOUND', 'milestoneId');
    given(adoptionDecider, [
      ...history,
      { type: 'MilestoneRetracted', data: { ...where, reason: 'typo' } },
    ])
      .when(reject)
      .thenRejects('CONFLICT', 'milestoneId');
  });

  it('judges a study visit milestone the caller vouches for', () => {
    const where = {
      milestoneId: `${id(9)}:banyuwangi-mal-pelayanan-publik`,
      adopterCode: '16.04',
      innovationId: 'banyuwangi-mal-pelayanan-publik',
    };
    given(adoptionDecider)
      .when({
        type: 'VerifyMilestone',
        data: where,
        studyVisitMilestone: { retracted: false, evidence: 1 },
      })
      .thenEmits([{ type: 'MilestoneVerified', data: where }]);
    given(adoptionDecider)
      .when({ type: 'VerifyMilestone', data: where, studyVisitMilestone: { retracted: true } })
      .thenRejects('CONFLICT', 'milestoneId');
  });
});
