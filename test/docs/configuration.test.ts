import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config.js';
import { read } from './markdown.js';

/**
 * docs/operations.md's configuration table lists every variable of the configuration schema
 * (src/config.ts), one per row, with the schema's default, and nothing the schema does not know.
 */
const OPERATIONS = 'docs/operations.md';

function table(): Map<string, string> {
  const markdown = read(OPERATIONS);
  const start = markdown.indexOf('\n## Configuration\n');
  expect(start, `${OPERATIONS} has no "## Configuration" section`).toBeGreaterThan(-1);
  const section = markdown.slice(start + 1).split(/\n## /)[0] ?? '';
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([A-Z][A-Z0-9_]*)`$/.exec(cells[1] ?? '')?.[1];
    if (name) rows.set(name, (cells[2] ?? '').replace(/`/g, ''));
  }
  return rows;
}

describe('the configuration reference in docs/operations.md', () => {
  const rows = table();
  const defaults = ConfigSchema.parse({}) as Record<string, unknown>;
  const variables = Object.keys(ConfigSchema.shape);

  it('lists every variable of the schema, and only those', () => {
    expect([...rows.keys()].sort()).toEqual([...variables].sort());
  });

  it("gives each variable the schema's default", () => {
    for (const name of variables) {
      const value = defaults[name];
      // Optional settings without a default read "—", or say what happens instead ("generated");
      // an empty default (a list of none) reads "empty".
      const expected = Array.isArray(value) ? value.join(',') : value;
      const documented = rows.get(name);
      if (expected === undefined) expect(documented, name).toMatch(/^(—|generated)$/);
      else if (expected === '') expect(documented, name).toBe('empty');
      else expect(documented?.replace(/[,_]/g, ''), name).toBe(String(expected));
    }
  });
});
