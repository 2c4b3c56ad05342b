import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../support/child.js';
import { readStoredFacts, reportersOutsideTheStory } from '../support/reporters.js';
import { startServer, type TestServer } from '../support/server.js';

describe('/ready and /metrics', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.destroy());

  it('is ready once the read model has caught up with the log head', async () => {
    const response = await fetch(`${server.url}/ready`);
    expect(response.status).toBe(200);
    const head = (await server.head()).toString();
    expect(await response.json()).toEqual({
      ready: true,
      eventLog: { head },
      readModel: { position: head },
    });
  });

  it('serves Prometheus metrics: requests, latency, append latency, projection lag', async () => {
    const mutation = await server.gql(
      `mutation { registerInnovation(input: { originCode: "35.10", name: "Metrik ${randomUUID()}" }) { id } }`,
    );
    expect(mutation.errors).toBeUndefined();
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(
      /replika_http_requests_total\{method="POST",route="\/graphql",status="200"\} [1-9]/,
    );
    expect(text).toMatch(
      /replika_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/graphql",status="200"\} [1-9]/,
    );
    expect(text).toMatch(/replika_event_store_append_duration_seconds_count\{outcome="ok"\} [1-9]/);
    expect(text).toMatch(/replika_events_appended_total [1-9]/);
    expect(text).toContain('replika_projection_lag_events 0');
    expect(text).toMatch(`replika_event_log_head_position ${await server.head()}`);
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
  });

  it('answers 503 on /ready while the read model is behind the log', async () => {
    // Stop the projector, then write past it: the log moves on, the read model does not.
    await server.replika.projector.stop();
    const head = await server.head();
    await server.replika.store.append(
      'innovation-ready-probe',
      [
        {
          id: randomUUID(),
          type: 'InnovationRegistered',
          data: {
            innovationId: 'ready-probe',
            originCode: '35.10',
            name: 'Ready probe',
            category: 'OTHER',
            digital: false,
            evidence: [],
          },
          metadata: {},
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const response = await fetch(`${server.url}/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      ready: false,
      reason: 'read model behind the log by 1 events',
      eventLog: { head: (head + 1n).toString() },
      readModel: { position: head.toString() },
    });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe('graceful shutdown', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'replika-sigterm-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finishes in-flight appends on SIGTERM, keeps every acknowledged one, and exits 0', async () => {
    const reporters = await reportersOutsideTheStory(16);
    const server = await spawnServer({ dataDir });
    let stopped = false;
    const running = reporters.map((r) => r.run(server.url, () => stopped));
    await new Promise((resolve) => setTimeout(resolve, 800));
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    stopped = true;
    await Promise.all(running);
    expect(server.log.some((line) => line.includes('shutting down'))).toBe(true);

    const facts = readStoredFacts(dataDir);
    const acknowledged = reporters.flatMap((r) => r.acknowledged);
    expect(acknowledged.length).toBeGreaterThan(16);
    expect(acknowledged.filter((tag) => facts.loggedNotes.get(tag) !== 1)).toEqual([]);
    // A clean stop leaves the read model at the head too.
    expect(facts.checkpoints.every((c) => c.position === facts.head)).toBe(true);
  }, 30_000);
});
