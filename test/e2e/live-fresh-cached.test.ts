import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { subscribe as subscribeTo } from '../support/sse.js';

/**
 * An analyst watches the live feed while an officer reports; a second client asks another
 * instance for at least the freshness the first one wrote; repeated questions come from the
 * response cache until new events arrive. All over real HTTP against the demo story.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { REPLIKA_FRESHNESS_TIMEOUT_MS: '300' } });
});
afterAll(() => server.destroy());

const MPP = 'banyuwangi-mal-pelayanan-publik';
const REPORT = `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }`;

const subscribe = (query: string, signal: AbortSignal) => subscribeTo(server.url, query, signal);

const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms),
    ),
  ]);

describe('the live feed', () => {
  it('delivers a reported milestone to a subscriber within a second, filtered by origin and adopter', async () => {
    const abort = new AbortController();
    try {
      const next = await subscribe(
        `subscription { milestoneReported(originCode: "35.10", adopterCode: "16.04") {
          position milestone { kind occurredOn } adoption { adopter { code } innovation { id } stage }
        } }`,
        abort.signal,
      );
      // Another adopter's report does not reach this subscriber.
      await server.gql(REPORT, {
        input: {
          adopterCode: '76.01',
          innovationId: MPP,
          kind: 'EVALUATED',
          occurredOn: '2024-01-10',
        },
      });
      const reported = await server.gql(REPORT, {
        input: {
          adopterCode: '16.04',
          innovationId: MPP,
          kind: 'BUDGET_ALLOCATED',
          occurredOn: '2024-02-01',
        },
      });
      expect(reported.errors).toBeUndefined();
      const message = await within(1000, next());
      expect(message).toEqual({
        data: {
          milestoneReported: {
            position: reported.extensions?.replika?.position,
            milestone: { kind: 'BUDGET_ALLOCATED', occurredOn: '2024-02-01' },
            adoption: { adopter: { code: '16.04' }, innovation: { id: MPP }, stage: 'PILOTING' },
          },
        },
      });
    } finally {
      abort.abort();
    }
  });
});

describe('freshness across instances', () => {
  it('answers at once when the read model has reached X-Replika-Min-Position', async () => {
    const head = (await server.head()).toString();
    const response = await server.gql('{ innovations { id } }', undefined, {
      'X-Replika-Min-Position': head,
    });
    expect(response.errors).toBeUndefined();
    expect(BigInt(response.headers.get('X-Replika-Read-Position') ?? '0')).toBeGreaterThanOrEqual(
      BigInt(head),
    );
  });

  it('waits for a position being written, then answers with it', async () => {
    const head = await server.head();
    const pending = server.gql(
      `{ adoptions(filter: { adopterCode: "33.22", innovationId: "${MPP}" }) { totalCount } }`,
      undefined,
      { 'X-Replika-Min-Position': (head + 1n).toString() },
    );
    const written = await server.gql(REPORT, {
      input: {
        adopterCode: '33.22',
        innovationId: MPP,
        kind: 'INTEREST_DECLARED',
        occurredOn: '2024-05-02',
      },
    });
    expect(written.extensions?.replika?.position).toBe((head + 1n).toString());
    const answer = await pending;
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ adoptions: { totalCount: 1 } });
  });

  it('fails with READ_MODEL_BEHIND after the bounded wait, and refuses a malformed position', async () => {
    const ahead = ((await server.head()) + 1000n).toString();
    const behind = await server.gql('{ provinces { code } }', undefined, {
      'X-Replika-Min-Position': ahead,
    });
    expect(behind.data ?? null).toBeNull();
    expect(behind.errors?.[0]?.extensions).toMatchObject({
      code: 'READ_MODEL_BEHIND',
      field: 'X-Replika-Min-Position',
    });
    const bad = await server.gql('{ provinces { code } }', undefined, {
      'X-Replika-Min-Position': 'latest',
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'X-Replika-Min-Position',
    });
  });
});

describe('the response cache', () => {
  const QUESTION = `{ innovation(id: "${MPP}") { adoptions { adopter { code } stage } } }`;

  it('serves a repeated question from the cache until a new event arrives', async () => {
    const first = await server.gql(QUESTION);
    const second = await server.gql(QUESTION);
    expect(second.headers.get('X-Replika-Cache')).toBe('HIT');
    expect(second.data).toEqual(first.data);
    // The same question with another Authorization is answered on its own.
    const other = await server.gql(QUESTION, undefined, { authorization: 'Bearer someone-else' });
    expect(other.headers.get('X-Replika-Cache')).toBe('MISS');

    const written = await server.gql(REPORT, {
      input: {
        adopterCode: '36.02',
        innovationId: MPP,
        kind: 'AGREEMENT_SIGNED',
        occurredOn: '2024-06-03',
      },
    });
    expect(written.headers.get('X-Replika-Cache')).toBeNull();
    const after = await server.gql<{
      innovation: { adoptions: Array<{ adopter: { code: string }; stage: string }> };
    }>(QUESTION);
    expect(after.headers.get('X-Replika-Cache')).toBe('MISS');
    expect(after.data?.innovation.adoptions).toContainEqual({
      adopter: { code: '36.02' },
      stage: 'AGREED',
    });
  });

  it('never caches a mutation', async () => {
    const input = {
      adopterCode: '62.03',
      innovationId: MPP,
      kind: 'INTEREST_DECLARED',
      occurredOn: '2024-07-01',
    };
    const once = await server.gql(REPORT, { input });
    expect(once.errors).toBeUndefined();
    // The same mutation again is executed again, and refused as a duplicate report.
    const twice = await server.gql(REPORT, { input });
    expect(twice.errors?.[0]?.extensions?.code).toBeDefined();
  });
});
