import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { anchors, documentationFiles, withoutFences } from './support/markdown';
import { REPOSITORY } from './support/repository';

/**
 * The link targets of a document outside code blocks: inline links, images, reference definitions,
 * and paths in code spans that start with ./ or ../ (a file named to the reader, relative to the page).
 */
function linkTargets(markdown: string): string[] {
  const prose = withoutFences(markdown);
  const paths = [...prose.matchAll(/`(\.\.?\/[^`\s]+)`/g)].map((m) => m[1]);
  const text = prose.replace(/`[^`\n]*`/g, 'code');
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  const references = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s+<?([^\s>]+)>?/gm)].map((m) => m[1]);
  return [...inline, ...references, ...paths];
}

/** Why a relative link of `file` does not resolve, or undefined when it does. Web links are not fetched. */
function brokenBecause(file: string, target: string, anchorsOf: (file: string) => Set<string>): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const [path, anchor] = target.split('#', 2) as [string, string | undefined];
  const resolved = path === '' ? file : relative(REPOSITORY, join(REPOSITORY, dirname(file), decodeURIComponent(path)));
  if (resolved.startsWith('..')) return 'points outside the repository';
  if (!existsSync(join(REPOSITORY, resolved))) return `${resolved} does not exist`;
  if (anchor === undefined || !resolved.endsWith('.md')) return undefined;
  return anchorsOf(resolved).has(decodeURIComponent(anchor)) ? undefined : `${resolved} has no heading with the anchor #${anchor}`;
}

describe('links in the documentation', () => {
  const read = (file: string) => readFileSync(join(REPOSITORY, file), 'utf8');
  const cache = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => cache.get(file) ?? cache.set(file, anchors(read(file))).get(file)!;
  const files = documentationFiles();

  it('reads README, CONTRIBUTING, SECURITY, CHANGELOG and every page under docs/', () => {
    for (const file of [
      'README.md',
      'CONTRIBUTING.md',
      'SECURITY.md',
      'CHANGELOG.md',
      'docs/api.md',
      'docs/decisions/0001-embedded-postgres.md',
    ]) {
      expect(files).toContain(file);
    }
  });

  it('resolves every relative link to a file of the repository, and every #anchor to a heading', () => {
    const broken = files.flatMap((file) =>
      linkTargets(read(file)).flatMap((target) => {
        const why = brokenBecause(file, target, anchorsOf);
        return why ? [`${file}: (${target}) ${why}`] : [];
      }),
    );
    expect(broken).toEqual([]);
  });

  it("follows GitHub's anchors: code spans and punctuation dropped, spaces to hyphens, repeats numbered", () => {
    const doc =
      '# API\n## 14. Policy simulation\n### `me`: the calling principal\n## A — B/C (`x.ts`)\n## API\n```bash\n# not a heading\n```\n';
    expect([...anchors(doc)]).toEqual(['api', '14-policy-simulation', 'me-the-calling-principal', 'a--bc-xts', 'api-1']);
  });
});
