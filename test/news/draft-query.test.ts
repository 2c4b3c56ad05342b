import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_COST, MAX_DRAFT_TEXT } from '../../src/graphql/news-drafts.js';
import { startServer, type TestServer } from '../support/server.js';
import { seedText } from './support.js';

/** `draftFromReport` over real HTTP, on a server with the demo story (its innovations). */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.destroy());

const DRAFT = `query Draft($text: String!, $publishedOn: Date!, $url: String) {
  draftFromReport(text: $text, publishedOn: $publishedOn, url: $url) {
    publishedOn
    evidence { kind title url reference }
    regencies { regency { code name } role confidence sources { field start end text reason } }
    studyVisits {
      input { hostCode visitorCode startDate endDate delegationSize leader
              sites { name villageCode } innovationIds note evidence { kind title url reference } }
      confidence missing sources { field start end text reason confidence }
    }
    milestones {
      input { adopterCode innovationId kind occurredOn note evidence { kind title url reference } }
      confidence missing sources { field start end text reason confidence }
    }
    warnings
  }
}`;

type Draft = {
  draftFromReport: {
    regencies: Array<{ regency: { code: string }; role: string }>;
    studyVisits: Array<{
      input: Record<string, unknown> & { visitorCode: string; innovationIds: string[] };
      sources: Array<{ start: number; end: number; text: string }>;
    }>;
    milestones: Array<{ input: { adopterCode: string; innovationId: string; occurredOn: string } }>;
  };
};

const pohuwato = readFileSync(
  join(import.meta.dirname, 'fixtures', 'pohuwato-2026-01.txt'),
  'utf8',
);

describe('draftFromReport', () => {
  it('answers the proposals of a report and writes nothing', async () => {
    const before = await server.head();
    const res = await server.gql<Draft>(DRAFT, {
      text: pohuwato,
      publishedOn: '2026-01-31',
      url: 'https://example.org/pohuwato',
    });
    expect(res.errors).toBeUndefined();
    const draft = res.data?.draftFromReport;
    expect(draft?.regencies.map((r) => [r.regency.code, r.role])).toEqual([
      ['35.10', 'HOST'],
      ['75.04', 'VISITOR'],
    ]);
    expect(draft?.studyVisits[0]?.input).toMatchObject({
      hostCode: '35.10',
      visitorCode: '75.04',
      startDate: '2026-01-28',
      endDate: '2026-01-30',
      delegationSize: 25,
      innovationIds: ['banyuwangi-mal-pelayanan-publik'],
      evidence: [{ kind: 'NEWS', url: 'https://example.org/pohuwato' }],
    });
    for (const s of draft?.studyVisits[0]?.sources ?? [])
      expect(pohuwato.slice(s.start, s.end)).toBe(s.text);
    expect(draft?.milestones.map((m) => m.input.adopterCode)).toEqual(['75.04']);
    expect(await server.head()).toBe(before);
  });

  it('is open to read without a token, like every query', async () => {
    const res = await server.as(null)<Draft>(DRAFT, { text: pohuwato, publishedOn: '2026-01-31' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.draftFromReport.studyVisits).toHaveLength(1);
  });

  it.skipIf(!seedText())('reads the seed report (from ../shared/seeds) over HTTP', async () => {
    const res = await server.gql<Draft>(DRAFT, { text: seedText(), publishedOn: '2019-02-25' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.draftFromReport.studyVisits.map((v) => v.input.visitorCode)).toEqual([
      '76.01',
      '16.04',
    ]);
  });

  it.each([
    ['text', { text: 'a'.repeat(MAX_DRAFT_TEXT + 1), publishedOn: '2026-01-31' }, /at most 20000/],
    ['text', { text: '  \n ', publishedOn: '2026-01-31' }, /must not be empty/],
    ['url', { text: pohuwato, publishedOn: '2026-01-31', url: 'javascript:alert(1)' }, /http/],
    ['url', { text: pohuwato, publishedOn: '2026-01-31', url: 'not a url' }, /http/],
    ['publishedOn', { text: pohuwato, publishedOn: '2999-01-01' }, /future/],
    ['publishedOn', { text: pohuwato, publishedOn: '2026-02-30' }, /YYYY-MM-DD|Date/],
  ])('refuses bad %s with BAD_USER_INPUT naming it', async (field, variables, message) => {
    const before = await server.head();
    const res = await server.gql(DRAFT, variables);
    expect(res.status).toBeLessThan(500);
    expect(res.data?.draftFromReport ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0]?.message).toMatch(message);
    expect(await server.head()).toBe(before);
  });

  it('prices each draft in the cost limit: ten in one request are refused before any runs', async () => {
    const drafts = Array.from(
      { length: 10 },
      (_, k) =>
        `d${k}: draftFromReport(text: "Bupati Lahat ke Banyuwangi", publishedOn: "2019-02-25") { warnings }`,
    );
    const res = await server.gql(`{ ${drafts.join('\n')} }`);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      limit: 1_000_000,
    });
    expect(Number(res.errors?.[0]?.extensions?.found)).toBeGreaterThan(10 * DRAFT_COST);
    const one = await server.gql(`{ ${drafts.slice(0, 2).join('\n')} }`);
    expect(one.errors).toBeUndefined();
  });

  it('answers hostile text with proposals or a structured error, never a 500, writing nothing', async () => {
    const before = await server.head();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 3000 }), fc.constant('\u0000'.repeat(500))),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        async (text, url) => {
          const res = await server.gql<Draft>(DRAFT, { text, publishedOn: '2019-02-25', url });
          expect(res.status).toBeLessThan(500);
          if (res.errors) expect(res.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
          else expect(res.data?.draftFromReport).toBeDefined();
        },
      ),
      { numRuns: 40 },
    );
    expect(await server.head()).toBe(before);
  });
});
