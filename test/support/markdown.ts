import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPOSITORY } from './repository';

/** The Markdown a reader of the repository meets: the top-level documents and everything under docs/. */
export function documentationFiles(): string[] {
  const docs = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? docs(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
    );
  const top = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md'].map((name) => join(REPOSITORY, name));
  return [...top, ...docs(join(REPOSITORY, 'docs'))].map((file) => relative(REPOSITORY, file)).sort();
}

export interface Fence {
  info: string;
  body: string;
}

// An opening fence (indented too, as in a list item), its info string, its body, the same fence closing it.
const FENCE = /^[ \t]*(`{3,}|~{3,})([^\n]*)\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm;

/** The fenced code blocks, in order; `info` is what follows the opening fence (`bash`, `graphql`, …). */
export function fencedBlocks(markdown: string): Fence[] {
  return [...markdown.matchAll(FENCE)].map((m) => ({ info: m[2].trim(), body: m[3] }));
}

/** The text with its fenced blocks blanked (line numbers kept), so that nothing inside them is read as Markdown. */
export function withoutFences(markdown: string): string {
  return markdown.replace(FENCE, (block) => block.replace(/[^\n]/g, ''));
}

/** The ATX headings outside code blocks, with their level and text. */
export function headings(markdown: string): Heading[] {
  return headingPerLine(markdown).filter((h): h is Heading => h !== undefined);
}

interface Heading {
  level: number;
  text: string;
}

/** For each line, the heading it is (outside code blocks), or undefined. */
function headingPerLine(markdown: string): (Heading | undefined)[] {
  return withoutFences(markdown)
    .split('\n')
    .map((line) => /^(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line))
    .map((m) => (m ? { level: m[1].length, text: m[2] } : undefined));
}

/**
 * The anchors GitHub gives a document's headings: the text as rendered (code spans and links
 * reduced to their text), lowercased, punctuation but `-` and `_` removed, each space a hyphen; a
 * repeated slug gets -1, -2, …. Explicit HTML anchors (`<a id="…">`, `<a name="…">`) count too.
 */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const slugs = headings(markdown).map(({ text }) => {
    const rendered = text
      .replace(/`([^`]*)`/g, '$1')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '');
    const slug = rendered
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    return count === 0 ? slug : `${slug}-${count}`;
  });
  const html = [...withoutFences(markdown).matchAll(/<a\s+(?:id|name)="([^"]+)"/g)].map((m) => m[1]);
  return new Set([...slugs, ...html]);
}

/** The part of a document under a heading, up to the next heading of the same level or higher. */
export function section(markdown: string, heading: string): string {
  // Headings are found outside code blocks (a shell comment is not one); the text is sliced from the original.
  const levels = headingPerLine(markdown);
  const start = levels.findIndex((h) => h?.text === heading);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const end = levels.findIndex((h, i) => i > start && h !== undefined && h.level <= levels[start]!.level);
  return markdown
    .split('\n')
    .slice(start, end < 0 ? undefined : end)
    .join('\n');
}
