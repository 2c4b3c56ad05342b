/**
 * Idempotency keys held by the log itself, on every store: two write sides over one store, each
 * without memory or a read model of the keys used (as two instances, the second one's read model
 * not caught up), must store a keyed request once and refuse another request with the key. The
 * embedded store decides by its log-wide event ids, KurrentDB (here the FAKE server of
 * test/support/kurrentdb-fake) by a claim stream per key (src/application/idempotency-claims.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, Commands, type MilestoneLocator } from '../../src/application/commands.js';
import { CLAIM_TYPE } from '../../src/application/idempotency-claims.js';
import { Regions } from '../../src/application/regions.js';
import { KurrentDbEventStore } from '../../src/eventstore/kurrentdb.js';
import type { EventStore } from '../../src/eventstore/port.js';
import { SqliteEventStore } from '../../src/eventstore/sqlite.js';
import { createLogger } from '../../src/log.js';
import { type FakeKurrentDb, startFakeKurrentDb } from '../support/kurrentdb-fake/index.js';
import { readAllPages } from './support/helpers.js';

const admin: Actor = { id: 'token:admin', role: 'ADMIN' };
/** A write side that knows no milestone or visit from a read model. */
const unknown: MilestoneLocator = {
  locateMilestone: () => undefined,
  visitIdsOfAdoption: () => [],
};
const MPP = 'banyuwangi-mal-pelayanan-publik';
const milestone = (over: Record<string, unknown>) => ({
  adopterCode: '16.04',
  innovationId: MPP,
  kind: 'REGULATION_ENACTED',
  occurredOn: '2024-02-02',
  ...over,
});
const visit = (over: Record<string, unknown>) => ({
  hostCode: '35.10',
  visitorCode: '76.01',
  startDate: '2019-02-25',
  endDate: '2019-02-27',
  delegationSize: 60,
  leader: 'Bupati Pasangkayu',
  innovationIds: [MPP],
  ...over,
});

/**
 * Wraps a store so that the first append to a stream named `prefix…` fails as a crashed instance
 * would leave it: nothing of that append is written, and the instance answers nothing.
 */
function dyingOnce(store: EventStore, prefix: string): EventStore {
  let died = false;
  return {
    eventIdScope: store.eventIdScope,
    append(stream, events, options) {
      if (!died && stream.startsWith(prefix)) {
        died = true;
        return Promise.reject(new Error('the instance died before its events were appended'));
      }
      return store.append(stream, events, options);
    },
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    close: async () => undefined,
  };
}

function idempotencyContract(
  name: string,
  open: () => Promise<EventStore>,
  close: () => Promise<void>,
) {
  describe(`idempotency keys held by the log: ${name}`, () => {
    let store: EventStore;
    let regions: Regions;
    const writeSide = (over: EventStore = store) => new Commands(over, regions, unknown);
    const stored = async (key: string) =>
      (await readAllPages(store)).filter(
        (e) => (e.metadata.idempotency as { key?: string } | undefined)?.key === key,
      );

    beforeAll(async () => {
      store = await open();
      regions = await Regions.load();
      await writeSide().registerInnovation(
        { originCode: '35.10', name: 'Mal Pelayanan Publik', id: MPP },
        admin,
      );
    });
    afterAll(close);

    it('a retry on another write side answers the first result and stores nothing', async () => {
      const input = milestone({ idempotencyKey: 'retry-elsewhere' });
      const first = await writeSide().reportMilestone(input, admin);
      const head = await store.headPosition();
      const again = await writeSide().reportMilestone(input, admin);
      expect(again).toEqual(first);
      expect(await store.headPosition()).toBe(head);
      expect(await stored('retry-elsewhere')).toHaveLength(1);
    });

    it('another request with the key is refused on another write side, even for another stream', async () => {
      await writeSide().reportMilestone(
        milestone({ occurredOn: '2024-02-12', idempotencyKey: 'one-key' }),
        admin,
      );
      const head = await store.headPosition();
      // Another adopter: another stream, where the first request's events are not.
      await expect(
        writeSide().reportMilestone(
          milestone({ adopterCode: '33.22', occurredOn: '2024-02-12', idempotencyKey: 'one-key' }),
          admin,
        ),
      ).rejects.toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
      expect(await store.headPosition()).toBe(head);
      expect(await stored('one-key')).toHaveLength(1);
    });

    it('the same request meant for another stream by now (its visit retracted) is stored once', async () => {
      const input = visit({ idempotencyKey: 'visit-then-retracted' });
      const first = await writeSide().reportStudyVisit(input, admin);
      const { visitId } = first.result as { visitId: string };
      await writeSide().retractStudyVisit({ visitId, reason: 'dilaporkan keliru' }, admin);
      const head = await store.headPosition();
      const again = writeSide().reportStudyVisit(input, admin);
      if (store.eventIdScope === 'log')
        // The retry's events would reuse the first one's ids: refused, nothing stored (the
        // instance's own read model answers such a retry before it reaches the store).
        await expect(again).rejects.toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
      // The claim names the first visit's stream, which holds the events: its answer.
      else expect(await again).toEqual({ result: { visitId }, position: first.position });
      expect(await store.headPosition()).toBe(head);
      expect(await stored('visit-then-retracted')).toHaveLength(1);
    });

    it('an instance dying between claim and events leaves the retry neither stuck nor doubled', async () => {
      const input = milestone({ occurredOn: '2024-03-03', idempotencyKey: 'died-before-events' });
      await expect(
        writeSide(dyingOnce(store, 'adoption-')).reportMilestone(input, admin),
      ).rejects.toThrow(/died before its events/);
      expect(await stored('died-before-events')).toHaveLength(0);
      const retried = await writeSide().reportMilestone(input, admin);
      const again = await writeSide().reportMilestone(input, admin);
      expect(again).toEqual(retried);
      expect(await stored('died-before-events')).toHaveLength(1);
      const claims = (await readAllPages(store)).filter(
        (e) => e.type === CLAIM_TYPE && (e.data as { key: string }).key === 'died-before-events',
      );
      expect(claims).toHaveLength(store.eventIdScope === 'log' ? 0 : 1);
    });

    it('the same request on two write sides at once stores once and answers both alike', async () => {
      const input = milestone({ occurredOn: '2024-04-04', idempotencyKey: 'both-at-once' });
      const [a, b] = await Promise.all([
        writeSide().reportMilestone(input, admin),
        writeSide().reportMilestone(input, admin),
      ]);
      expect(b).toEqual(a);
      expect(await stored('both-at-once')).toHaveLength(1);
    });

    it('two requests with one key on two write sides at once: one stored, the other refused', async () => {
      const outcomes = await Promise.allSettled([
        writeSide().reportMilestone(
          milestone({ occurredOn: '2024-05-05', idempotencyKey: 'raced' }),
          admin,
        ),
        writeSide().reportMilestone(
          milestone({ adopterCode: '36.02', occurredOn: '2024-05-05', idempotencyKey: 'raced' }),
          admin,
        ),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
      expect(await stored('raced')).toHaveLength(1);
    });
  });
}

let dir = '';
let sqlite: SqliteEventStore;
idempotencyContract(
  'SQLite',
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'replika-keys-'));
    sqlite = new SqliteEventStore(join(dir, 'events.db'));
    return sqlite;
  },
  async () => {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  },
);

let fake: FakeKurrentDb;
let kurrent: KurrentDbEventStore;
idempotencyContract(
  'KurrentDB (fake server)',
  async () => {
    fake = await startFakeKurrentDb();
    kurrent = new KurrentDbEventStore(fake.url, { logger: createLogger('warn') });
    return kurrent;
  },
  async () => {
    await kurrent.close();
    await fake.stop();
  },
);
