import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { workbenchDir } from '../../src/http/workbench.js';
import { ensureWorkbenchBuilt } from './support/browser.js';

/** The overview page's initial JavaScript stays small enough for a slow regional connection. */
const BUDGET_BYTES = 250 * 1024;

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

let manifest: Record<string, Chunk>;
beforeAll(async () => {
  await ensureWorkbenchBuilt();
  manifest = JSON.parse(readFileSync(join(workbenchDir(), '.vite', 'manifest.json'), 'utf8'));
}, 180_000);

const gzipped = (file: string) =>
  gzipSync(readFileSync(join(workbenchDir(), file)), { level: 9 }).length;

/** A chunk and every chunk it imports statically. */
function closure(key: string, files = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}

/** The entry chunk and every chunk it imports statically: what the browser loads before drawing. */
function initialFiles(): string[] {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  return [...closure(entry[0])];
}

describe('the workbench bundle', () => {
  it('loads at most 250 KB of gzipped JavaScript before the overview page draws', () => {
    const files = initialFiles().filter((file) => file.endsWith('.js'));
    const sizes = Object.fromEntries(files.map((file) => [file, gzipped(file)]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    const lazy = Object.values(manifest)
      .filter((chunk) => chunk.file.endsWith('.js') && !files.includes(chunk.file))
      .map((chunk) => `${chunk.file} ${(gzipped(chunk.file) / 1024).toFixed(1)} KB`);
    console.log(
      `overview initial JS: ${(total / 1024).toFixed(1)} KB gzipped (${files.join(', ')}); loaded later: ${lazy.join(', ')}`,
    );
    expect(files.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('measures each page’s JavaScript before it draws (the entry, its page chunk and their imports)', () => {
    const pages = Object.keys(manifest).filter((key) => /src\/pages\/\w+\.tsx$/.test(key));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const sizes = pages.map((key) => {
      const files = closure(key, new Set(initialFiles()));
      const js = [...files].filter((file) => file.endsWith('.js'));
      return `${key.replace(/.*\//, '')} ${(js.reduce((a, f) => a + gzipped(f), 0) / 1024).toFixed(1)} KB`;
    });
    console.log(
      `initial JS per page, gzipped: ${sizes.join(', ')} (the network library loads later, when its panel draws)`,
    );
    for (const size of sizes)
      expect(Number(size.split(' ')[1])).toBeLessThanOrEqual(BUDGET_BYTES / 1024);
  });

  it('keeps the network library out of the overview page', () => {
    const initial = initialFiles().join(' ');
    expect(initial).not.toMatch(/cytoscape/);
    expect(Object.values(manifest).some((chunk) => /cytoscape/.test(chunk.file))).toBe(true);
  });
});
