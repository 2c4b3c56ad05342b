import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

/**
 * The story replika starts from: in February 2019 Pasangkayu and Lahat study Banyuwangi's
 * innovations; years later Pasangkayu breaks ground on its own Mal Pelayanan Publik and Lahat
 * pilots one. An analyst asks who adopted what; an officer reports a milestone and retracts one.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.destroy());

const MPP = 'banyuwangi-mal-pelayanan-publik';
const BANYUWANGI = `{
  regency(code: "35.10") {
    name
    province { code name }
    innovations { id name adoptions { adopter { code } stage } }
  }
}`;

type Story = {
  regency: {
    name: string;
    province: { code: string; name: string };
    innovations: Array<{
      id: string;
      name: string;
      adoptions: Array<{ adopter: { code: string }; stage: string }>;
    }>;
  };
};

const stagesOf = (data: Story, innovationId: string) =>
  Object.fromEntries(
    data.regency.innovations
      .find((i) => i.id === innovationId)
      ?.adoptions.map((a) => [a.adopter.code, a.stage]) ?? [],
  );

describe('the Banyuwangi story', () => {
  it('lists Pasangkayu and Lahat under the Mal Pelayanan Publik with the stages their facts support', async () => {
    const { data } = await server.gql<Story>(BANYUWANGI);
    expect(data?.regency.name).toBe('Kabupaten Banyuwangi');
    expect(data?.regency.province).toEqual({ code: '35', name: 'Jawa Timur' });
    // Pasangkayu broke ground on its MPP building (funded); Lahat runs an MPP pilot.
    expect(stagesOf(data as Story, MPP)).toEqual({ '76.01': 'FUNDED', '16.04': 'PILOTING' });
    // The study visit counts as the STUDY_VISIT step of every innovation it covered.
    expect(stagesOf(data as Story, 'banyuwangi-smart-kampung')).toEqual({
      '76.01': 'STUDIED',
      '16.04': 'STUDIED',
    });
    // The four MoUs of 27 Feb 2019.
    expect(stagesOf(data as Story, 'banyuwangi-paket-replikasi-inovasi-2019')).toEqual({
      '33.22': 'AGREED',
      '36.02': 'AGREED',
      '62.03': 'AGREED',
      '63.02': 'AGREED',
    });
  });

  it('shows a reported milestone in the very next query, and a retraction stops it counting', async () => {
    const reported = await server.gql<{
      reportMilestone: { stage: string; milestones: Array<{ id: string; kind: string }> };
    }>(
      `mutation($input: ReportMilestoneInput!) {
        reportMilestone(input: $input) { stage milestones { id kind } }
      }`,
      {
        input: {
          adopterCode: '76.01',
          innovationId: MPP,
          kind: 'SERVICE_LAUNCHED',
          occurredOn: '2025-01-15',
          note: 'MPP Pasangkayu diresmikan',
          mode: 'ADAPTATION',
          evidence: [
            { kind: 'NEWS', title: 'Peresmian MPP Pasangkayu', url: 'https://example.org/mpp' },
          ],
        },
      },
    );
    expect(reported.errors).toBeUndefined();
    expect(reported.data?.reportMilestone.stage).toBe('OPERATIONAL');
    expect(reported.extensions?.replika?.position).toMatch(/^\d+$/);
    expect(reported.headers.get('x-replika-position')).toBe(reported.extensions?.replika?.position);

    const after = await server.gql<Story>(BANYUWANGI);
    expect(stagesOf(after.data as Story, MPP)['76.01']).toBe('OPERATIONAL');

    const launch = reported.data?.reportMilestone.milestones.find(
      (m) => m.kind === 'SERVICE_LAUNCHED',
    );
    const retracted = await server.gql<{
      retractMilestone: { stage: string; milestones: Array<{ id: string; retracted: boolean }> };
    }>(
      `mutation($input: RetractMilestoneInput!) {
        retractMilestone(input: $input) { stage milestones { id retracted } }
      }`,
      {
        input: {
          milestoneId: launch?.id,
          reason: 'Reported too early: the launch is only planned.',
        },
      },
    );
    expect(retracted.errors).toBeUndefined();
    expect(retracted.data?.retractMilestone.stage).toBe('FUNDED');
    expect(
      retracted.data?.retractMilestone.milestones.find((m) => m.id === launch?.id)?.retracted,
    ).toBe(true);
    const again = await server.gql<Story>(BANYUWANGI);
    expect(stagesOf(again.data as Story, MPP)['76.01']).toBe('FUNDED');
  });

  it('registers an innovation and answers a new regency reporting its adoption', async () => {
    const registered = await server.gql<{
      registerInnovation: { id: string; origin: { code: string } };
    }>(
      `mutation { registerInnovation(input: {
        originCode: "35.10", name: "Smart Kampung Desa Wisata", category: PUBLIC_SERVICE, digital: true
      }) { id origin { code } } }`,
    );
    expect(registered.data?.registerInnovation).toEqual({
      id: 'banyuwangi-smart-kampung-desa-wisata',
      origin: { code: '35.10' },
    });
    const visit = await server.gql<{
      reportStudyVisit: {
        id: string;
        visitor: { name: string };
        innovations: Array<{ id: string }>;
      };
    }>(
      `mutation($input: ReportStudyVisitInput!) {
        reportStudyVisit(input: $input) { id visitor { name } innovations { id } }
      }`,
      {
        input: {
          hostCode: '35.10',
          visitorCode: '16.04',
          startDate: '2025-03-10',
          endDate: '2025-03-10',
          delegationSize: 5,
          leader: 'Kepala Bappeda Lahat',
          sites: [{ name: 'Desa Tamansari', villageCode: '35.10.24.2008' }],
          innovationIds: ['banyuwangi-smart-kampung-desa-wisata'],
        },
      },
    );
    expect(visit.errors).toBeUndefined();
    expect(visit.data?.reportStudyVisit.visitor.name).toBe('Kabupaten Lahat');
    const { data } = await server.gql<{
      adoptions: { totalCount: number; edges: Array<{ node: { stage: string } }> };
    }>(
      `{ adoptions(filter: { adopterCode: "16.04", innovationId: "banyuwangi-smart-kampung-desa-wisata" }) {
        totalCount edges { node { stage } } } }`,
    );
    expect(data?.adoptions.totalCount).toBe(1);
    expect(data?.adoptions.edges[0]?.node.stage).toBe('STUDIED');
  });

  it('keeps its data across a restart, and rebuilds a deleted read model identically', async () => {
    const everything = `{
      adoptions(first: 500) { totalCount edges { node {
        adopter { code } innovation { id } stage suspended
        milestones { id kind occurredOn recordedAt note retracted retractionReason evidence { kind title url reference } }
      } } }
      innovations { id name origin { code } launchedOn registeredAt evidence { title reference } }
      studyVisits { id host { code } visitor { code } startDate endDate delegationSize sites { name villageCode } }
    }`;
    const before = await server.gql(everything);
    expect(before.errors).toBeUndefined();

    server = await server.restart();
    expect((await server.gql(everything)).data).toEqual(before.data);

    await server.stop();
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(join(server.dataDir, `read-model.db${suffix}`), { force: true });
    server = await server.restart();
    expect((await server.gql(everything)).data).toEqual(before.data);
  });
});

describe('paging adoptions', () => {
  it('pages with cursors and a total count', async () => {
    const page = (after?: string) =>
      server.gql<{
        adoptions: {
          totalCount: number;
          edges: Array<{
            cursor: string;
            node: { adopter: { code: string }; innovation: { id: string } };
          }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }>(
        `query($after: String) { adoptions(filter: { originCode: "35.10" }, first: 3, after: $after) {
          totalCount edges { cursor node { adopter { code } innovation { id } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
    const seen: string[] = [];
    let cursor: string | undefined;
    let total = 0;
    for (;;) {
      const { data } = await page(cursor);
      total = data?.adoptions.totalCount ?? 0;
      for (const edge of data?.adoptions.edges ?? [])
        seen.push(`${edge.node.adopter.code}/${edge.node.innovation.id}`);
      if (!data?.adoptions.pageInfo.hasNextPage) break;
      cursor = data.adoptions.pageInfo.endCursor ?? undefined;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
  });

  it('refuses a cursor it did not make', async () => {
    const response = await server.gql('{ adoptions(after: "bogus") { totalCount } }');
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });
});
