import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { REPOSITORY } from './support/repository';

/** The "Threat model" section of docs/security.md: its table's rows. */
function threatModelRows(): string[] {
  const security = readFileSync(join(REPOSITORY, 'docs/security.md'), 'utf8');
  const section = security.split(/^## /m).find((part) => part.startsWith('Threat model\n'));
  if (!section) throw new Error('docs/security.md has no "## Threat model" section');
  return section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| attacker') && !line.startsWith('|---'));
}

/** The files a test cell names: paths, or globs of one directory (`dir/*.spec.ts`). */
function namedFiles(cell: string): { named: string; files: string[] }[] {
  return [...cell.matchAll(/`((?:test|libs|apps)\/[^`]+)`/g)].map(([, named]) => {
    if (!named.includes('*')) return { named, files: existsSync(join(REPOSITORY, named)) ? [named] : [] };
    const dir = dirname(named);
    const pattern = new RegExp(`^${basename(named).replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
    const files = existsSync(join(REPOSITORY, dir)) ? readdirSync(join(REPOSITORY, dir)).filter((f) => pattern.test(f)) : [];
    return { named, files: files.map((f) => `${dir}/${f}`) };
  });
}

describe('the threat model (docs/security.md)', () => {
  const rows = threatModelRows();
  const cells = rows.map((row) => row.split(' | '));

  it('gives every row an attacker, an attack, a defence and a test', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of cells) expect(row.map((cell) => cell.replace(/^\| ?| ?\|$/g, '').trim()).filter(Boolean)).toHaveLength(4);
  });

  it('names tests that exist', () => {
    const missing = cells.flatMap((row) =>
      namedFiles(row[3])
        .filter((n) => n.files.length === 0)
        .map((n) => n.named),
    );
    expect(cells.every((row) => namedFiles(row[3]).length > 0)).toBe(true);
    expect(missing).toEqual([]);
  });

  it('names every suite of test/abuse', () => {
    const named = new Set(cells.flatMap((row) => namedFiles(row[3]).flatMap((n) => n.files)));
    const suites = readdirSync(join(REPOSITORY, 'test/abuse')).map((f) => `test/abuse/${f}`);
    expect(suites.filter((suite) => !named.has(suite))).toEqual([]);
  });
});
