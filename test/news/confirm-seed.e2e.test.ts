import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { factsOf } from './seed-facts.js';
import { demoInputs, SEED_PATH, seedText } from './support.js';

/**
 * The story replika starts from, twice: once as the demo records it by hand, once drafted from
 * the seed report and confirmed, proposal by proposal, through the ordinary mutations on a fresh
 * server. Both hold the same study visits and the same interest in the MPP.
 */
const text = seedText();
if (!text)
  console.warn(`seed report not found at ${SEED_PATH}: the confirm-the-seed test is skipped`);

let demo: TestServer;
let fresh: TestServer;
beforeAll(async () => {
  if (!text) return;
  [demo, fresh] = await Promise.all([startServer({ demo: true }), startServer({ demo: false })]);
});
afterAll(async () => {
  await Promise.all([demo?.destroy(), fresh?.destroy()]);
});

const DRAFT = `query($text: String!) { draftFromReport(text: $text, publishedOn: "2019-02-25") {
  studyVisits { input { hostCode visitorCode startDate endDate delegationSize leader
    sites { name villageCode } innovationIds note evidence { kind title url reference } } missing }
  milestones { input { adopterCode innovationId kind occurredOn note
    evidence { kind title url reference } } missing }
} }`;

type Draft = {
  draftFromReport: {
    studyVisits: Array<{ input: Record<string, unknown>; missing: string[] }>;
    milestones: Array<{ input: Record<string, unknown>; missing: string[] }>;
  };
};

describe.skipIf(!text)('the seed report, drafted and confirmed on a fresh server', () => {
  it('records the same study visits and MPP interests as the demo story', async () => {
    // The registry knows Banyuwangi's innovations (registered as the demo registers them).
    for (const input of (await demoInputs()).innovations) {
      const res = await fresh.gql(
        'mutation($input: RegisterInnovationInput!) { registerInnovation(input: $input) { id } }',
        { input },
      );
      expect(res.errors).toBeUndefined();
    }
    const drafted = await fresh.gql<Draft>(DRAFT, { text });
    expect(drafted.errors).toBeUndefined();
    const draft = drafted.data?.draftFromReport;
    expect(draft?.studyVisits).toHaveLength(2);
    expect(draft?.milestones).toHaveLength(2);
    // Confirming a proposal is the ordinary mutation, with the proposal's input as it is.
    for (const p of draft?.studyVisits ?? []) {
      expect(p.missing).toEqual([]);
      const res = await fresh.gql(
        'mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { id } }',
        { input: p.input },
      );
      expect(res.errors).toBeUndefined();
    }
    for (const p of draft?.milestones ?? []) {
      const res = await fresh.gql(
        'mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }',
        { input: p.input },
      );
      expect(res.errors).toBeUndefined();
    }
    const confirmed = await factsOf(fresh);
    const byHand = await factsOf(demo);
    expect(byHand.visits).toHaveLength(2);
    expect(byHand.interests).toHaveLength(2);
    expect(confirmed).toEqual(byHand);
  });
});
