import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor, Commands } from '../../src/application/commands.js';
import { Regions } from '../../src/application/regions.js';
import { loadDemo } from '../../src/demo/banyuwangi.js';
import type { Gazetteer, KnownInnovation } from '../../src/news/gazetteer.js';
import { loadGazetteer } from '../../src/news/idn-gazetteer.js';
import { projectRoot } from '../../src/paths.js';

/** What loadDemo hands to each command, in order: the demo story as inputs. */
export interface DemoInputs {
  innovations: Array<Record<string, unknown> & { id: string; name: string; originCode: string }>;
  visits: Array<Record<string, unknown>>;
  milestones: Array<Record<string, unknown>>;
}

/** Runs loadDemo against a recorder of its command inputs (nothing is stored). */
export async function demoInputs(): Promise<DemoInputs> {
  const recorded: DemoInputs = { innovations: [], visits: [], milestones: [] };
  const done = async () => ({ position: 0n });
  const recorder = {
    registerInnovation: async (input: DemoInputs['innovations'][number], _: Actor) => {
      recorded.innovations.push(input);
      return done();
    },
    reportStudyVisit: async (input: Record<string, unknown>) => {
      recorded.visits.push(input);
      return done();
    },
    reportMilestone: async (input: Record<string, unknown>) => {
      recorded.milestones.push(input);
      return done();
    },
  };
  await loadDemo(recorder as unknown as Commands);
  return recorded;
}

/** The demo's registered innovations, as the extractor takes them. */
export async function demoInnovations(): Promise<KnownInnovation[]> {
  return (await demoInputs()).innovations.map(({ id, name, originCode }) => ({
    id,
    name,
    originCode,
  }));
}

export async function realWorld(): Promise<{ regions: Regions; gazetteer: Gazetteer }> {
  const regions = await Regions.load();
  return { regions, gazetteer: await loadGazetteer(regions) };
}

/**
 * The seed report lives beside the project (`../shared/seeds/` from the project root, or the
 * folder REPLIKA_SEEDS names), never in the repository: it is not ours to copy. Undefined when
 * that folder is not there.
 */
export const SEED_PATH = join(
  process.env.REPLIKA_SEEDS ?? join(projectRoot(), '..', 'shared', 'seeds'),
  'tribunnews-2019-02-25-pasangkayu-lahat-banyuwangi.txt',
);
export const seedText = (): string | undefined =>
  existsSync(SEED_PATH) ? readFileSync(SEED_PATH, 'utf8') : undefined;
