import type { TestServer } from './server.js';

/**
 * A small dataset for the analysts' figures, small enough to add up by hand in the tests
 * (test/e2e/analyst-figures.test.ts). Three innovations, two origins, five adopters:
 *
 * | adoption              | visit      | milestones (occurredOn)                              |
 * | --------------------- | ---------- | ---------------------------------------------------- |
 * | MPP by 16.04 Lahat    | 2019-02-25 | MoU 2019-06-01 (evidence), pilot 2024-03-28, launch 2024-09-25 |
 * | MPP by 76.01 Pasangkayu | 2019-02-25 | MoU 2020-01-15 (ADOPTION), launch 2021-02-24 (evidence, ADAPTATION) |
 * | MPP by 16.01 OKU      | 2020-03-02 | MoU 2021-05-10 (ADOPTION)                            |
 * | MPP by 33.22 Semarang | —          | MoU 2019-02-27                                       |
 * | Smart Kampung by 16.04 | 2019-02-25 | MoU 2019-03-01 (no evidence)                        |
 * | Smart Kampung by 63.02 Kotabaru | — | MoU 2019-02-27                                     |
 * | Kota Semarang's e-Lapor by 16.04 | — | interest 2022-01-01, MoU 2022-06-01                |
 *
 * Banyuwangi (35.10) hosts three study visits: Lahat (MPP and Smart Kampung) and Pasangkayu
 * (MPP) on 2019-02-25, OKU (MPP) on 2020-03-02.
 */
export const MPP = 'banyuwangi-mpp';
export const SMART = 'banyuwangi-smart-kampung';
export const LAPOR = 'semarang-e-lapor';

const REGISTER = `mutation($input: RegisterInnovationInput!) { registerInnovation(input: $input) { id } }`;
const VISIT = `mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { id } }`;
const REPORT = `mutation($input: ReportMilestoneInput!) {
  reportMilestone(input: $input) { milestones { id kind occurredOn } } }`;

const news = (title: string) => [{ kind: 'NEWS', title, url: 'https://example.org/berita' }];

async function must<T>(server: TestServer, query: string, input: unknown): Promise<T> {
  const response = await server.gql<T>(query, { input });
  if (response.errors || !response.data)
    throw new Error(`seeding failed: ${JSON.stringify(response.errors)}`);
  return response.data;
}

/** Milestone ids by `<adopter> <innovation> <kind>`, e.g. `16.04 banyuwangi-mpp AGREEMENT_SIGNED`. */
export type SeededIds = Map<string, string>;

export async function seedFigures(server: TestServer): Promise<SeededIds> {
  for (const [id, originCode, name, category] of [
    [MPP, '35.10', 'Mal Pelayanan Publik', 'PUBLIC_SERVICE'],
    [SMART, '35.10', 'Smart Kampung', 'GOVERNANCE'],
    [LAPOR, '33.74', 'e-Lapor', 'PUBLIC_SERVICE'],
  ])
    await must(server, REGISTER, { id, originCode, name, category });
  for (const [visitorCode, startDate, endDate, innovationIds] of [
    ['16.04', '2019-02-25', '2019-02-27', [MPP, SMART]],
    ['76.01', '2019-02-25', '2019-02-27', [MPP]],
    ['16.01', '2020-03-02', '2020-03-03', [MPP]],
  ] as const)
    await must(server, VISIT, {
      hostCode: '35.10',
      visitorCode,
      startDate,
      endDate,
      delegationSize: 10,
      leader: 'Bupati',
      innovationIds,
    });
  const ids: SeededIds = new Map();
  const milestones: Array<[string, string, string, string, boolean, string?]> = [
    ['16.04', MPP, 'AGREEMENT_SIGNED', '2019-06-01', true],
    ['16.04', MPP, 'PILOT_STARTED', '2024-03-28', false],
    ['16.04', MPP, 'SERVICE_LAUNCHED', '2024-09-25', false],
    ['76.01', MPP, 'AGREEMENT_SIGNED', '2020-01-15', false, 'ADOPTION'],
    ['76.01', MPP, 'SERVICE_LAUNCHED', '2021-02-24', true, 'ADAPTATION'],
    ['16.01', MPP, 'AGREEMENT_SIGNED', '2021-05-10', false, 'ADOPTION'],
    ['33.22', MPP, 'AGREEMENT_SIGNED', '2019-02-27', false],
    ['16.04', SMART, 'AGREEMENT_SIGNED', '2019-03-01', false],
    ['63.02', SMART, 'AGREEMENT_SIGNED', '2019-02-27', false],
    ['16.04', LAPOR, 'INTEREST_DECLARED', '2022-01-01', false],
    ['16.04', LAPOR, 'AGREEMENT_SIGNED', '2022-06-01', false],
  ];
  for (const [adopterCode, innovationId, kind, occurredOn, evidence, mode] of milestones) {
    const answer = await must<{
      reportMilestone: { milestones: Array<{ id: string; kind: string; occurredOn: string }> };
    }>(server, REPORT, {
      adopterCode,
      innovationId,
      kind,
      occurredOn,
      ...(evidence ? { evidence: news(`${kind} ${adopterCode}`) } : {}),
      ...(mode ? { mode } : {}),
    });
    const m = answer.reportMilestone.milestones.find(
      (x) => x.kind === kind && x.occurredOn === occurredOn,
    );
    if (!m) throw new Error(`seeded ${kind} of ${adopterCode} not answered`);
    ids.set(`${adopterCode} ${innovationId} ${kind}`, m.id);
  }
  return ids;
}
