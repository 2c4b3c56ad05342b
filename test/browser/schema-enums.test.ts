import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { schemaEnumsSource } from '../../web/build/schema-enums.js';

/**
 * The workbench's stage list, milestone kinds, modes, evidence kinds and verification choices are
 * generated from schema.graphql (web/build/schema-enums.ts, run by every `npm run build:web`):
 * the committed module must be what the schema gives, so the two cannot drift.
 */
describe('the workbench’s enums come from schema.graphql', () => {
  const root = projectRoot();
  const committed = readFileSync(join(root, 'web/src/lib/schema-enums.ts'), 'utf8');
  const generated = schemaEnumsSource(join(root, 'schema.graphql'));

  it('the committed constants are the schema’s (run npm run build:web when this fails)', () => {
    expect(committed).toBe(generated);
  });

  it('lists the seven stages in the schema’s order, and no stage list is written by hand', () => {
    expect(generated).toContain(
      "export const AdoptionStage = [\n  'INTERESTED',\n  'STUDIED',\n  'AGREED',\n  'REGULATED',\n  'FUNDED',\n  'PILOTING',\n  'OPERATIONAL',\n] as const;",
    );
    const domain = readFileSync(join(root, 'web/src/lib/domain.ts'), 'utf8');
    expect(domain).not.toMatch(/'INTERESTED'/);
    expect(domain).toContain("from './schema-enums'");
  });
});
