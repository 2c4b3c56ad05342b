/**
 * Runs the FAKE KurrentDB server as its own process (for the two-instance test and the
 * measurements): `node --import tsx test/support/kurrentdb-fake/main.ts [--port N] [--seed N]`.
 * Prints one JSON line `{"url": …, "seeded": N}` once it listens; stops on SIGTERM/SIGINT.
 * `--seed N` writes N user events (replika-like: adoption streams of 1–3 events, ~300 bytes)
 * straight into its log before it listens.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startFakeKurrentDb } from './server.js';

const { values } = parseArgs({
  options: { port: { type: 'string' }, seed: { type: 'string' } },
});
const fake = await startFakeKurrentDb({ port: Number(values.port ?? 0) });
const seed = Number(values.seed ?? 0);
let written = 0;
for (let i = 0; written < seed; i++) {
  const size = Math.min(seed - written, (i % 3) + 1);
  const stream = `adoption-${(i * 7919) % 100_000}_seed`;
  const revision = fake.log.lastRevision(stream);
  fake.log.append(
    stream,
    revision ?? 'no_stream',
    Array.from({ length: size }, (_, k) => ({
      id: randomUUID(),
      type: 'MilestoneReported',
      contentType: 'application/json',
      data: Buffer.from(
        JSON.stringify({ i, k, note: 'seeded by the fake server'.padEnd(240, '.') }),
      ),
      metadata: Buffer.from(
        JSON.stringify({ actor: 'seed', $recordedAt: new Date().toISOString() }),
      ),
    })),
  );
  written += size;
}
console.log(JSON.stringify({ url: fake.url, seeded: written }));
const stop = () => void fake.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
