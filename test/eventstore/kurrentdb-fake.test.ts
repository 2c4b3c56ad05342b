/**
 * The FAKE KurrentDB server itself, driven by the official client directly (no adapter): the
 * protocol behaviours it copies from the real server and each of its fault hooks.
 */
import { randomUUID } from 'node:crypto';
import {
  excludeSystemEvents,
  jsonEvent,
  KurrentDBClient,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeKurrentDb, startFakeKurrentDb } from '../support/kurrentdb-fake/index.js';

const json = (type = 'T', i = 0) => jsonEvent({ id: randomUUID(), type, data: { i } });

describe('the fake KurrentDB server (a test double, not KurrentDB)', () => {
  let fake: FakeKurrentDb;
  let client: KurrentDBClient;
  beforeEach(async () => {
    fake = await startFakeKurrentDb({ maxAppendSize: 4096 });
    client = KurrentDBClient.connectionString(fake.url);
  });
  afterEach(async () => {
    await client.dispose();
    await fake.stop();
  });

  it('answers BatchAppend errors by correlation id with their details (wrong expected version, size)', async () => {
    const s = `batch-${randomUUID()}`;
    await client.appendToStream(s, [json()], { streamState: NO_STREAM });
    const [wrong, big, ok] = await Promise.allSettled([
      client.appendToStream(s, [json()], { streamState: NO_STREAM }),
      client.appendToStream(s, [jsonEvent({ type: 'Big', data: { x: 'x'.repeat(5000) } })], {
        streamState: 0n,
      }),
      client.appendToStream(`other-${randomUUID()}`, [json()], { streamState: NO_STREAM }),
    ]);
    expect(wrong.status === 'rejected' && wrong.reason).toBeInstanceOf(WrongExpectedVersionError);
    expect(big.status === 'rejected' && big.reason).toBeInstanceOf(MaxAppendSizeExceededError);
    expect(ok.status).toBe('fulfilled');
    expect(fake.calls.filter((c) => c.method === 'BatchAppend')).toHaveLength(1);
  });

  it('follows the server idempotency rules: same ids answer the first result; a partial match is refused', async () => {
    const s = `idem-${randomUUID()}`;
    const events = [json('A'), json('B')];
    const first = await client.appendToStream(s, events, { streamState: NO_STREAM });
    const again = await client.appendToStream(s, events, { streamState: NO_STREAM });
    expect(again.position).toEqual(first.position);
    const anyAgain = await client.appendToStream(s, events, { streamState: 'any' });
    expect(anyAgain.nextExpectedRevision).toBe(1n);
    await expect(
      client.appendToStream(s, [events[0] ?? json(), json('C')], { streamState: NO_STREAM }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(fake.log.stream(s)).toHaveLength(2);
  });

  it('sends a filtered subscription its confirmation, checkpoints, the caught-up message, then live events', async () => {
    for (let i = 0; i < 40; i++) fake.log.writeRaw(`$sys-${i}`, [sysEvent()]);
    await client.appendToStream(`user-${randomUUID()}`, [json('U')], { streamState: NO_STREAM });
    const checkpoints: bigint[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: excludeSystemEvents({
        checkpointInterval: 1,
        checkpointReached: (_s, position) => {
          checkpoints.push(position.commit);
        },
      }),
    });
    const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', () => resolve()));
    const seen: string[] = [];
    subscription.on('data', (e) => seen.push(e.event?.type ?? ''));
    await caughtUp;
    const live = `live-${randomUUID()}`;
    await client.appendToStream(live, [json('L')], { streamState: NO_STREAM });
    await waitUntil(() => seen.includes('L'));
    await subscription.unsubscribe();
    expect(seen).toEqual(['U', 'L']);
    expect(checkpoints.length).toBeGreaterThanOrEqual(2); // one per 32 considered, one at the end
    expect(checkpoints.every((c) => c <= fake.log.end)).toBe(true);
  });

  it('fault: drops a subscription mid-catch-up with UNAVAILABLE', async () => {
    const s = `drop-${randomUUID()}`;
    await client.appendToStream(
      s,
      Array.from({ length: 20 }, (_, i) => json('D', i)),
      {
        streamState: NO_STREAM,
      },
    );
    fake.faults.dropSubscriptionAfterEvents = 5;
    const subscription = client.subscribeToAll({ fromPosition: START });
    const seen: number[] = [];
    subscription.on('data', (e) =>
      seen.push((e.event?.data as { i: number } | undefined)?.i ?? -1),
    );
    const error = await new Promise<unknown>((resolve) => subscription.once('error', resolve));
    expect(error).toBeInstanceOf(UnavailableError);
    expect(seen.length).toBeLessThanOrEqual(5);
  });

  it('fault: a checkpoint past the end of the log on catching up', async () => {
    await client.appendToStream(`cp-${randomUUID()}`, [json()], { streamState: NO_STREAM });
    fake.faults.checkpointPastEnd = true;
    const end = fake.log.end;
    const checkpoint = await new Promise<bigint>((resolve) => {
      const subscription = client.subscribeToAll({
        fromPosition: START,
        filter: excludeSystemEvents({
          checkpointReached: async (sub, position) => {
            resolve(position.commit);
            await sub.unsubscribe();
          },
        }),
      });
      subscription.on('data', () => undefined);
    });
    expect(checkpoint > end).toBe(true);
  });

  it('fault: stream reads answer position 2^64-1 through the Rust bridge, as servers before 22.x', async () => {
    const s = `pos-${randomUUID()}`;
    await client.appendToStream(s, [json()], { streamState: NO_STREAM });
    fake.faults.streamReadsWithoutPosition = true;
    for await (const e of client.readStream(s))
      expect(e.event?.position?.commit).toBe(2n ** 64n - 1n);
  });

  it('fault: NotLeader and Unavailable on appends reach the client as the errors a cluster sends', async () => {
    const s = `nl-${randomUUID()}`;
    fake.faults.appends.push('not-leader', 'unavailable');
    const first = await client
      .appendToStream(s, [json()], { streamState: NO_STREAM })
      .catch((e) => e);
    expect(first.constructor.name).toBe('NotLeaderError');
    expect(first.leader).toEqual({ address: '127.0.0.1', port: fake.address.port });
    const second = await client
      .appendToStream(s, [json()], { streamState: NO_STREAM })
      .catch((e) => e);
    expect(second).toBeInstanceOf(UnavailableError);
    expect(fake.log.stream(s)).toHaveLength(0);
  });
});

function sysEvent() {
  return {
    id: randomUUID(),
    type: '$statsCollected',
    contentType: 'application/json',
    data: Buffer.from('{}'),
    metadata: new Uint8Array(),
  };
}

async function waitUntil(ok: () => boolean) {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
}
