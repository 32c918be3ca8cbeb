import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fencedBlocks, section } from './support/markdown';
import { REPOSITORY } from './support/repository';

const SCRIPT = join(REPOSITORY, 'docs/quickstart.sh');
// The reader sets these two; the script takes them from its environment.
const SET_BY_THE_READER = /^export (KEY|ATTEST_URL)=/;

/**
 * The shell commands of the README's walkthrough, as written: comment lines and trailing `# →`
 * notes dropped, a command's indented lines (and a function's closing brace) joined to it.
 */
function walkthroughCommands(readme: string): string[] {
  const lines = fencedBlocks(section(readme, 'Five minutes with the API'))
    .filter((block) => block.info === 'bash')
    .flatMap((block) => block.body.split('\n'))
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    .map((line) => line.replace(/\s{2,}# .*$/, ''));
  const commands: string[] = [];
  for (const line of lines) {
    if (/^[\s}]/.test(line) && commands.length > 0) commands[commands.length - 1] += `\n${line}`;
    else commands.push(line);
  }
  return commands;
}

describe("the README's walkthrough and docs/quickstart.sh, which CI runs", () => {
  const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
  const script = readFileSync(SCRIPT, 'utf8');
  const commands = walkthroughCommands(readme);

  it('finds the walkthrough and the two values the reader sets', () => {
    expect(commands.length).toBeGreaterThan(20);
    expect(commands.filter((command) => SET_BY_THE_READER.test(command))).toHaveLength(2);
    expect(script).toMatch(/\$\{KEY:\?/);
    expect(script).toMatch(/ATTEST_URL="\$\{ATTEST_URL:-http:\/\/localhost:3000\}"/);
  });

  it('runs every command of the walkthrough as written, in the same order', () => {
    let from = 0;
    const missing: string[] = [];
    for (const command of commands.filter((c) => !SET_BY_THE_READER.test(c))) {
      const at = script.indexOf(command, from);
      if (at < 0) missing.push(command);
      else from = at + command.length;
    }
    expect(missing).toEqual([]);
  });

  it('is a script bash can parse', () => {
    const check = spawnSync('bash', ['-n', SCRIPT], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
