import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type RecordedBrowser, screenshotPath } from '../browser/support/browser.js';
import { codeBlocks, documents, read } from './markdown.js';

/**
 * Every ```mermaid block of the docs renders in Debian's Chromium with the `mermaid` package from
 * node_modules (no network: the page is about:blank and any request leaving it is refused), as
 * GitHub would render it. A block that does not parse or render fails with its file and line;
 * each rendered diagram is saved as test-results/mermaid-<file>-<line>.png for a person to look
 * at.
 */
const require = createRequire(import.meta.url);
const MERMAID = require.resolve('mermaid/dist/mermaid.min.js');

interface Diagram {
  doc: string;
  line: number;
  source: string;
}

const diagrams: Diagram[] = documents().flatMap((doc) =>
  codeBlocks(read(doc))
    .filter((block) => block.lang === 'mermaid')
    .map((block) => ({ doc, line: block.line, source: block.body })),
);

let browser: RecordedBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launch({ viewport: { width: 1400, height: 900 } });
  page = await browser.context.newPage();
  await page.setContent(
    '<!doctype html><html><body style="margin:0;background:#fff"></body></html>',
  );
  await page.addScriptTag({ path: MERMAID });
  await page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: mermaid's bundle is a global
    (window as any).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  });
}, 120_000);

afterAll(() => browser?.close(), 60_000);

/** Renders one diagram into the page; answers the error mermaid raised, or null. */
async function render(source: string, id: string): Promise<string | null> {
  return page.evaluate(
    async ({ source, id }) => {
      // biome-ignore lint/suspicious/noExplicitAny: mermaid's bundle is a global
      const mermaid = (window as any).mermaid;
      document.body.replaceChildren();
      try {
        await mermaid.parse(source);
        const { svg } = await mermaid.render(id, source);
        const figure = document.createElement('figure');
        figure.id = 'figure';
        // GitHub draws a diagram at most as wide as its text column (about 830 px), scaled down.
        figure.style.cssText = 'width:830px;margin:0;padding:16px;background:#fff';
        figure.innerHTML = svg;
        document.body.append(figure);
        return null;
      } catch (error) {
        return String((error as Error)?.message ?? error);
      }
    },
    { source, id },
  );
}

/** The file's line of mermaid's "Parse error on line N" (N counts from the fence's next line). */
function fileLine(fence: number, error: string): number {
  const inBlock = /on line (\d+)/.exec(error)?.[1];
  return inBlock === undefined ? fence : fence + Number(inBlock);
}

/** The texts a diagram's source asks to be drawn: participants, messages, notes, nodes, edges. */
function labels(source: string): string[] {
  const sequence = [
    /^\s*(?:participant|actor)\s+\S+\s+as\s+(.+)$/gm,
    /^\s*\S+\s*-{1,2}[>x)]{1,2}[+-]?\s*\S+\s*:\s*(.+)$/gm,
    /^\s*Note\s+(?:over|left of|right of)\s+[^:]+:\s*(.+)$/gm,
  ];
  const flowchart = [
    /\[\(?"([^"]+)"\)?\]/g, // A["label"], A[("label")]
    /\[\(([^")\n]+)\)\]/g, // A[(label)]
    /\[([^"(\]\n][^"\]\n]*)\]/g, // A[label]
    /\|"([^"]+)"\|/g, // -->|"label"|
    /[-=.>ox]\|([^"|\n]+)\|/g, // -->|label|
  ];
  const patterns = /^\s*sequenceDiagram/.test(source) ? sequence : flowchart;
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1] ?? ''));
}

/** Text without markup or white space, to compare a label with what the SVG draws. */
const squeeze = (text: string) =>
  text
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');

describe('Mermaid diagrams in the documentation', { timeout: 120_000 }, () => {
  it('finds the diagrams (architecture.md has a command’s and an event’s journey)', () => {
    expect(diagrams.filter((d) => d.doc === 'docs/architecture.md').length).toBeGreaterThan(1);
  });

  it('names the file and line of a diagram that does not parse', async () => {
    const error = await render('sequenceDiagram\n    A->>B: fine\n    A->>: no target', 'broken');
    expect(error).toMatch(/parse error on line 3/i);
    expect(fileLine(68, error ?? '')).toBe(71);
  });

  it('reads the labels a diagram asks to draw', () => {
    expect(
      labels(
        'sequenceDiagram\n    participant C as Client\n    C->>H: POST /graphql\n    Note over C,H: once',
      ),
    ).toEqual(['Client', 'POST /graphql', 'once']);
    expect(labels('flowchart TB\n    A["<b>log</b>"] -->|"append"| B[("read model")]')).toEqual([
      '<b>log</b>',
      'read model',
      'append',
    ]);
    expect(labels('flowchart LR\n    A[append] -->|to| L[(event log)]')).toEqual([
      'event log',
      'append',
      'to',
    ]);
  });

  for (const { doc, line, source } of diagrams) {
    it(`${doc}:${line} renders`, async () => {
      const error = await render(source, `diagram-${line}`);
      expect(error === null ? [] : [`${doc}:${fileLine(line, error)}: ${error}`]).toEqual([]);
      await page
        .locator('#figure')
        .screenshot({ path: screenshotPath(`mermaid-${doc.replace(/\W+/g, '-')}-${line}`) });
      const svg = page.locator('#figure svg');
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      expect(box?.height ?? 0).toBeGreaterThan(50);
      // Every label the source names is drawn (a diagram that renders but drops text is wrong).
      const drawn = squeeze((await svg.textContent()) ?? '');
      const labelsOf = labels(source);
      expect(labelsOf.length).toBeGreaterThan(2);
      expect(labelsOf.filter((label) => !drawn.includes(squeeze(label)))).toEqual([]);
      expect(browser.outside()).toEqual([]);
    });
  }
});
