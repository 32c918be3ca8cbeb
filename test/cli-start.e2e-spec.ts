import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { CLI } from './support/attest-cli';
import { buildApps } from './support/process-harness';
import { REPO_ROOT } from './support/test-app';

/**
 * Runs the built CLI as `attest <args>` and returns, with its exit code and output, every module it loaded (repository-
 * relative, or from node_modules). The list leaves through file descriptor 3, so stdout and stderr stay the CLI's own.
 */
function attestLoading(...args: string[]): { code: number | null; stdout: string; stderr: string; modules: string[] } {
  const report = "process.on('exit', () => require('node:fs').writeSync(3, JSON.stringify(Object.keys(require.cache))));";
  // With -e, argv[1] is the first argument after the script: the CLI, which reads its own argv from argv[2] on.
  const child = spawnSync(process.execPath, ['-e', `${report} require(process.argv[1]);`, CLI, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  const loaded = JSON.parse(String(child.output[3])) as string[];
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, modules: loaded.map((file) => relative(REPO_ROOT, file)) };
}

/** The libraries a command loads only when it runs: the domain libs, NestJS and TypeORM (a second or two at every start). */
function heavyModules(modules: readonly string[]): string[] {
  return modules.filter((file) => /^(dist\/)?libs\//.test(file) || /(^|\/)node_modules\/(@nestjs|typeorm)\//.test(file));
}

describe('the attest CLI start (built, as a child process)', () => {
  beforeAll(buildApps);

  it.each([
    [['--version'], 0],
    [['--help'], 0],
    [['help', 'token'], 0],
    [['policy', '--help'], 0],
    [['policy', 'test', '--help'], 0],
    [['key', 'issue', '--help'], 0],
    [['evidence', 'verify', '--help'], 0],
    [['deploy'], 2],
    [['tenant', 'create', '--name', 'Acme'], 2],
  ])('answers "attest %j" (exit %i) without loading a lib, NestJS or TypeORM', (args, code) => {
    const run = attestLoading(...args);
    expect(run).toMatchObject({ code });
    expect(`${run.stdout}${run.stderr}`).toMatch(/^(attest|Usage:)/m);
    expect(heavyModules(run.modules)).toEqual([]);
  });

  it('loads the libraries a command needs when it runs it (what the checks above would miss if they saw nothing)', () => {
    const run = attestLoading('policy', 'test', 'policies');
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('cases passed') });
    expect(heavyModules(run.modules)).toEqual(expect.arrayContaining([expect.stringMatching(/^dist\/libs\/policy\//)]));
  });
});
