import { describe, expect, it } from 'vitest';
import { analystExamples } from '../../src/graphql/examples.js';
import { ANALYSTS, currentSection, normalized, renderSection } from './examples-section.js';
import { codeBlocks, read } from './markdown.js';

/**
 * GraphiQL's saved examples and the analysts' guide come from one source,
 * src/graphql/examples.ts: the guide's section is generated from it (and formatted by Biome).
 */
const STALE = `${ANALYSTS} is stale: run npx tsx test/docs/examples-section.ts --write`;

describe('the GraphiQL examples in docs/analysts.md', () => {
  const section = currentSection(read(ANALYSTS)) ?? '';

  it('has the generated section', () => {
    expect(section, `${ANALYSTS} lacks the analyst-examples markers`).not.toBe('');
  });

  it('shows every saved query, in order, and nothing else', () => {
    const shown = codeBlocks(section)
      .filter((b) => b.lang === 'graphql')
      .map((b) => normalized(b.body));
    const saved = analystExamples.map((e) => normalized(e.query ?? ''));
    expect(saved.length).toBeGreaterThan(0);
    expect(shown, STALE).toEqual(saved);
  });

  it('shows the same headings and variables as the generated section', () => {
    const outline = (markdown: string) =>
      markdown
        .split('\n')
        .filter((line) => line.startsWith('### ') || line.startsWith('_'))
        .join('\n');
    const json = (markdown: string) =>
      codeBlocks(markdown)
        .filter((b) => b.lang === 'json')
        .map((b) => JSON.parse(b.body));
    expect(outline(section), STALE).toBe(outline(renderSection()));
    expect(json(section), STALE).toEqual(json(renderSection()));
  });
});
