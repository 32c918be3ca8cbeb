import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attest, REPO_ROOT, type CliRun } from './attest-cli';

/**
 * A throwaway git repository whose first commit is a copy of this repository's policies/,
 * as a pull request's checkout looks to `attest policy …`. Edits go to the work tree; commit
 * them to review them against an earlier commit.
 */
export class PolicyRepo {
  private constructor(readonly dir: string) {}

  static withRealPolicies(): PolicyRepo {
    // realpath: git reports the resolved path, so the CLI and the test agree on it.
    const repo = new PolicyRepo(realpathSync(mkdtempSync(join(tmpdir(), 'attest-policy-review-'))));
    repo.git('init', '--quiet');
    repo.git('config', 'user.name', 'Policy Reviewer');
    repo.git('config', 'user.email', 'reviewer@attest.test');
    repo.git('config', 'commit.gpgsign', 'false');
    cpSync(join(REPO_ROOT, 'policies'), join(repo.dir, 'policies'), { recursive: true });
    repo.commit('the policies as they are');
    return repo;
  }

  attest(...args: string[]): CliRun {
    return attest(this.dir, args);
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  write(path: string, text: string): void {
    writeFileSync(join(this.dir, path), text);
  }

  /** Replaces text that must be there: when the real policies move on, the fixture fails here rather than silently change nothing. */
  replace(path: string, from: string, to: string): void {
    const text = this.read(path);
    if (!text.includes(from))
      throw new Error(`${path} no longer contains ${JSON.stringify(from)}: update the fixture to the current policies`);
    this.write(path, text.replace(from, to));
  }

  remove(path: string): void {
    rmSync(join(this.dir, path));
  }

  /** The 1-based line of the first line of `path` that contains `text`. */
  lineOf(path: string, text: string): number {
    const index = this.read(path)
      .split('\n')
      .findIndex((line) => line.includes(text));
    if (index < 0) throw new Error(`${path} has no line containing ${JSON.stringify(text)}`);
    return index + 1;
  }

  commit(message: string): string {
    this.git('add', '--all');
    this.git('commit', '--quiet', '--message', message);
    return this.revParse('HEAD');
  }

  revParse(ref: string): string {
    return this.git('rev-parse', ref).trim();
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    });
  }
}
