import { ConfigError } from '../config/attest-config';
import { StartupError } from './startup-error';

export interface StartupFailure {
  /** What to write to stderr: one line per problem, each naming its setting where one is at fault. */
  text: string;
  exitCode: number;
}

/**
 * How a process that cannot start says why: invalid settings (exit 2) one line each, a setting that
 * does not work here (a taken PORT, an unreachable DATABASE_URL…) in its one line, anything else as
 * `<process> failed to start: <first line>`. No stack unless asked for (ATTEST_LOG_LEVEL=debug).
 */
export function describeStartupFailure(error: unknown, processName: string, withStack = false): StartupFailure {
  if (error instanceof ConfigError) {
    return { text: error.problems.map((problem) => `Invalid configuration: ${problem}\n`).join(''), exitCode: 2 };
  }
  if (error instanceof StartupError) return { text: `${error.message}\n`, exitCode: 1 };
  const message = error instanceof Error ? error.message : String(error);
  const stack = withStack && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  return { text: `${processName} failed to start: ${message.split('\n')[0]}\n${stack}`, exitCode: 1 };
}
