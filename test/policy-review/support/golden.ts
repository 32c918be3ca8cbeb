import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { REPO_ROOT } from './attest-cli';

const GOLDEN_DIR = join(REPO_ROOT, 'test/golden/policy-review');

/**
 * Compares output with test/golden/policy-review/<name>; UPDATE_GOLDEN=1 rewrites the file
 * instead, for a reviewer to read in the diff (as UPDATE_ACCESS_MATRIX=1 does for docs/security.md).
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const golden = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (golden === actual) return;
  const how =
    `${relative(REPO_ROOT, file)} ${golden === undefined ? 'does not exist' : 'differs from the output'}: ` +
    'if the change is intended, run UPDATE_GOLDEN=1 npx jest test/policy-review and review the diff of the golden file';
  try {
    expect(actual).toBe(golden);
  } catch (error) {
    (error as Error).message = `${how}\n\n${(error as Error).message}`;
    throw error;
  }
}

/**
 * What changes from run to run and nothing else: the commits' hashes (a new repository each run,
 * so new hashes), in full and as the 7-character prefix the text and Markdown show, and the
 * temporary repository's path. Record dates are fixed by the seeded generator; pack digests are
 * hashes of the policies' content, the same every run.
 */
export function normalise(output: string, { commits, dir }: { commits: Record<string, string>; dir: string }): string {
  let normal = output.split(dir).join('<repo>');
  for (const [name, commit] of Object.entries(commits))
    normal = normal
      .split(commit)
      .join(`<${name}>`)
      .split(`(${commit.slice(0, 7)})`)
      .join(`(<${name}>)`);
  return normal;
}
