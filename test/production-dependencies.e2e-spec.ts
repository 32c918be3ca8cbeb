import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { REPOSITORY } from './support/repository';

// What the container image runs (docs/operations.md, "Containers"): the built apps, libraries and
// migrations on `npm ci --omit=dev`. Specs are not shipped code; everything else is. The console
// (apps/console) ships as the files Vite built (dist/console): its packages are bundled at build
// time, devDependencies like the compilers.
const SHIPPED = ['apps', 'libs', 'migrations'];
const BUILT_IN_ADVANCE = join(REPOSITORY, 'apps/console');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (path === BUILT_IN_ADVANCE) return [];
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) && !path.includes('/testing/') ? [path] : [];
  });
}

/** The npm packages a file imports or requires (a scoped package by its scope and name). */
function importedPackages(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)'([^'.][^']*)'/gm)].map(
    (m) => m[1],
  );
  return specifiers
    .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s) && !s.startsWith('@attest/'))
    .map((s) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/'),
    );
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
    // Test fixtures are not built (below): shipped code that imported one would fail at run time.
    expect(
      files.filter((file) => /from '[^']*\/testing\/[^']*'/.test(readFileSync(file, 'utf8'))).map((file) => relative(REPOSITORY, file)),
    ).toEqual([]);
  });

  it('builds without specs and test fixtures (libs/*/src/testing): `npm run build` is the production build', () => {
    const scripts = (JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const out = mkdtempSync(join(tmpdir(), 'attest-build-'));
    try {
      execSync(`${scripts.build.replace(' -d dist ', ` -d ${out} `)}`, {
        cwd: REPOSITORY,
        stdio: 'pipe',
        env: { ...process.env, PATH: `${join(REPOSITORY, 'node_modules/.bin')}:${process.env.PATH}` },
      });
      const built = listFiles(out).map((file) => relative(out, file));
      expect(built).toContain('apps/api/src/main.js');
      expect(built.filter((file) => /\.spec\.js$|\/testing\//.test(file))).toEqual([]);
      // The console is Vite's to build (npm run console:build), not swc's.
      expect(built.filter((file) => file.startsWith('apps/console/'))).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
