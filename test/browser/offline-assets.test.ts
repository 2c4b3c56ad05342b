import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { ensureWorkbenchBuilt } from './support/browser.js';

/**
 * Over plain HTTP: GraphiQL's page and the workbench reference only files replika serves itself
 * (no CDN), and those files are content-hashed, cacheable and compressed.
 */
let server: TestServer;
beforeAll(async () => {
  await ensureWorkbenchBuilt();
  server = await startServer({ demo: false });
}, 180_000);
afterAll(() => server.destroy());

/** Every src/href in the page, and every url(...) and @import in its inline parts. */
const references = (html: string) =>
  [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');

describe('served offline', () => {
  it('GraphiQL’s page loads its script, styles, icon and workers from /graphiql/ only', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const refs = references(html);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs)
      expect(ref).toMatch(/^\/graphiql\/[\w.-]+\.[0-9a-f]{12}\.(js|css|ico)$/);
    const workers = [...html.matchAll(/"(\/graphiql\/[\w.-]+\.worker\.[0-9a-f]{12}\.js)"/g)];
    expect(workers).toHaveLength(3);
    for (const ref of [...refs, ...workers.map((m) => m[1] ?? '')]) {
      const asset = await fetch(`${server.url}${ref}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(asset.status, ref).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      await asset.arrayBuffer();
    }
  });

  it('compresses the GraphiQL script for a browser that accepts gzip, and not otherwise', async () => {
    const html = await (
      await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } })
    ).text();
    const script = /src="(\/graphiql\/graphiql\.[0-9a-f]{12}\.js)"/.exec(html)?.[1];
    if (!script) throw new Error('no GraphiQL script in the page');
    const { request } = await import('node:http');
    const raw = (encoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request(`${server.url}${script}`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    const zipped = await raw('gzip');
    const plain = await raw('identity');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
  });

  it('serves the workbench at / with its own hashed assets, and 404s unknown ones', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    const refs = references(html).filter((ref) => !ref.startsWith('data:'));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^\/assets\//);
      expect((await fetch(`${server.url}${ref}`)).status).toBe(200);
    }
    expect((await fetch(`${server.url}/assets/nothing-here.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/graphiql/graphiql.000000000000.js`)).status).toBe(404);
  });
});
