import { statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { anchors, codeBlocks, links, ROOT, read, section } from './markdown.js';
import { commands } from './shell.js';

/**
 * The README stays a front page: at most 10 KB; its doc map takes each kind of reader in one
 * click to the section that answers their first task; and the answers it and that first
 * analyst's section show are what a server on the demo story really answers.
 */
const README = 'README.md';
const MAX_README_BYTES = 10_240;

interface MapRow {
  reader: string;
  doc: string;
  anchor: string;
}

/** The rows of the README's "Where to read next" table: who, and where their link goes. */
function docMap(): MapRow[] {
  const map = section(read(README), 'where-to-read-next') ?? '';
  return map
    .split('\n')
    .filter((line) => line.startsWith('|') && links(line).length > 0)
    .map((line) => {
      const [target = ''] = links(line).map((l) => l.target);
      const [path = '', anchor = ''] = target.split('#');
      return {
        reader: line.split('|')[1]?.trim() ?? '',
        doc: normalize(join(dirname(README), path)),
        anchor,
      };
    });
}

/** True when `expected` is found in `actual`: objects by their keys, arrays element by element. */
function matches(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected))
    return Array.isArray(actual) && expected.every((e) => actual.some((a) => matches(a, e)));
  if (expected !== null && typeof expected === 'object')
    return (
      actual !== null &&
      typeof actual === 'object' &&
      Object.entries(expected).every(([k, v]) => matches((actual as Record<string, unknown>)[k], v))
    );
  return actual === expected;
}

/** `expected` matches `actual` itself or any object or array nested inside it. */
function foundIn(actual: unknown, expected: unknown): boolean {
  if (matches(actual, expected)) return true;
  if (actual === null || typeof actual !== 'object') return false;
  return Object.values(actual).some((v) => foundIn(v, expected));
}

const jsonc = (body: string) => JSON.parse(body.replace(/^\s*\/\/.*$/gm, ''));

describe('the README', () => {
  it(`is at most ${MAX_README_BYTES} bytes`, () => {
    expect(statSync(join(ROOT, README)).size).toBeLessThanOrEqual(MAX_README_BYTES);
  });

  // The first task of each reader, and what the section their doc-map link opens must hold.
  const firstTasks = [
    { reader: /analyst/i, lang: 'graphql', holds: /^\s*\{/ },
    { reader: /regency officer/i, lang: 'graphql', holds: /mutation[\s\S]*reportMilestone/ },
    { reader: /operator/i, lang: 'sh', holds: /npm start/ },
    { reader: /contributor/i, lang: 'sh', holds: /npx vitest run \S+/ },
  ];
  for (const { reader, lang, holds } of firstTasks)
    it(`takes ${reader.source.replace(/\\/g, '')} in one click to the answer of the first task`, () => {
      const row = docMap().find((r) => reader.test(r.reader));
      expect(row, `no doc-map row for ${reader}`).toBeDefined();
      if (!row) return;
      expect(row.anchor, `${row.doc} linked without an anchor`).not.toBe('');
      expect([...anchors(read(row.doc))]).toContain(row.anchor);
      const text = section(read(row.doc), row.anchor) ?? '';
      const answers = codeBlocks(text).filter((b) => b.lang === lang && holds.test(b.body));
      expect(
        answers.length,
        `${row.doc}#${row.anchor} has no ${lang} block ${holds}`,
      ).toBeGreaterThan(0);
    });

  it('links every doc-map row to a heading that exists', () => {
    const rows = docMap();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const broken = rows
      .filter((r) => r.anchor === '' || !anchors(read(r.doc)).has(r.anchor))
      .map((r) => `${r.reader} → ${r.doc}#${r.anchor}`);
    expect(broken).toEqual([]);
  });
});

describe('answers the docs show, asked of a server on the demo story', { timeout: 60_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ demo: true });
  }, 120_000);
  afterAll(() => server?.destroy());

  it('README: the quick start’s curl query answers what the README shows', async () => {
    const blocks = codeBlocks(section(read(README), 'quick-start') ?? '');
    const curl = blocks
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => commands(b.body))
      .find((words) => words[0] === 'curl');
    const body = curl?.[(curl?.indexOf('-d') ?? -2) + 1];
    const shown = blocks.find((b) => b.lang === 'jsonc');
    if (!body || !shown) throw new Error('the quick start has no curl query and answer');
    const { query } = JSON.parse(body) as { query: string };
    const answer = await server.as(null)(query);
    expect(answer.errors).toBeUndefined();
    expect(foundIn(answer.data, jsonc(shown.body)), JSON.stringify(answer.data)).toBe(true);
  });

  it('analysts.md: the first question answers what the guide shows', async () => {
    const doc = 'docs/analysts.md';
    const blocks = codeBlocks(section(read(doc), 'your-first-question') ?? '');
    const query = blocks.find((b) => b.lang === 'graphql');
    const shown = blocks.find((b) => b.lang === 'json');
    if (!query || !shown) throw new Error(`${doc}: the first question has no query and answer`);
    const answer = await server.as(null)(query.body);
    expect(answer.errors).toBeUndefined();
    expect(matches(answer, jsonc(shown.body)), JSON.stringify(answer.data)).toBe(true);
    // The whole answer, not a part of it: the shown totalCount and edges are all there are.
    expect(answer.data).toEqual(jsonc(shown.body).data);
  });

  it('reporting.md: the first report is accepted from the regency’s own token', async () => {
    const doc = 'docs/reporting.md';
    const blocks = codeBlocks(section(read(doc), 'your-first-report') ?? '');
    const report = blocks.find((b) => b.lang === 'graphql' && /reportMilestone/.test(b.body));
    if (!report) throw new Error(`${doc}: the first report has no reportMilestone mutation`);
    const adopter = /adopterCode:\s*"([\d.]+)"/.exec(report.body)?.[1] ?? '';
    const issued = await server.gql<{ issueAccessToken: { token: string } }>(
      `mutation { issueAccessToken(input: { role: REGENCY, regencyCode: "${adopter}", label: "doc check" }) { token } }`,
    );
    const token = issued.data?.issueAccessToken.token ?? '';
    const answer = await server.as(token)<{ reportMilestone: { milestones: { kind: string }[] } }>(
      report.body,
    );
    expect(answer.errors).toBeUndefined();
    const kind = /kind:\s*([A-Z_]+)/.exec(report.body)?.[1];
    expect(answer.data?.reportMilestone.milestones.map((m) => m.kind)).toContain(kind);
  });

  it('compares answers by content, not by luck', () => {
    expect(matches({ a: [{ b: 1, c: 2 }] }, { a: [{ b: 1 }] })).toBe(true);
    expect(matches({ a: [{ b: 1 }] }, { a: [{ b: 2 }] })).toBe(false);
    expect(foundIn({ x: { y: [{ name: 'MPP', n: 1 }] } }, { name: 'MPP' })).toBe(true);
    expect(foundIn({ x: { y: [{ name: 'MPP' }] } }, { name: 'Lounge' })).toBe(false);
  });
});
