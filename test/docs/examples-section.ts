import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print } from 'graphql';
import { analystExamples } from '../../src/graphql/examples.js';
import { ROOT, read } from './markdown.js';

/**
 * The section of docs/analysts.md that lists GraphiQL's saved examples, generated from
 * src/graphql/examples.ts so the two cannot drift. `npx tsx test/docs/examples-section.ts --write`
 * rewrites it (then Biome formats the file, queries included);
 * test/docs/analyst-examples.test.ts fails while the section differs from the examples.
 */
export const ANALYSTS = 'docs/analysts.md';
export const BEGIN =
  '<!-- BEGIN analyst-examples (generated from src/graphql/examples.ts; do not edit by hand) -->';
export const END = '<!-- END analyst-examples -->';

/** The comment lines on top of a saved query: Indonesian first, then English. */
function labels(query: string): { indonesian: string; english: string } {
  const comments = query
    .split('\n')
    .filter((line) => line.startsWith('#'))
    .map((line) => line.replace(/^#\s*/, '').trim());
  return { indonesian: comments[0] ?? '', english: comments[1] ?? comments[0] ?? '' };
}

export function renderSection(): string {
  const parts = analystExamples.map((example) => {
    const query = (example.query ?? '').trimEnd();
    const { indonesian, english } = labels(query);
    const variables = example.variables
      ? `\nWith the variables\n\n\`\`\`json\n${example.variables}\n\`\`\`\n`
      : '';
    return `### ${english}\n\n_${indonesian}_\n\n\`\`\`graphql\n${query}\n\`\`\`\n${variables}`;
  });
  return `${BEGIN}\n\n${parts.join('\n')}\n${END}`;
}

/** The section as it stands in docs/analysts.md, or undefined without both markers. */
export function currentSection(markdown: string): string | undefined {
  const start = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (start === -1 || end === -1 || end < start) return undefined;
  return markdown.slice(start, end + END.length);
}

export function withSection(markdown: string): string {
  const current = currentSection(markdown);
  if (current === undefined) throw new Error(`${ANALYSTS} lacks the markers ${BEGIN} … ${END}`);
  return markdown.replace(current, () => renderSection());
}

/**
 * What a saved query says, whatever its layout: its comment lines and its document as graphql-js
 * prints it (Biome reformats the queries inside the guide's code blocks).
 */
export function normalized(query: string): string {
  const comments = query.split('\n').filter((line) => line.trimStart().startsWith('#'));
  return [...comments.map((line) => line.trim()), print(parse(query))].join('\n');
}

if (process.argv.includes('--write')) {
  writeFileSync(join(ROOT, ANALYSTS), withSection(read(ANALYSTS)));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', ANALYSTS], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  console.log(`${ANALYSTS}: ${analystExamples.length} examples written`);
}
