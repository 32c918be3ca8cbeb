import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

/**
 * A pragmatic extractor of the SQL objects a TypeScript file names, for the context-map test.
 * It reads every string and template literal (a `${…}` becomes `*`), and takes
 * - the identifier after an upper-case FROM, JOIN, INTO, UPDATE or TABLE (SQL here is written in
 *   upper case, prose in lower case: "from" in an error message is not a table), and
 * - every `attest_…(` call (the published and maintenance functions).
 * Limits: SQL built from pieces split across literals is read piece by piece; a table named through
 * TypeORM's repositories or `@Entity` classes is not SQL text (entities are checked separately);
 * a name followed by `${…}` is a family (`attest_ledger_fact_*`); CTE aliases and set-returning
 * functions are ignored because only names the context map knows are judged.
 */
const AFTER_KEYWORD = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+(?:ONLY\s+|IF\s+(?:NOT\s+)?EXISTS\s+)?"?([a-z_][a-z0-9_]*)("?\*)?/g;
const FUNCTION_CALL = /\b(attest_[a-z0-9_]*)(\*)?\s*\(/g;
const ENTITY = /@Entity\(\s*['"`]([a-z_][a-z0-9_]*)['"`]/g;

/** The SQL object names in one piece of text (a family ends in `*`). */
export function sqlNamesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const pattern of [AFTER_KEYWORD, FUNCTION_CALL]) {
    for (const match of text.matchAll(pattern)) names.add(match[2] ? `${match[1]}*` : match[1]);
  }
  return names;
}

/** The text of every string and template literal of a TypeScript source. */
export function literalsOf(source: string, fileName = 'file.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      texts.push(node.head.text + node.templateSpans.map((span) => `*${span.literal.text}`).join(''));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return texts;
}

/** The SQL names of a TypeScript source, by name with the first literal that names it. */
export function sqlNamesOfSource(source: string, fileName?: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const text of literalsOf(source, fileName)) {
    for (const name of sqlNamesIn(text)) if (!found.has(name)) found.set(name, text.trim().slice(0, 120));
  }
  return found;
}

/** The tables a source maps with `@Entity('…')`. */
export function entityTablesOf(source: string): string[] {
  return [...source.matchAll(ENTITY)].map((m) => m[1]);
}

/** Every non-test TypeScript file under a folder. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'testing' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** What one file reads as SQL text: names with the file and an excerpt. */
export function sqlNamesOfFile(path: string): { name: string; excerpt: string }[] {
  return [...sqlNamesOfSource(readFileSync(path, 'utf8'), path)].map(([name, excerpt]) => ({ name, excerpt }));
}

/** The objects a migration creates: tables, views and functions (`CREATE … name`). */
export function createdObjectsOf(source: string): string[] {
  const created = /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW|FUNCTION)\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)("?\*)?/gi;
  const names = new Set<string>();
  for (const text of literalsOf(source)) for (const m of text.matchAll(created)) names.add(m[2] ? `${m[1]}*` : m[1]);
  return [...names];
}
