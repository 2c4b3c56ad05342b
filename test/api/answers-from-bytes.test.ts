import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';

/** Cached answers over real HTTP: ETag and 304, and compression when the client asks. */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.destroy());

const QUESTION = JSON.stringify({
  query: `{ regency(code: "35.10") { name innovations { id name launchedOn
    adoptions { adopter { code name province { name } } stage maturity lastOccurredOn } } } }`,
});

/** A raw POST (node:http, so nothing is decompressed behind the test's back). */
function post(headers: Record<string, string> = {}, body = QUESTION) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const url = new URL(`${server.url}/graphql`);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

describe('answers from bytes', () => {
  it('gives a miss and its hits one ETag, and answers 304 with no body to If-None-Match', async () => {
    const miss = await post({}, JSON.stringify({ query: '{ regency(code: "16.04") { name } }' }));
    const hit = await post({}, JSON.stringify({ query: '{ regency(code: "16.04") { name } }' }));
    expect(miss.headers['x-replika-cache']).toBe('MISS');
    expect(hit.headers['x-replika-cache']).toBe('HIT');
    const etag = miss.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(hit.headers.etag).toBe(etag);
    expect(hit.body.equals(miss.body)).toBe(true);
    const notModified = await post(
      { 'if-none-match': etag },
      JSON.stringify({ query: '{ regency(code: "16.04") { name } }' }),
    );
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(etag);
    // Another tag is answered in full.
    const other = await post(
      { 'if-none-match': '"something-else"' },
      JSON.stringify({ query: '{ regency(code: "16.04") { name } }' }),
    );
    expect(other.status).toBe(200);
    expect(other.body.equals(miss.body)).toBe(true);
  });

  it('compresses with gzip when asked, on the miss and on the hit, to the same JSON', async () => {
    const plain = await post();
    expect(plain.body.length).toBeGreaterThan(1024);
    const zipped = await post({ 'accept-encoding': 'gzip' });
    const again = await post({ 'accept-encoding': 'gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    for (const answer of [zipped, again]) {
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
      expect(gunzipSync(answer.body).equals(plain.body)).toBe(true);
      expect(answer.headers.etag).toBe(plain.headers.etag);
    }
    expect(again.headers['x-replika-cache']).toBe('HIT');
  });

  it('leaves errors uncached and unvalidated', async () => {
    const bad = await post({}, JSON.stringify({ query: '{ nope }' }));
    const twice = await post({}, JSON.stringify({ query: '{ nope }' }));
    expect(JSON.parse(bad.body.toString()).errors).toBeDefined();
    expect(twice.headers['x-replika-cache']).not.toBe('HIT');
  });
});
