import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

/** A folder of the repository as it was at a git ref, written out to a temporary folder. */
export interface TreeAtRef {
  /** Where the folder is now. */
  dir: string;
  /** The repository's root as written out: paths relative to it are the repository's own (for file:line messages). */
  root: string;
  /** The commit the ref named. */
  commit: string;
  /** Removes the temporary folder. */
  remove(): void;
}

export class GitRefError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitRefError';
  }
}

const git = (cwd: string, args: string[]): Buffer =>
  execFileSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Writes out `folder` (a path inside a git work tree) as it was at `ref`, with `git ls-tree` and
 * `git cat-file` only (no checkout: the work tree and index are untouched). A folder the ref does
 * not have yields an empty one: a pull request that adds the first policies compares against nothing.
 */
export function treeAtRef(folder: string, ref: string): TreeAtRef {
  const absolute = resolve(folder);
  let top: string;
  let commit: string;
  try {
    top = git(absolute, ['rev-parse', '--show-toplevel']).toString().trim();
  } catch {
    throw new GitRefError(`${folder} is not inside a git work tree`);
  }
  try {
    commit = git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
      .toString()
      .trim();
  } catch {
    throw new GitRefError(`unknown git ref "${ref}" (fetch it first: in CI, check out with fetch-depth: 0)`);
  }
  const inRepo = relative(top, absolute).split('\\').join('/');
  const out = mkdtempSync(join(tmpdir(), 'attest-policies-'));
  const listing = git(top, ['ls-tree', '-r', '-z', commit, '--', inRepo || '.']).toString();
  for (const entry of listing.split('\0').filter(Boolean)) {
    const [meta, path] = entry.split('\t');
    const [, type, object] = meta.split(' ');
    if (type !== 'blob') continue;
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, git(top, ['cat-file', 'blob', object]));
  }
  const dir = join(out, inRepo);
  mkdirSync(dir, { recursive: true });
  return { dir, root: out, commit, remove: () => rmSync(out, { recursive: true, force: true }) };
}
