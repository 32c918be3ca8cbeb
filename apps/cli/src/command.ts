import type { OptionSpecs, ParsedOptions } from './args';

/** Where a command writes: stdout for results (so they can be piped), stderr for everything else. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand<S extends OptionSpecs = OptionSpecs> {
  /** The words that select it, e.g. "tenant create". */
  name: string;
  /** One line, shown in `attest --help`. */
  summary: string;
  /** A paragraph shown in `attest <name> --help`. */
  description?: string;
  options: S;
  /**
   * The command's implementation, a module of its own (`<name>.run.ts`) loaded only when the command runs: the
   * libraries it needs (NestJS, TypeORM, the domain libs) take a second or two to load, which help, the version
   * and the other commands should not pay.
   */
  load(): Promise<CommandModule<S>>;
}

/** What a command's run module exports. */
export interface CommandModule<S extends OptionSpecs> {
  /** Returns the exit code (0 when nothing is returned). A method, so the command table can hold every command's. */
  run(options: ParsedOptions<S>, io: CliIo): Promise<number | void>;
}

/** The type of a run module's `run`, with its command's options. */
export type CommandRun<S extends OptionSpecs> = CommandModule<S>['run'];

/** Keeps each command's option types precise while the command table holds them all. */
export function defineCommand<const S extends OptionSpecs>(command: CliCommand<S>): CliCommand {
  return command;
}

/** A failure the user can act on: printed as is (no stack), exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The installation, not the command line, is in the way (e.g. the database is in use): printed as "attest: <message>". */
export class EnvironmentError extends CliError {
  constructor(message: string, exitCode = 1) {
    super(message, exitCode);
    this.name = 'EnvironmentError';
  }
}
