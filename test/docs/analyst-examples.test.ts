import { describe, expect, it } from 'vitest';
import { analystExamples } from '../../src/graphql/examples.js';
import { ANALYSTS, currentSection, renderSection } from './examples-section.js';
import { codeBlocks, read } from './markdown.js';

/** GraphiQL's saved examples and the analysts' guide come from one source, src/graphql/examples.ts. */
describe('the GraphiQL examples in docs/analysts.md', () => {
  const markdown = read(ANALYSTS);

  it('is the section generated from src/graphql/examples.ts', () => {
    const section = currentSection(markdown);
    expect(section, `${ANALYSTS} lacks the analyst-examples markers`).toBeDefined();
    expect(section, `${ANALYSTS} is stale: run npx tsx test/docs/examples-section.ts --write`).toBe(
      renderSection(),
    );
  });

  it('shows every saved query verbatim in a GraphQL block', () => {
    const blocks = codeBlocks(markdown)
      .filter((b) => b.lang === 'graphql')
      .map((b) => b.body);
    expect(analystExamples.length).toBeGreaterThan(0);
    for (const example of analystExamples)
      expect(blocks).toContain((example.query ?? '').trimEnd());
  });
});
