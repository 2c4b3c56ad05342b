import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftFromReport } from '../../src/news/draft.js';
import type { Gazetteer, KnownInnovation } from '../../src/news/gazetteer.js';
import { demoInnovations, realWorld } from './support.js';

/** Our own study-visit reports (test/news/fixtures), each against its hand-worked answer. */
const dir = join(import.meta.dirname, 'fixtures');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''));

interface Expected {
  publishedOn: string;
  studyVisits: Array<{
    hostCode: string;
    visitorCode: string;
    startDate: string;
    endDate: string;
    delegationSize: number | null;
    leader: string | null;
    innovationIds: string[];
    villageCodes: string[];
    siteNames: string[];
    missing?: string[];
  }>;
  interests: Array<{ adopterCode: string; innovationId: string; occurredOn: string }>;
}

let gazetteer: Gazetteer;
let innovations: KnownInnovation[];
beforeAll(async () => {
  ({ gazetteer } = await realWorld());
  innovations = await demoInnovations();
});

describe('hand-written study-visit reports', () => {
  it('has a handful of them', () => expect(names.length).toBeGreaterThanOrEqual(4));

  for (const name of names)
    it(name, () => {
      const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
      const expected = JSON.parse(
        readFileSync(join(dir, `${name}.expected.json`), 'utf8'),
      ) as Expected;
      const draft = draftFromReport(
        { text, publishedOn: expected.publishedOn },
        { gazetteer, innovations },
      );
      expect(
        draft.studyVisits.map(({ input, missing }) => ({
          hostCode: input.hostCode,
          visitorCode: input.visitorCode,
          startDate: input.startDate,
          endDate: input.endDate,
          delegationSize: input.delegationSize,
          leader: input.leader,
          innovationIds: input.innovationIds,
          villageCodes: input.sites.flatMap((s) => (s.villageCode ? [s.villageCode] : [])),
          siteNames: input.sites.map((s) => s.name),
          ...(missing.length ? { missing } : {}),
        })),
      ).toEqual(expected.studyVisits);
      expect(
        draft.milestones.map(({ input }) => ({
          adopterCode: input.adopterCode,
          innovationId: input.innovationId,
          occurredOn: input.occurredOn,
        })),
      ).toEqual(expected.interests);
      // Every span quotes the report exactly.
      for (const p of [...draft.studyVisits, ...draft.milestones])
        for (const s of p.sources) expect(text.slice(s.start, s.end)).toBe(s.text);
    });
});
