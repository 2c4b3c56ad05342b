/**
 * replika itself on KurrentDB: the whole server (demo story, GraphQL, /ready) against the FAKE
 * KurrentDB server, with the real client on both of its paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeKurrentDb, startFakeKurrentDb } from '../support/kurrentdb-fake/index.js';
import { startServer, type TestServer } from '../support/server.js';

let fake: FakeKurrentDb;
let server: TestServer;
beforeAll(async () => {
  fake = await startFakeKurrentDb();
  server = await startServer({ env: { EVENT_STORE: 'kurrentdb', KURRENTDB_URL: fake.url } });
}, 60_000);
afterAll(async () => {
  await server?.destroy();
  await fake?.stop();
});

const EVENTS = `query($stream: String, $after: String) {
  events(stream: $stream, first: 5, after: $after) { nodes { position stream } pageInfo { endCursor } }
}`;

describe('replika on the fake KurrentDB server', () => {
  it('loads the demo story into KurrentDB and answers from its read model, ready at the head', async () => {
    const head = await server.head();
    expect(head > 0n).toBe(true);
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    const r = await server.gql<{ regency: { innovations: Array<{ name: string }> } }>(
      '{ regency(code: "35.10") { innovations { name } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.regency.innovations.map((i) => i.name)).toContain('Mal Pelayanan Publik');
    // The log there also holds the server's own records ($epoch-information), never shown.
    const page = await server.gql<{ events: { nodes: Array<{ stream: string }> } }>(EVENTS, {});
    expect(page.data?.events.nodes.every((n) => !n.stream.startsWith('$'))).toBe(true);
  });

  it('refuses $ streams and cursors that are not event positions as bad input, not a 500', async () => {
    const system = await server.gql(EVENTS, { stream: '$epoch-information' });
    expect(system.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'stream',
    });
    const first = await server.gql<{ events: { nodes: Array<{ position: string }> } }>(EVENTS, {});
    const inside = String(BigInt(first.data?.events.nodes[1]?.position ?? '2') - 1n);
    const bad = await server.gql(EVENTS, { after: inside });
    expect(bad.status).toBe(200);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
