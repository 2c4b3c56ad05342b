import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The repository's root (this file is test/docs/markdown.ts). */
export const ROOT = resolve(import.meta.dirname, '../..');

/** The documents the checks cover: README.md, CONTRIBUTING.md and every docs/*.md. */
export function documents(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join('docs', name));
  return ['README.md', 'CONTRIBUTING.md', ...docs];
}

export const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

export interface CodeBlock {
  /** The info string's first word, lower-cased (`graphql`, `sh`, …; '' when there is none). */
  lang: string;
  body: string;
  /** 1-based line of the opening fence. */
  line: number;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;

/** Fenced code blocks (CommonMark: ``` or ~~~, closed by a fence at least as long). */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', lang = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      const trimmed = line.trimStart();
      if (trimmed.startsWith(fence) && trimmed.slice(fence.length).trim() === '') break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    blocks.push({ lang: lang.toLowerCase(), body: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

/** The text outside fenced blocks and inline code, with line breaks kept (for line numbers). */
export function prose(markdown: string): string {
  const lines = markdown.split('\n');
  for (const block of codeBlocks(markdown)) {
    const end = block.line + block.body.split('\n').length + 1;
    for (let i = block.line - 1; i < end && i < lines.length; i++) lines[i] = '';
  }
  return lines.join('\n').replace(/(`+)[^`]*?\1/g, (code) => code.replace(/[^\n]/g, ' '));
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, -1, -2 on repeats. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  const text = markdown.split('\n');
  const outside = prose(markdown).split('\n');
  for (let i = 0; i < text.length; i++) {
    if (!/^#{1,6}\s/.test(outside[i] ?? '')) continue;
    const heading = (text[i] ?? '').replace(/^#{1,6}\s+/, '').replace(/\s+#*\s*$/, '');
    const slug = slugify(heading);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    result.add(n === 0 ? slug : `${slug}-${n}`);
  }
  for (const match of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) result.add(match[1] ?? '');
  return result;
}

export function slugify(heading: string): string {
  return (
    heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      // Emphasis markers are not text (`_Berita_`); an underscore inside a word is (`snake_case`).
      .replace(/\*/g, '')
      .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-')
  );
}

export interface Link {
  target: string;
  line: number;
}

/** Inline links and images outside code: `[text](target)` and `![alt](target)`. */
export function links(markdown: string): Link[] {
  const result: Link[] = [];
  const lines = prose(markdown).split('\n');
  lines.forEach((line, i) => {
    for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      result.push({ target: match[1] ?? '', line: i + 1 });
  });
  return result;
}

export const fromRoot = (path: string) => relative(ROOT, path);

/**
 * The section under the heading with this anchor, down to the next heading of the same or a
 * higher level (its own sub-headings included); undefined when no heading has the anchor.
 */
export function section(markdown: string, anchor: string): string | undefined {
  const text = markdown.split('\n');
  const outside = prose(markdown).split('\n');
  const seen = new Map<string, number>();
  let start = -1;
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    const hashes = /^(#{1,6})\s/.exec(outside[i] ?? '')?.[1];
    if (hashes === undefined) continue;
    if (start >= 0 && hashes.length <= level) return text.slice(start, i).join('\n');
    if (start >= 0) continue;
    const slug = slugify((text[i] ?? '').replace(/^#{1,6}\s+/, '').replace(/\s+#*\s*$/, ''));
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    if ((n === 0 ? slug : `${slug}-${n}`) === anchor) {
      start = i;
      level = hashes.length;
    }
  }
  return start >= 0 ? text.slice(start).join('\n') : undefined;
}
