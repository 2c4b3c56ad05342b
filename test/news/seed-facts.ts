import { expect } from 'vitest';
import { DEMO_INNOVATIONS } from '../../src/demo/banyuwangi.js';
import type { TestServer } from '../support/server.js';

/**
 * The facts the seed report is about, as a server holds them: the study visits Banyuwangi hosted
 * from 2019-02-25 and the interest milestones in its MPP. The demo story (recorded by hand) and
 * the seed report drafted and confirmed (over the API, or in the workbench) must agree on them.
 */
const VISITS = `{ studyVisits(hostCode: "35.10") {
  host { code } visitor { code } startDate endDate delegationSize innovations { id } retracted
} }`;
const INTERESTS = `query($id: ID!) { adoptions(filter: { innovationId: $id }) {
  edges { node { adopter { code } milestones { kind occurredOn retracted } } }
} }`;
type Visits = {
  studyVisits: Array<{
    host: { code: string };
    visitor: { code: string };
    startDate: string;
    endDate: string;
    delegationSize: number;
    innovations: Array<{ id: string }>;
  }>;
};
type Interests = {
  adoptions: {
    edges: Array<{
      node: { adopter: { code: string }; milestones: Array<{ kind: string; occurredOn: string }> };
    }>;
  };
};
export async function factsOf(server: TestServer) {
  const visits = await server.gql<Visits>(VISITS);
  const interests = await server.gql<Interests>(INTERESTS, { id: DEMO_INNOVATIONS.mpp });
  expect(visits.errors).toBeUndefined();
  expect(interests.errors).toBeUndefined();
  return {
    visits: (visits.data?.studyVisits ?? [])
      .filter((v) => v.startDate === '2019-02-25')
      .map((v) => ({
        host: v.host.code,
        visitor: v.visitor.code,
        dates: [v.startDate, v.endDate],
        delegation: v.delegationSize,
        innovations: v.innovations.map((i) => i.id).sort(),
      }))
      .sort((a, b) => a.visitor.localeCompare(b.visitor)),
    interests: (interests.data?.adoptions.edges ?? [])
      .flatMap(({ node }) =>
        node.milestones
          .filter((m) => m.kind === 'INTEREST_DECLARED')
          .map((m) => [node.adopter.code, m.occurredOn]),
      )
      .sort(),
  };
}
