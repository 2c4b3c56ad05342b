import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../support/access.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * Property: whatever a client sends to any mutation, with any token, the answer is a success or
 * structured errors with a known code — never a 500 or an INTERNAL_SERVER_ERROR — and a refused
 * request leaves the event log exactly as it was.
 */
let server: TestServer;
const tokens: Array<string | null> = [null, 'rpk_never-issued-000000000000000000000000000'];
beforeAll(async () => {
  server = await startServer();
  tokens.push(
    (await issueToken(server, { role: 'REGENCY', regencyCode: '16.04' })).token,
    (await issueToken(server, { role: 'ANALYST' })).token,
  );
});
afterAll(() => server.destroy());

const CODES = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'];
const RUNS = Number(process.env.REPLIKA_PROPERTY_RUNS ?? 40);

/** Values that are hostile in general: wrong types, huge, control characters, injection. */
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(5000),
    'a\u0000b',
    '\u202e\u200b',
    "'; DROP TABLE events; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '__proto__',
    'javascript:alert(1)',
    '9'.repeat(40),
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.object({ maxDepth: 2, maxKeys: 3 }),
);

/** Plausible values, so that some inputs get past the first checks (or even succeed). */
const plausible = {
  code: fc.constantFrom('16.04', '76.01', '35.10', '73.71', '99.99', '35.10.24.2008'),
  innovation: fc.constantFrom(
    'banyuwangi-mal-pelayanan-publik',
    'banyuwangi-smart-kampung',
    'no-such-innovation',
  ),
  date: fc.oneof(
    fc.constantFrom('2019-02-25', '2099-01-01', '2024-02-30', '2024-13-01', '1900-01-01'),
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2026-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  ),
  kind: fc.constantFrom(
    'INTEREST_DECLARED',
    'STUDY_VISIT',
    'AGREEMENT_SIGNED',
    'BUDGET_ALLOCATED',
    'PILOT_STARTED',
    'SUSPENDED',
    'RESUMED',
    'DONE',
  ),
  text: fc.string({ minLength: 1, maxLength: 30 }),
  id: fc.oneof(fc.uuid(), fc.constantFrom('nope', '')),
};

const field = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.oneof(arb, hostile), { nil: undefined });

const details = fc.record(
  {
    agreement: field(
      fc.record({
        type: fc.constantFrom('MOU', 'PKS', 'NDA'),
        parties: fc.array(plausible.text, { maxLength: 2 }),
      }),
    ),
    budget: field(
      fc.record({
        fiscalYear: fc.integer({ min: 1900, max: 2100 }),
        amountRupiah: fc.oneof(
          fc.bigInt({ min: -10n, max: 10n ** 20n }).map(String),
          plausible.text,
        ),
        source: fc.constantFrom('APBD', 'APBN', 'CSR', 'OTHER', 'DAK'),
      }),
    ),
    pilot: field(fc.record({ scope: plausible.text })),
  },
  { requiredKeys: [] },
);

const evidence = fc.array(
  fc.record({
    kind: field(fc.constantFrom('NEWS', 'DOCUMENT', 'SELFIE')),
    title: field(plausible.text),
    url: field(fc.oneof(fc.webUrl(), plausible.text)),
  }),
  { maxLength: 2 },
);

const mutations: Array<{ query: string; input: fc.Arbitrary<unknown> }> = [
  {
    query: `mutation($input: RegisterInnovationInput!) { registerInnovation(input: $input) { id } }`,
    input: fc.record(
      {
        id: field(fc.stringMatching(/^[a-z]{3,10}-[a-z]{3,10}$/)),
        originCode: field(plausible.code),
        name: field(plausible.text),
        launchedOn: field(plausible.date),
        category: field(fc.constantFrom('GOVERNANCE', 'PUBLIC_SERVICE', 'X')),
        evidence: field(evidence),
        idempotencyKey: field(plausible.text),
      },
      { requiredKeys: [] },
    ),
  },
  {
    query: `mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { id } }`,
    input: fc.record(
      {
        hostCode: field(plausible.code),
        visitorCode: field(plausible.code),
        startDate: field(plausible.date),
        endDate: field(plausible.date),
        delegationSize: field(fc.integer({ min: -5, max: 6000 })),
        leader: field(plausible.text),
        innovationIds: field(fc.array(plausible.innovation, { maxLength: 3 })),
        sites: field(
          fc.array(fc.record({ name: plausible.text, villageCode: field(plausible.code) }), {
            maxLength: 2,
          }),
        ),
        idempotencyKey: field(plausible.text),
      },
      { requiredKeys: [] },
    ),
  },
  {
    query: `mutation($input: RetractStudyVisitInput!) { retractStudyVisit(input: $input) { id } }`,
    input: fc.record(
      { visitId: field(plausible.id), reason: field(plausible.text) },
      { requiredKeys: [] },
    ),
  },
  {
    query: `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }`,
    input: fc.record(
      {
        adopterCode: field(plausible.code),
        innovationId: field(plausible.innovation),
        kind: field(plausible.kind),
        occurredOn: field(plausible.date),
        note: field(plausible.text),
        mode: field(fc.constantFrom('ADOPTION', 'ADAPTATION', 'COPY')),
        evidence: field(evidence),
        details: field(details),
        idempotencyKey: field(plausible.text),
      },
      { requiredKeys: [] },
    ),
  },
  {
    query: `mutation($input: RetractMilestoneInput!) { retractMilestone(input: $input) { stage } }`,
    input: fc.record(
      { milestoneId: field(plausible.id), reason: field(plausible.text) },
      { requiredKeys: [] },
    ),
  },
  {
    query: `mutation($input: VerifyMilestoneInput!) { verifyMilestone(input: $input) { id } }`,
    input: fc.record(
      { milestoneId: field(plausible.id), note: field(plausible.text) },
      { requiredKeys: [] },
    ),
  },
  {
    query: `mutation($input: RejectMilestoneInput!) { rejectMilestone(input: $input) { id } }`,
    input: fc.record(
      { milestoneId: field(plausible.id), reason: field(plausible.text) },
      { requiredKeys: [] },
    ),
  },
  {
    query: `mutation($input: IssueAccessTokenInput!) { issueAccessToken(input: $input) { token } }`,
    input: fc.record(
      {
        role: field(fc.constantFrom('REGENCY', 'ANALYST', 'ADMIN', 'ROOT')),
        regencyCode: field(plausible.code),
        label: field(plausible.text),
      },
      { requiredKeys: [] },
    ),
  },
  {
    query: `mutation($input: RevokeAccessTokenInput!) { revokeAccessToken(input: $input) { id } }`,
    input: fc.record(
      { tokenId: field(plausible.id), reason: field(plausible.text) },
      { requiredKeys: [] },
    ),
  },
];

async function checkAnswer(send: () => Promise<Awaited<ReturnType<TestServer['gql']>>>) {
  const before = await server.head();
  const response = await send();
  expect(response.status).toBeLessThan(500);
  if (response.errors?.length) {
    for (const error of response.errors) {
      expect(CODES).toContain(error.extensions?.code);
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect(await server.head()).toBe(before);
  } else {
    expect(response.data).toBeTruthy();
  }
}

describe('hostile input (property-based, over HTTP)', () => {
  it.each(mutations.map((m) => [m.query.match(/\{ (\w+)\(/)?.[1], m] as const))(
    '%s: structured errors only, log unchanged on refusal',
    async (_name, mutation) => {
      await fc.assert(
        fc.asyncProperty(mutation.input, fc.integer({ min: 0, max: 4 }), async (input, who) => {
          const token = who === 4 ? undefined : tokens[who];
          await checkAnswer(() =>
            token === undefined
              ? server.gql(mutation.query, { input })
              : server.as(token)(mutation.query, { input }),
          );
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('valid reports succeed and append exactly one event', async () => {
    const valid = fc.record({
      adopterCode: fc.constantFrom('16.04', '76.01', '73.71', '33.22', '11.01'),
      innovationId: fc.constant('banyuwangi-smart-kampung'),
      kind: fc.constantFrom(
        'INTEREST_DECLARED',
        'AGREEMENT_SIGNED',
        'REGULATION_ENACTED',
        'PILOT_STARTED',
      ),
      occurredOn: fc
        .date({ min: new Date('2016-05-31'), max: new Date('2025-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      note: fc.option(
        fc
          .string({ minLength: 1, maxLength: 200 })
          .filter((t) => /^[\p{L}\p{N} .,-]+$/u.test(t) && t.trim() !== ''),
        { nil: undefined },
      ),
    });
    await fc.assert(
      fc.asyncProperty(valid, async (input) => {
        const before = await server.head();
        const response = await server.gql(mutations[3]?.query ?? '', { input });
        if (response.errors) {
          // Only a genuine duplicate (same kind, same day) may refuse a valid report.
          expect(response.errors[0]?.extensions).toMatchObject({
            code: 'CONFLICT',
            field: 'occurredOn',
          });
          expect(await server.head()).toBe(before);
        } else expect(await server.head()).toBe(before + 1n);
      }),
      { numRuns: RUNS },
    );
  });

  it('whole hostile inputs and variables: structured errors only', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...mutations.map((m) => m.query)),
        hostile,
        async (query, input) => {
          await checkAnswer(() => server.gql(query, { input }));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random documents never make a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.constantFrom(
            'mutation { reportMilestone(input: {}) { stage } }',
            'mutation { __typename }',
            '{ viewer { role } } mutation { x }',
          ),
        ),
        async (query) => {
          const before = await server.head();
          const response = await server.gql(query);
          expect(response.status).toBeLessThan(500);
          for (const error of response.errors ?? [])
            expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
          expect(await server.head()).toBe(before);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
