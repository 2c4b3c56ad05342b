import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EARLIEST_REPORTED_DATE,
  isCalendarDate,
  normalizeText,
  ReportedDate,
} from '../../src/domain/shared/values.js';
import { DateTimeScalar } from '../../src/graphql/scalars.js';
import { startServer, type TestServer } from '../support/server.js';

/**
 * Properties of the text and date rules of issue 10, over the pure rules and through the API:
 * text is normalised one way (what is stored is what is read back, nothing invisible, no lone
 * surrogate), DateTime accepts exactly the real instants, and reported dates start at regional
 * autonomy and not before the innovation's launch (Smart Kampung: launchedOn 2016-05-31).
 */
const SMART_KAMPUNG_LAUNCH = '2016-05-31';
const RUNS = Number(process.env.REPLIKA_PROPERTY_RUNS ?? 40);
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text with the troublesome characters mixed in: marks, formatting, surrogate halves, accents. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.constantFrom(
        '\u200b',
        '\u200c',
        '\u200d',
        '\u2060',
        '\ufeff',
        '\u00ad',
        '\u202e',
        '\u202a',
        '\u2066',
        '\u2069',
        '\u200f',
        '\ud800',
        '\udfff',
        'e\u0301',
        ' ',
        'Kota',
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('text normalisation (pure)', () => {
  it('is idempotent and leaves nothing invisible, no lone surrogate, NFC, trimmed', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const n = normalizeText(s);
        expect(normalizeText(n)).toBe(n);
        expect(INVISIBLE.test(n)).toBe(false);
        expect(LONE.test(n)).toBe(false);
        expect(n.normalize('NFC')).toBe(n);
        expect(n).toBe(n.trim());
        // Well-formed: it survives a UTF-8 round trip unchanged (as SQLite stores it).
        expect(Buffer.from(n, 'utf8').toString('utf8')).toBe(n);
      }),
      { numRuns: RUNS * 10 },
    );
  });
});

describe('DateTime (pure)', () => {
  const part = (max: number, width = 2) =>
    fc.integer({ min: 0, max }).map((n) => String(n).padStart(width, '0'));
  const instant = fc.record({
    y: part(2100, 4).filter((y) => y >= '1970'),
    mo: part(13),
    d: part(32),
    h: part(25),
    mi: part(61),
    s: part(61),
    zone: fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), part(15), part(61))
        .map(([sign, h, m]) => `${sign}${h}:${m}`),
    ),
  });

  it('accepts exactly the real instants, and answers them in UTC at the same moment', () => {
    fc.assert(
      fc.property(instant, ({ y, mo, d, h, mi, s, zone }) => {
        const text = `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
        const [oh, om] = zone === 'Z' ? [0, 0] : zone.slice(1).split(':').map(Number);
        const real =
          isCalendarDate(`${y}-${mo}-${d}`) &&
          Number(h) <= 23 &&
          Number(mi) <= 59 &&
          Number(s) <= 59 &&
          (oh ?? 0) * 60 + (om ?? 0) <= 14 * 60 &&
          (om ?? 0) <= 59;
        let parsed: string | undefined;
        try {
          parsed = DateTimeScalar.parseValue(text) as string;
        } catch {
          parsed = undefined;
        }
        expect(parsed !== undefined).toBe(real);
        if (parsed !== undefined) expect(Date.parse(parsed)).toBe(Date.parse(text));
      }),
      { numRuns: RUNS * 25 },
    );
  });
});

describe('reported dates (pure)', () => {
  it('start at regional autonomy: earlier real dates are refused, later ones accepted', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1800-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(ReportedDate.safeParse(iso).success).toBe(iso >= EARLIEST_REPORTED_DATE);
        },
      ),
      { numRuns: RUNS * 10 },
    );
  });
});

describe('through the API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.destroy());

  const VISIT = `mutation($input: ReportStudyVisitInput!) { reportStudyVisit(input: $input) { id leader note } }`;
  let n = 0;

  it('stores text normalised, reads it back as stored, or refuses it naming the field', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (leader, note) => {
        n++;
        const before = await server.head();
        const day = new Date(Date.UTC(2017, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        const response = await server.gql<{
          reportStudyVisit: { leader: string; note: string | null };
        }>(VISIT, {
          input: {
            hostCode: '35.10',
            visitorCode: '73.71',
            startDate: day,
            endDate: day,
            delegationSize: 3,
            leader,
            note,
            innovationIds: ['banyuwangi-smart-kampung'],
          },
        });
        expect(response.status).toBe(200);
        if (response.errors) {
          expect(response.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
          expect(['leader', 'note']).toContain(response.errors[0]?.extensions?.field);
          expect(await server.head()).toBe(before);
          return;
        }
        const read = response.data?.reportStudyVisit;
        expect(read?.leader).toBe(normalizeText(leader));
        expect(read?.note ?? '').toBe(normalizeText(note));
        const [stored] = await server.replika.store.readAll({ after: before, maxCount: 1 });
        expect(stored?.data).toMatchObject({ leader: read?.leader });
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('refuses milestones and visits dated before the innovation was launched, store unchanged', async () => {
    const launch = new Date(`${SMART_KAMPUNG_LAUNCH}T00:00:00Z`).getTime();
    await fc.assert(
      fc.asyncProperty(
        fc.date({
          min: new Date(EARLIEST_REPORTED_DATE),
          max: new Date(launch - 86_400_000),
          noInvalidDate: true,
        }),
        fc.constantFrom('INTEREST_DECLARED', 'AGREEMENT_SIGNED', 'SERVICE_LAUNCHED'),
        async (early, kind) => {
          const day = early.toISOString().slice(0, 10);
          const before = await server.head();
          const milestone = await server.gql(
            `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }`,
            {
              input: {
                adopterCode: '73.71',
                innovationId: 'banyuwangi-smart-kampung',
                kind,
                occurredOn: day,
              },
            },
          );
          expect(milestone.errors?.[0]?.extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            field: 'occurredOn',
          });
          const visit = await server.gql(VISIT, {
            input: {
              hostCode: '35.10',
              visitorCode: '73.71',
              startDate: day,
              endDate: new Date(launch).toISOString().slice(0, 10),
              delegationSize: 3,
              leader: 'Kepala Bappeda',
              innovationIds: ['banyuwangi-smart-kampung'],
            },
          });
          expect(visit.errors?.[0]?.extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            field: 'startDate',
          });
          expect(await server.head()).toBe(before);
        },
      ),
      { numRuns: RUNS },
    );
    // On the day of the launch both are accepted.
    const onTheDay = await server.gql(
      `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }`,
      {
        input: {
          adopterCode: '73.72',
          innovationId: 'banyuwangi-smart-kampung',
          kind: 'INTEREST_DECLARED',
          occurredOn: SMART_KAMPUNG_LAUNCH,
        },
      },
    );
    expect(onTheDay.errors).toBeUndefined();
  }, 120_000);

  it('refuses impossible DateTime values and early reported dates with the field named', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('1890-01-01'), max: new Date('2000-12-31'), noInvalidDate: true }),
        fc.constantFrom('02-30', '02-31', '04-31', '13-01', '00-10'),
        async (early, impossible) => {
          const occurredOn = early.toISOString().slice(0, 10);
          const milestone = await server.gql(
            `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }`,
            {
              input: {
                adopterCode: '73.71',
                innovationId: 'banyuwangi-smart-kampung',
                kind: 'INTEREST_DECLARED',
                occurredOn,
              },
            },
          );
          expect(milestone.errors?.[0]?.extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            field: 'occurredOn',
          });
          const knownAt = `2019-${impossible}T00:00:00Z`;
          const query = await server.gql(
            'query($k: DateTime) { adoptions(knownAt: $k) { totalCount } }',
            { k: knownAt },
          );
          expect(query.status).toBe(200);
          expect(query.errors?.[0]?.extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            field: 'k',
          });
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});
