import { describe, it } from 'vitest';
import { given } from '../shared/given.js';
import { type ReportStudyVisit, studyVisitDecider } from './decide.js';
import type { StudyVisitReported } from './events.js';

const visit = (over: Partial<StudyVisitReported> = {}): StudyVisitReported => ({
  visitId: '00000000-0000-4000-8000-000000000001',
  hostCode: '35.10',
  visitorCode: '76.01',
  startDate: '2019-02-25',
  endDate: '2019-02-27',
  delegationSize: 60,
  leader: 'Bupati Pasangkayu',
  sites: [{ name: 'Smart Kampung Desa Tamansari', villageCode: '35.10.24.2008' }],
  innovationIds: ['banyuwangi-mal-pelayanan-publik'],
  evidence: [],
  ...over,
});
const report = (data: StudyVisitReported): ReportStudyVisit => ({
  type: 'ReportStudyVisit',
  data,
  originOf: { 'banyuwangi-mal-pelayanan-publik': '35.10', 'lahat-other': '16.04' },
  today: '2026-11-27',
});

describe('StudyVisit decider', () => {
  it('reports the Pasangkayu visit to Banyuwangi', () => {
    given(studyVisitDecider)
      .when(report(visit()))
      .thenEmits([{ type: 'StudyVisitReported', data: visit() }]);
  });

  it('refuses a visit that ends before it starts', () => {
    given(studyVisitDecider)
      .when(report(visit({ endDate: '2019-02-24' })))
      .thenRejects('BAD_USER_INPUT', 'endDate');
  });

  it('refuses a regency visiting itself', () => {
    given(studyVisitDecider)
      .when(report(visit({ visitorCode: '35.10' })))
      .thenRejects('BAD_USER_INPUT', 'visitorCode');
  });

  it('refuses future dates', () => {
    given(studyVisitDecider)
      .when(report(visit({ startDate: '2027-01-01', endDate: '2027-01-02' })))
      .thenRejects('BAD_USER_INPUT', 'startDate');
  });

  it('refuses a visit that starts before an innovation it studied was launched', () => {
    given(studyVisitDecider)
      .when({
        ...report(visit({ startDate: '2017-10-05', endDate: '2017-10-07' })),
        launchedOn: { 'banyuwangi-mal-pelayanan-publik': '2017-10-06' },
      })
      .thenRejects('BAD_USER_INPUT', 'startDate');
  });

  it('accepts a visit after the launch, or of an innovation whose launch is unknown', () => {
    const after = visit();
    given(studyVisitDecider)
      .when({ ...report(after), launchedOn: { 'banyuwangi-mal-pelayanan-publik': '2017-10-06' } })
      .thenEmits([{ type: 'StudyVisitReported', data: after }]);
    const early = visit({ startDate: '1990-01-01', endDate: '1990-01-02' });
    given(studyVisitDecider)
      .when({ ...report(early), launchedOn: {} })
      .thenEmits([{ type: 'StudyVisitReported', data: early }]);
  });

  it('names the unknown innovation by its index', () => {
    given(studyVisitDecider)
      .when(report(visit({ innovationIds: ['banyuwangi-mal-pelayanan-publik', 'nope'] })))
      .thenRejects('NOT_FOUND', 'innovationIds.1');
  });

  it('refuses an innovation that the host did not originate', () => {
    given(studyVisitDecider)
      .when(report(visit({ innovationIds: ['lahat-other'] })))
      .thenRejects('BAD_USER_INPUT', 'innovationIds.0');
  });

  it('refuses a site in a village outside the host regency', () => {
    given(studyVisitDecider)
      .when(report(visit({ sites: [{ name: 'x', villageCode: '16.04.01.2001' }] })))
      .thenRejects('BAD_USER_INPUT', 'sites.0.villageCode');
  });

  it('reports a visit once and retracts it once', () => {
    const reported = { type: 'StudyVisitReported' as const, data: visit() };
    given(studyVisitDecider, [reported]).when(report(visit())).thenRejects('CONFLICT');
    const retract = {
      type: 'RetractStudyVisit' as const,
      data: { visitId: visit().visitId, reason: 'double report' },
    };
    given(studyVisitDecider, [reported])
      .when(retract)
      .thenEmits([{ type: 'StudyVisitRetracted', data: retract.data }]);
    given(studyVisitDecider).when(retract).thenRejects('NOT_FOUND', 'visitId');
  });
});
