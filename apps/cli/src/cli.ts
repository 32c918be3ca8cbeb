import { ConfigError } from '@attest/core';
import { optionsHelp, parseOptions, usageOf, UsageError } from './args';
import { CliError, type CliCommand, type CliIo } from './command';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Picks the command named by the first words of argv, parses its options and runs it. */
export async function runCli(argv: readonly string[], commands: readonly CliCommand[], io: CliIo): Promise<number> {
  if (argv.length === 0) {
    io.err(globalHelp(commands));
    return EXIT_USAGE;
  }
  if (['-h', '--help', 'help'].includes(argv[0])) {
    io.out(globalHelp(commands));
    return EXIT_OK;
  }
  const command = findCommand(argv, commands);
  if (!command) {
    io.err(`attest: ${unknownCommandMessage(argv, commands)}\nRun "attest --help" for the list of commands.\n`);
    return EXIT_USAGE;
  }
  const rest = argv.slice(command.name.split(' ').length);
  try {
    const parsed = parseOptions(rest, command.options);
    if (parsed.help) {
      io.out(commandHelp(command));
      return EXIT_OK;
    }
    return (await command.run(parsed.options, io)) ?? EXIT_OK;
  } catch (error) {
    return reportFailure(command, error, io);
  }
}

function reportFailure(command: CliCommand, error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`attest ${command.name}: ${error.message}\nUsage: ${usageLine(command)}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof ConfigError) {
    io.err(`attest ${command.name}: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof CliError) {
    io.err(`attest ${command.name}: ${error.message}\n`);
    return error.exitCode;
  }
  io.err(`attest ${command.name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT_FAILURE;
}

/** The longest command name matching the first words, so "tenant create" wins over a "tenant". */
function findCommand(argv: readonly string[], commands: readonly CliCommand[]): CliCommand | undefined {
  return [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((word, i) => argv[i] === word));
}

function unknownCommandMessage(argv: readonly string[], commands: readonly CliCommand[]): string {
  const subcommands = commands.filter((c) => c.name.startsWith(`${argv[0]} `)).map((c) => c.name.split(' ').slice(1).join(' '));
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
  const width = Math.max(...commands.map((c) => c.name.length));
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: attest <command> [options]\n\nCommands:\n${rows}\n\nRun "attest <command> --help" for a command's options.\n`;
}
