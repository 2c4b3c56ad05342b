import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { type DomainEventType, eventSchemas } from '../src/domain/events.js';
import { physicalTable } from '../src/read-model/versions.js';
import type { ProjectedEvent, Projection } from './projection.js';

/** An event as a spec writes it: type, payload and, when it matters, metadata. */
export interface SpecEvent {
  type: DomainEventType;
  data: unknown;
  metadata?: Record<string, unknown>;
}

type Row = Record<string, unknown>;

/**
 * Given/when/then for projections, over a real in-memory SQLite database:
 * `projectionSpec(p).given(events).when(events).thenRows(table, rows)`. Events are decoded as the
 * projector decodes them and get positions 1, 2, … and a recordedAt one second apart from
 * 2026-01-01T00:00:00Z. `thenRows` compares the table's rows (only the columns the expected rows
 * name, ordered by them) with `rows`; `thenQuery` compares the rows of any SELECT.
 */
export function projectionSpec(projection: Projection) {
  return {
    given(history: SpecEvent[] = []) {
      return {
        when(events: SpecEvent[] = []) {
          const db = new Database(':memory:');
          const t = physicalTable(projection);
          projection.migrate(db, t);
          projection.readIndexes?.(db, t);
          const apply = projection.prepare(db, t);
          const handles = new Set<string>(projection.handles);
          [...history, ...events].forEach((event, i) => {
            if (handles.has(event.type)) db.transaction(() => apply(recorded(event, i + 1)))();
          });
          const rowsOf = (sql: string) => db.prepare(sql).all() as Row[];
          return {
            thenRows(table: string, expected: Row[]) {
              const columns = Object.keys(expected[0] ?? {});
              const list = columns.length ? columns.join(', ') : '*';
              const order = columns.length ? ` ORDER BY ${list}` : '';
              expect(rowsOf(`SELECT ${list} FROM ${t(table)}${order}`)).toEqual(expected);
              return this;
            },
            /** `sql` names physical tables through `t`, e.g. `` t => `SELECT … FROM ${t('milestones')}` ``. */
            thenQuery(sql: (t: (logical: string) => string) => string, expected: Row[]) {
              expect(rowsOf(sql(t))).toEqual(expected);
              return this;
            },
          };
        },
      };
    },
  };
}

function recorded(event: SpecEvent, position: number): ProjectedEvent {
  return {
    id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    type: event.type,
    data: eventSchemas[event.type].parse(event.data),
    metadata: event.metadata ?? { actor: 'spec' },
    streamName: 'spec',
    revision: 0n,
    position: BigInt(position),
    recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, position)),
  } as ProjectedEvent;
}

/** The recordedAt `projectionSpec` gives the event at `position`. */
export const recordedAt = (position: number) =>
  new Date(Date.UTC(2026, 0, 1, 0, 0, position)).toISOString();

/** Sample events of the Banyuwangi story, for the specs. */
export const sample = {
  mpp: {
    type: 'InnovationRegistered',
    data: {
      innovationId: 'banyuwangi-mal-pelayanan-publik',
      originCode: '35.10',
      name: 'Mal Pelayanan Publik',
      category: 'PUBLIC_SERVICE',
      digital: false,
      launchedOn: '2017-10-06',
      evidence: [],
    },
  },
  visit: (visitId: string, innovationIds: string[]) => ({
    type: 'StudyVisitReported' as const,
    data: {
      visitId,
      hostCode: '35.10',
      visitorCode: '16.04',
      startDate: '2019-02-25',
      endDate: '2019-02-27',
      delegationSize: 14,
      leader: 'Bupati Lahat',
      sites: [{ name: 'Mal Pelayanan Publik' }],
      innovationIds,
      evidence: [],
    },
  }),
  milestone: (milestoneId: string, kind: string, occurredOn: string) => ({
    type: 'MilestoneReported' as const,
    data: {
      milestoneId,
      adopterCode: '16.04',
      innovationId: 'banyuwangi-mal-pelayanan-publik',
      originCode: '35.10',
      kind,
      occurredOn,
      evidence: [],
    },
  }),
} satisfies Record<string, SpecEvent | ((...args: never[]) => SpecEvent)>;
