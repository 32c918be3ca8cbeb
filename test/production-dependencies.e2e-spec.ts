import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { REPOSITORY } from './support/repository';

// What the container image runs (docs/operations.md, "Containers"): the built apps, libraries and
// migrations on `npm ci --omit=dev`. Specs are not shipped code; everything else is.
const SHIPPED = ['apps', 'libs', 'migrations'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The npm packages a file imports or requires (a scoped package by its scope and name). */
function importedPackages(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)'([^'.][^']*)'/gm)].map((m) => m[1]);
  return specifiers
    .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s) && !s.startsWith('@attest/'))
    .map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/'));
}

describe('production dependencies', () => {
  const manifest = JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };

  it('declares every package the shipped code imports in dependencies, so npm ci --omit=dev runs it', () => {
    const files = SHIPPED.flatMap((dir) => sourceFiles(join(REPOSITORY, dir)));
    expect(files.length).toBeGreaterThan(100);
    const undeclared = files.flatMap((file) =>
      importedPackages(readFileSync(file, 'utf8'))
        .filter((name) => !(name in manifest.dependencies))
        .map((name) => `${relative(REPOSITORY, file)} imports ${name}`),
    );
    expect([...new Set(undeclared)]).toEqual([]);
  });
});
