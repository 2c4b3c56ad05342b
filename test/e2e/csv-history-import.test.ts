import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMilestoneCsv } from '../../src/application/milestone-csv.js';
import { startServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.js';

/**
 * Issue 12, point 10: the CSV import carries study visits (rows of kind STUDY_VISIT, one per
 * innovation studied) and, per row, the day the ministry originally learned of it (known_on).
 */
const importer = { id: 'system:import', role: 'ADMIN' as const };
const MPP = 'banyuwangi-mal-pelayanan-publik';
const KAMPUNG = 'banyuwangi-smart-kampung';

const HISTORY = `adopter_code,innovation_id,kind,occurred_on,known_on,host_code,visit_end_date,visit_delegation_size,visit_leader,evidence_kind,evidence_title
# Muara Enim studied two innovations on one visit in 2018; the ministry heard of it a month later.
16.03,${MPP},STUDY_VISIT,2018-04-10,2018-05-12,35.10,2018-04-11,12,Sekda Muara Enim,NEWS,Kunjungan Muara Enim
16.03,${KAMPUNG},study_visit,2018-04-10,2018-05-12,35.10,2018-04-11,12,Sekda Muara Enim,NEWS,Kunjungan Muara Enim
16.03,${MPP},AGREEMENT_SIGNED,2019-01-15,2019-03-01,,,,,DOCUMENT,Nota kesepahaman
`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ demo: true });
});
afterAll(() => server.destroy());

describe('CSV import of history', () => {
  it('writes the visit once for both innovations, keeps both clocks, and adds nothing on a re-run', async () => {
    const first = await importMilestoneCsv(server.replika.commands, HISTORY, { actor: importer });
    expect(first.problems).toEqual([]);
    expect(first).toMatchObject({ rows: 3, imported: 3, alreadyImported: 0 });
    if (first.position !== undefined) await server.replika.projector.waitFor(first.position);

    const visits = await server.gql<{
      studyVisits: Array<{
        innovations: Array<{ id: string }>;
        delegationSize: number;
        endDate: string;
      }>;
    }>(`{ studyVisits(visitorCode: "16.03") { innovations { id } delegationSize endDate } }`);
    expect(visits.data?.studyVisits).toEqual([
      { innovations: [{ id: MPP }, { id: KAMPUNG }], delegationSize: 12, endDate: '2018-04-11' },
    ]);
    const milestones = await server.gql<{
      adoptions: {
        edges: Array<{
          node: { milestones: Array<{ kind: string; knownAt: string; recordedAt: string }> };
        }>;
      };
    }>(`{ adoptions(filter: { adopterCode: "16.03", innovationId: "${MPP}" }) {
        edges { node { milestones { kind knownAt recordedAt } } } } }`);
    const rows = milestones.data?.adoptions.edges[0]?.node.milestones ?? [];
    expect(rows.map((m) => [m.kind, m.knownAt])).toEqual([
      ['STUDY_VISIT', '2018-05-12T00:00:00.000Z'],
      ['AGREEMENT_SIGNED', '2019-03-01T00:00:00.000Z'],
    ]);
    for (const m of rows) expect(m.recordedAt > '2026').toBe(true);
    // Known at the end of 2018: studied (the visit), not yet agreed.
    const known = await server.gql<{ adoptions: { edges: Array<{ node: { stage: string } }> } }>(
      `{ adoptions(filter: { adopterCode: "16.03", innovationId: "${MPP}" }, knownAt: "2018-12-31T23:59:59Z") {
          edges { node { stage } } } }`,
    );
    expect(known.data?.adoptions.edges.map((e) => e.node.stage)).toEqual(['STUDIED']);

    const head = await server.head();
    const again = await importMilestoneCsv(server.replika.commands, HISTORY, { actor: importer });
    expect(again).toMatchObject({ rows: 3, imported: 0, alreadyImported: 3, problems: [] });
    expect(await server.head()).toBe(head);
  });

  it('lists bad visit rows with their line and column, and writes nothing', async () => {
    const bad = `adopter_code,innovation_id,kind,occurred_on,known_on,host_code,visit_end_date,visit_delegation_size,visit_leader
16.02,${MPP},STUDY_VISIT,2018-04-10,2018-04-01,35.10,2018-04-11,5,Bupati
16.05,${MPP},STUDY_VISIT,2018-04-10,,35.10,2018-04-11,lima,Bupati
16.06,${MPP},STUDY_VISIT,2018-04-10,,99.99,2018-04-11,5,Bupati
16.07,${MPP},AGREEMENT_SIGNED,2018-04-10,2018-04-09,,,,
`;
    const head = await server.head();
    const report = await importMilestoneCsv(server.replika.commands, bad, { actor: importer });
    expect(report.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'known_on'],
      [3, 'visit_delegation_size'],
      [4, 'host_code'],
      [5, 'known_on'],
    ]);
    expect(report.imported).toBe(0);
    expect(await server.head()).toBe(head);
  });

  it('imports the same kind of file through the server (POST /import/milestones)', async () => {
    const csv = `adopter_code,innovation_id,kind,occurred_on,known_on,host_code,visit_end_date,visit_delegation_size,visit_leader
16.10,${MPP},STUDY_VISIT,2017-11-20,2017-12-01,35.10,2017-11-21,9,Asisten I
16.10,${MPP},INTEREST_DECLARED,2017-11-21,2017-12-01,,,,
`;
    const response = await fetch(`${server.url}/import/milestones`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; imported?: number; problems?: unknown[] });
    expect(lines.at(-1)).toMatchObject({ event: 'done', imported: 2, problems: [] });
    const known = await server.gql<{ adoptions: { edges: Array<{ node: { stage: string } }> } }>(
      `{ adoptions(filter: { adopterCode: "16.10" }, knownAt: "2017-12-01T00:00:00Z") { edges { node { stage } } } }`,
    );
    expect(known.data?.adoptions.edges.map((e) => e.node.stage)).toEqual(['STUDIED']);
  });
});
