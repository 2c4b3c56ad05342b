import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchors, documents, links, ROOT, read, slugify } from './markdown.js';

/** Every relative link in the docs points to a file that exists, and to a heading it has. */
describe('links in the documentation', () => {
  it('slugs headings as GitHub does', () => {
    expect(slugify("A command's journey")).toBe('a-commands-journey');
    expect(slugify('In the workbench: the _Berita_ page')).toBe('in-the-workbench-the-berita-page');
    expect(slugify('`MAX_QUERY_MS` and snake_case')).toBe('max_query_ms-and-snake_case');
    expect(slugify('Importing history: `replika import FILE.csv`')).toBe(
      'importing-history-replika-import-filecsv',
    );
    expect([...anchors('# Setup\n\n## Setup\n\n```sh\n# not a heading\n```\n')]).toEqual([
      'setup',
      'setup-1',
    ]);
  });

  for (const doc of documents()) {
    it(`${doc}: every relative link and anchor resolves`, () => {
      const broken: string[] = [];
      for (const { target, line } of links(read(doc))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:
        const [path = '', anchor] = target.split('#');
        const file = path === '' ? doc : normalize(join(dirname(doc), decodeURI(path)));
        if (file.startsWith('..') || !existsSync(join(ROOT, file))) {
          broken.push(`line ${line}: ${target} (no file ${file})`);
          continue;
        }
        if (anchor === undefined || anchor === '') continue;
        if (!file.endsWith('.md') || statSync(join(ROOT, file)).isDirectory()) continue;
        if (!anchors(read(file)).has(anchor))
          broken.push(`line ${line}: ${target} (no heading #${anchor} in ${file})`);
      }
      expect(broken).toEqual([]);
    });
  }
});
