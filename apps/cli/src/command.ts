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
  /** Returns the exit code (0 when nothing is returned). */
  run(options: ParsedOptions<S>, io: CliIo): Promise<number | void>;
}

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
