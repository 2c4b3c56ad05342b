import { describe, expect, it } from 'vitest';
import { milestonesOf, stageDates, summarize, withMilestone } from './summary.js';

describe('the adoption summary', () => {
  it('fans a study visit out to one STUDY_VISIT milestone per innovation', () => {
    const visit = {
      type: 'StudyVisitReported',
      data: {
        visitId: 'v1',
        hostCode: '35.10',
        visitorCode: '76.01',
        startDate: '2019-02-25',
        endDate: '2019-02-27',
        delegationSize: 60,
        leader: 'Bupati',
        sites: [],
        innovationIds: ['mpp', 'smart-kampung'],
        evidence: [],
      },
    };
    expect(milestonesOf(visit).map((m) => [m.milestoneId, m.kind, m.adopterCode])).toEqual([
      ['v1:mpp', 'STUDY_VISIT', '76.01'],
      ['v1:smart-kampung', 'STUDY_VISIT', '76.01'],
    ]);
  });

  it('takes the highest stage, the dates, the count and the latest switch', () => {
    const s = summarize([
      { kind: 'AGREEMENT_SIGNED', occurredOn: '2019-02-27', order: 1 },
      { kind: 'SUSPENDED', occurredOn: '2020-01-01', order: 3 },
      { kind: 'RESUMED', occurredOn: '2020-01-01', order: 2 },
      { kind: 'STUDY_VISIT', occurredOn: '2019-02-25', order: 4 },
    ]);
    expect(s).toEqual({
      rank: 3,
      stage: 'AGREED',
      maturity: 'INISIATIF',
      suspended: true,
      firstOccurredOn: '2019-02-25',
      lastOccurredOn: '2020-01-01',
      milestoneCount: 4,
    });
    expect(withMilestone(s, { kind: 'PILOT_STARTED', occurredOn: '2024-03-28' })).toMatchObject({
      stage: 'PILOTING',
      maturity: 'UJI_COBA',
      suspended: true,
      lastOccurredOn: '2024-03-28',
      milestoneCount: 5,
    });
  });

  it('dates each stage by the earliest milestone that reached it or a later one', () => {
    const reached = stageDates([
      { kind: 'STUDY_VISIT', occurredOn: '2019-02-25', order: 0 },
      { kind: 'AGREEMENT_SIGNED', occurredOn: '2019-02-20', order: 1 },
    ]);
    expect([...reached]).toEqual([
      [1, '2019-02-20'],
      [2, '2019-02-20'],
      [3, '2019-02-20'],
    ]);
  });
});
