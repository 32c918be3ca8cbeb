import { ConfigError } from '@attest/core';
import { runCli } from './cli';
import { CliError, defineCommand, EnvironmentError } from './command';

const runs: unknown[] = [];
let loads = 0;
const commands = [
  defineCommand({
    name: 'tenant create',
    summary: 'Create a tenant',
    options: { slug: { type: 'string', required: true, description: 'short name' } },
    load: async () => {
      loads += 1;
      return {
        async run(options, io) {
          runs.push(options);
          io.out(`created ${options.slug}\n`);
        },
      };
    },
  }),
  defineCommand({
    name: 'fail',
    summary: 'Fails in various ways',
    options: { how: { type: 'string', required: true, description: 'cli | environment | config | crash | code' } },
    load: async () => ({
      async run({ how }) {
        if (how === 'cli') throw new CliError('no signing key');
        if (how === 'environment') throw new EnvironmentError('the database is in use');
        if (how === 'config') throw new ConfigError(['PORT must be an integer']);
        if (how === 'code') return 3;
        throw new Error('boom');
      },
    }),
  }),
];

/** Runs the CLI on the test commands and returns what a shell would see. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, commands, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) }, { version: '9.8.7' });
  return { code, stdout, stderr };
}

describe('runCli', () => {
  beforeEach(() => {
    runs.length = 0;
    loads = 0;
  });

  it('runs a two-word command with its parsed options and exits 0', async () => {
    expect(await cli('tenant', 'create', '--slug', 'acme')).toEqual({ code: 0, stdout: 'created acme\n', stderr: '' });
    expect(runs).toEqual([{ slug: 'acme' }]);
  });

  it('prints the command list for --help (exit 0) and for no arguments (exit 2, on stderr)', async () => {
    expect(await cli('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('tenant create  Create a tenant') });
    expect(await cli()).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Usage: attest <command>') });
  });

  it('prints the version and the runtime for --version and -V', async () => {
    expect(await cli('--version')).toEqual({ code: 0, stdout: `attest 9.8.7 (node ${process.version})\n`, stderr: '' });
    expect(await cli('-V')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^attest 9\.8\.7 /) });
  });

  it('lists a group\'s subcommands for "attest <group> --help" (exit 0) and for the group alone (exit 2, on stderr)', async () => {
    expect(await cli('tenant', '--help')).toEqual({
      code: 0,
      stdout:
        'Usage: attest tenant <subcommand> [options]\n\nSubcommands:\n  create  Create a tenant\n\nRun "attest tenant <subcommand> --help" for its options.\n',
      stderr: '',
    });
    expect(await cli('tenant')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('Usage: attest tenant <subcommand>'),
    });
  });

  it('answers "attest help <command>" as "attest <command> --help"', async () => {
    expect(await cli('help', 'tenant', 'create')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage: attest tenant create --slug <string>'),
    });
    expect(await cli('help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Commands:') });
  });

  it("prints a command's help without loading it", async () => {
    const help = await cli('tenant', 'create', '--help');
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: attest tenant create --slug <string>') });
    expect(loads).toBe(0);
  });

  it('loads no command for the help, the version or a usage error', async () => {
    await cli('--help');
    await cli('--version');
    await cli('tenant', 'create', '--slug');
    await cli('deploy');
    expect(loads).toBe(0);
  });

  it('exits 2 with the usage line on bad options', async () => {
    const stderr = 'attest tenant create: --slug is required\nUsage: attest tenant create --slug <string>\n';
    expect(await cli('tenant', 'create')).toEqual({ code: 2, stdout: '', stderr });
  });

  it.each([
    [['deploy'], 'unknown command "deploy"'],
    [['tenant'], 'tenant: a subcommand is needed (one of: create)'],
    [['tenant', 'delete'], 'tenant: unknown subcommand "delete" (one of: create)'],
  ])('exits 2 on %j, naming what is known, with the usage on stderr', async (argv, message) => {
    const run = await cli(...argv);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining(message) });
    expect(run.stderr).toMatch(/Usage: attest (<command>|tenant <subcommand>)/);
  });

  it.each([
    ['cli', 1, 'attest fail: no signing key\n'],
    ['environment', 1, 'attest: the database is in use\n'],
    ['config', 2, 'attest fail: Invalid configuration:\n  - PORT must be an integer\n'],
    ['crash', 1, 'attest fail failed: boom\n'],
    ['code', 3, ''],
  ])('maps a %s failure to exit code %i', async (how, code, stderr) => {
    expect(await cli('fail', '--how', how)).toEqual({ code, stdout: '', stderr });
  });
});
