import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type StreamBatch } from '../../bench/dataset.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * The CSV export at national scale: 60,000+ adoptions (the benchmark's synthetic dataset, made by
 * the deciders) appended to a real store, projected, then streamed over real HTTP. While a client
 * holds the export without reading it, the server waits for the socket to drain and keeps
 * answering other requests.
 */
let server: TestServer;
let adoptions = 0;

beforeAll(async () => {
  server = await startServer({ demo: false });
  const codes = server.replika.regions.regencies().map((r) => r.code);
  const dataset = generateDataset(
    {
      regencies: codes.length,
      innovations: 600,
      adoptions: 60_500,
      visits: 40,
      events: 62_000,
      banyuwangiInnovations: 10,
      banyuwangiAdopters: 20,
    },
    codes,
    12,
  );
  const appendAll = async (batches: Iterable<StreamBatch>) => {
    const all = [...batches];
    let next = 0;
    await Promise.all(
      Array.from({ length: 1000 }, async () => {
        for (let i = next++; i < all.length; i = next++) {
          const { stream, events } = all[i] as StreamBatch;
          await server.replika.store.append(stream, events, { expectedRevision: 'no_stream' });
        }
      }),
    );
  };
  await appendAll(dataset.innovations);
  await appendAll(dataset.streams);
  await server.replika.projector.waitFor(await server.head(), 120_000);
  const count = await server.gql<{ adoptions: { totalCount: number } }>(
    '{ adoptions(first: 0) { totalCount } }',
  );
  adoptions = count.data?.adoptions.totalCount ?? 0;
}, 300_000);
afterAll(() => server.destroy());

describe('CSV export at scale', () => {
  it('streams every one of 60,000 adoptions, chunked, with a header row', async () => {
    expect(adoptions).toBeGreaterThanOrEqual(60_000);
    const response = await fetch(`${server.url}/export/adoptions.csv`);
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    let lines = 0;
    let chunks = 0;
    const decoder = new TextDecoder();
    let tail = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      chunks++;
      const text = tail + decoder.decode(chunk, { stream: true });
      const parts = text.split('\r\n');
      tail = parts.pop() ?? '';
      lines += parts.length;
    }
    expect(tail).toBe('');
    expect(lines).toBe(adoptions + 1);
    expect(chunks).toBeGreaterThan(10);
  }, 120_000);

  it('waits for a client that does not read, and keeps answering others meanwhile', async () => {
    const { port } = new URL(server.url);
    const held = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/export/adoptions.csv' }, resolve)
        .on('error', reject)
        .end();
    });
    held.pause();
    // The server has filled the socket and waits for drain; GraphQL still answers.
    const answer = await server.gql<{ adoptions: { totalCount: number } }>(
      '{ adoptions(first: 0) { totalCount } }',
    );
    expect(answer.data?.adoptions.totalCount).toBe(adoptions);
    expect(held.complete).toBe(false);
    let bytes = 0;
    held.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    held.resume();
    await new Promise((resolve) => held.on('end', resolve));
    expect(held.complete).toBe(true);
    expect(bytes).toBeGreaterThan(adoptions * 50);
  }, 120_000);
});
