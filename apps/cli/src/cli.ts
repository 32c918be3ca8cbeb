import { optionsHelp, parseOptions, usageOf, UsageError } from './args';
import { CliError, EnvironmentError, type CliCommand, type CliIo } from './command';
import { attestVersion } from './repo-root';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const HELP = ['-h', '--help'];
const VERSION = ['-V', '--version'];

/** What the CLI says about itself (injected so tests need no package.json). */
export interface CliInfo {
  version: string;
}

/**
 * Picks the command named by the first words of argv, parses its options and runs it. Help and the
 * version go to stdout with exit 0; a command line that names nothing runnable gets the usage on
 * stderr and exit 2.
 */
export async function runCli(
  argv: readonly string[],
  commands: readonly CliCommand[],
  io: CliIo,
  info: CliInfo = { version: attestVersion() },
): Promise<number> {
  if (argv.length === 0) {
    io.err(globalHelp(commands));
    return EXIT_USAGE;
  }
  if (argv[0] === 'help' && argv.length > 1) return runCli([...argv.slice(1), '--help'], commands, io, info);
  if (HELP.includes(argv[0]) || argv[0] === 'help') {
    io.out(globalHelp(commands));
    return EXIT_OK;
  }
  if (VERSION.includes(argv[0])) {
    // The runtime too: bin/attest hands an older node over to the project's (Node 24).
    io.out(`attest ${info.version} (node ${process.version})\n`);
    return EXIT_OK;
  }
  const command = findCommand(argv, commands);
  if (!command) return reportNoCommand(argv, commands, io);
  const rest = argv.slice(command.name.split(' ').length);
  try {
    const parsed = parseOptions(rest, command.options);
    if (parsed.help) {
      io.out(commandHelp(command));
      return EXIT_OK;
    }
    const { run } = await command.load();
    return (await run(parsed.options, io)) ?? EXIT_OK;
  } catch (error) {
    return reportFailure(command, error, io);
  }
}

/** `attest tenant --help` lists the group's subcommands; anything else unknown is a usage error. */
function reportNoCommand(argv: readonly string[], commands: readonly CliCommand[], io: CliIo): number {
  const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
  if (group.length > 0 && HELP.includes(argv[1])) {
    io.out(groupHelp(argv[0], group));
    return EXIT_OK;
  }
  io.err(`attest: ${unknownCommandMessage(argv, commands)}\n\n${group.length > 0 ? groupHelp(argv[0], group) : globalHelp(commands)}`);
  return EXIT_USAGE;
}

function reportFailure(command: CliCommand, error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`attest ${command.name}: ${error.message}\nUsage: ${usageLine(command)}\n`);
    return EXIT_USAGE;
  }
  if (isConfigError(error)) {
    io.err(`attest ${command.name}: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof CliError) {
    io.err(`${error instanceof EnvironmentError ? 'attest' : `attest ${command.name}`}: ${error.message}\n`);
    return error.exitCode;
  }
  io.err(`attest ${command.name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT_FAILURE;
}

/**
 * @attest/core's ConfigError, known by its name: importing the class would load the whole core lib (a second) on
 * every start, help and version included.
 */
function isConfigError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'ConfigError';
}

/** The longest command name matching the first words, so "tenant create" wins over a "tenant". */
function findCommand(argv: readonly string[], commands: readonly CliCommand[]): CliCommand | undefined {
  return [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((word, i) => argv[i] === word));
}

function unknownCommandMessage(argv: readonly string[], commands: readonly CliCommand[]): string {
  const subcommands = commands.filter((c) => c.name.startsWith(`${argv[0]} `)).map(subcommandOf);
  if (subcommands.length === 0) return `unknown command "${argv[0]}"`;
  const given = argv[1] === undefined ? 'a subcommand is needed' : `unknown subcommand "${argv[1]}"`;
  return `${argv[0]}: ${given} (one of: ${subcommands.join(', ')})`;
}

function usageLine(command: CliCommand): string {
  return `attest ${command.name} ${usageOf(command.options)}`.trimEnd();
}

function commandHelp(command: CliCommand): string {
  const description = command.description ?? command.summary;
  return `Usage: ${usageLine(command)}\n\n${wrap(description, 100)}\n\nOptions:\n${optionsHelp(command.options)}\n`;
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + word.length < width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

function globalHelp(commands: readonly CliCommand[]): string {
  const rows = table(commands.map((c) => [c.name, c.summary]));
  return (
    `Usage: attest <command> [options]\n\nCommands:\n${rows}\n\n` +
    'Run "attest <command> --help" for a command\'s options, "attest --version" for the version.\n'
  );
}

function groupHelp(group: string, commands: readonly CliCommand[]): string {
  const rows = table(commands.map((c) => [subcommandOf(c), c.summary]));
  return `Usage: attest ${group} <subcommand> [options]\n\nSubcommands:\n${rows}\n\nRun "attest ${group} <subcommand> --help" for its options.\n`;
}

function subcommandOf(command: CliCommand): string {
  return command.name.split(' ').slice(1).join(' ');
}

function table(rows: readonly [string, string][]): string {
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`).join('\n');
}
