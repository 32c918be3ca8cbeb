import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The commit checked out, when `folder` holds nothing it does not (no change, nothing untracked):
 * then the head of a diff is that commit, as in CI, and the report can name it. Null otherwise,
 * or outside a git work tree.
 */
export function cleanCommitOf(folder: string): string | null {
  const cwd = resolve(folder);
  try {
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '.'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    if (dirty) return null;
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}
