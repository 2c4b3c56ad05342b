import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { issueToken } from '../support/access.js';
import { startServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.js';

/** Token grants are the admin's business: no read answers a token hash, to anyone. */
let server: TestServer;
let analyst: string;
let regencyTokenId: string;
beforeAll(async () => {
  server = await startServer({ demo: false });
  analyst = (await issueToken(server, { role: 'ANALYST', label: 'analyst desk' })).token;
  regencyTokenId = (await issueToken(server, { role: 'REGENCY', regencyCode: '16.04' })).id;
});
afterAll(() => server.destroy());

const LOG = '{ events(first: 500) { nodes { type stream data metadata } pageInfo { endCursor } } }';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('token grants in the event log', () => {
  it('are not in the log anyone but the admin reads', async () => {
    for (const token of [null, analyst, 'rpk_invented-000000000000000000000000000000']) {
      const response = await server.as(token)<{
        events: { nodes: Array<{ type: string }>; pageInfo: { endCursor: string } };
      }>(LOG);
      const types = response.data?.events.nodes.map((n) => n.type) ?? [];
      expect(types.some((t) => t.startsWith('AccessToken'))).toBe(false);
      // The cursor still moves past them, so paging reaches the end.
      expect(BigInt(response.data?.events.pageInfo.endCursor ?? '0')).toBe(await server.head());
      const stream = await server.as(token)<{ events: { nodes: unknown[] } }>(
        `{ events(stream: "access-${regencyTokenId}") { nodes { type } } }`,
      );
      expect(stream.data?.events.nodes).toEqual([]);
    }
  });

  it('show the admin who holds which grant, but never a token hash', async () => {
    const response = await server.gql<{
      events: { nodes: Array<{ type: string; data: Record<string, unknown> }> };
    }>(LOG);
    const issued = response.data?.events.nodes.filter((n) => n.type === 'AccessTokenIssued');
    expect(issued?.map((n) => n.data.role).sort()).toEqual(['ADMIN', 'ANALYST', 'REGENCY']);
    expect(JSON.stringify(response)).not.toMatch(/tokenHash|[0-9a-f]{64}/);
  });

  it('store a configured admin token under a slow salted hash, not its plain SHA-256', async () => {
    const stored = (await server.replika.store.readAll({ maxCount: 100 }))
      .filter((e) => e.type === 'AccessTokenIssued')
      .map((e) => (e.data as { tokenHash: string; role: string }).tokenHash);
    expect(stored).not.toContain(sha256(TEST_ADMIN_TOKEN));
    // ...and the configured token still works, after a restart too.
    server = await server.restart();
    const who = await server.gql('{ accessTokens { role } }');
    expect(who.errors).toBeUndefined();
  });
});

describe('a weak configured admin token', () => {
  it('is refused at start-up with a message naming the setting, never the value', () => {
    for (const weak of [
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'passwordpasswordpassword',
      '123456789012345678901234',
    ]) {
      let message = '';
      try {
        loadConfig({ REPLIKA_ADMIN_TOKEN: weak });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^invalid configuration: REPLIKA_ADMIN_TOKEN: /);
      expect(message).not.toContain(weak);
    }
  });
});
