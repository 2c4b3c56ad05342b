import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

/** A refused request is the client's business: logged below warn; error is kept for faults. */
const lines: Array<{ level: number; msg: string; code?: string }> = [];
let server: TestServer;
beforeAll(async () => {
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  );
  server = await startServer({ replika: { logger } });
});
afterAll(() => server.destroy());

describe('logging refused requests', () => {
  it('logs bad input, missing tokens and refused rules at debug, never at warn or error', async () => {
    lines.length = 0;
    await server.gql('query($n: Int) { adoptions(first: $n) { totalCount } }', { n: 'many' });
    await server.gql('{ adoptions(first: 9999) { totalCount } }');
    await server.gql('{ nosuchfield }');
    await server.as(null)('mutation { issueAccessToken(input: { role: ANALYST }) { token } }');
    await server.gql(
      'mutation { reportMilestone(input: { adopterCode: "99.99", innovationId: "banyuwangi-smart-kampung", kind: PILOT_STARTED, occurredOn: "2020-01-01" }) { stage } }',
    );
    const refused = lines.filter((l) => l.msg.startsWith('refused: '));
    expect(refused.length).toBeGreaterThanOrEqual(4);
    expect(refused.every((l) => l.level === 20)).toBe(true);
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });
});
