import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INNOVATIONS } from '../../src/demo/banyuwangi.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * An analyst reviews the evidence of Lahat's and Pasangkayu's MPP milestones, verifies one and
 * rejects another, then filters adoptions by the verdicts.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.destroy());

type Milestones = {
  adoptions: {
    edges: Array<{
      node: { adopter: { code: string }; milestones: Array<{ id: string; kind: string }> };
    }>;
  };
};
const adoptersWith = async (verification: string) => {
  const { data, errors } = await server.gql<{
    adoptions: { totalCount: number; edges: Array<{ node: { adopter: { code: string } } }> };
  }>(
    `query($v: Verification) { adoptions(filter: { innovationId: "${DEMO_INNOVATIONS.mpp}", verification: $v }) {
      totalCount edges { node { adopter { code } } } } }`,
    { v: verification },
  );
  expect(errors).toBeUndefined();
  return data?.adoptions.edges.map((e) => e.node.adopter.code).sort();
};

describe('filtering adoptions by verification', () => {
  it('finds the adoptions with verified, rejected and unreviewed milestones', async () => {
    const { data } = await server.gql<Milestones>(
      `{ adoptions(filter: { innovationId: "${DEMO_INNOVATIONS.mpp}" }) { edges { node {
        adopter { code } milestones { id kind } } } } }`,
    );
    const milestoneOf = (adopter: string, kind: string) =>
      data?.adoptions.edges
        .find((e) => e.node.adopter.code === adopter)
        ?.node.milestones.find((m) => m.kind === kind)?.id;

    expect(await adoptersWith('VERIFIED')).toEqual([]);
    expect(await adoptersWith('UNVERIFIED')).toEqual(['16.04', '76.01']);

    const verified = await server.gql(
      `mutation($id: ID!) { verifyMilestone(input: { milestoneId: $id, note: "Dokumen uji coba sesuai" }) { verification } }`,
      { id: milestoneOf('16.04', 'PILOT_STARTED') },
    );
    expect(verified.errors).toBeUndefined();
    const rejected = await server.gql(
      `mutation($id: ID!) { rejectMilestone(input: { milestoneId: $id, reason: "Groundbreaking is not proof of a budget line" }) { verification } }`,
      { id: milestoneOf('76.01', 'BUDGET_ALLOCATED') },
    );
    expect(rejected.errors).toBeUndefined();

    expect(await adoptersWith('VERIFIED')).toEqual(['16.04']);
    expect(await adoptersWith('REJECTED')).toEqual(['76.01']);
    // Both still have milestones nobody has reviewed (their interest and study visit).
    expect(await adoptersWith('UNVERIFIED')).toEqual(['16.04', '76.01']);
  });

  it('refuses a verdict that is not one', async () => {
    const response = await server.gql(
      '{ adoptions(filter: { verification: MAYBE }) { totalCount } }',
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'verification',
    });
  });
});
