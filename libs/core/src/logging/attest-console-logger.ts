import { ConsoleLogger } from '@nestjs/common';

/**
 * Errors Nest logs itself, with a stack or a driver's dump, when the application fails to start
 * (`ExceptionHandler`) or to listen (`NestApplication`). Created with `abortOnError: false`, Nest
 * rethrows them too, and the process reports them in one line (startup/startup-failure.ts).
 */
const REPORTED_BY_THE_CALLER = new Set(['ExceptionHandler', 'NestApplication']);

/**
 * Nest's console logger as Attest's processes use it: the log on stdout, warnings and errors on
 * stderr (what needs an operator's attention), minus the start-up errors the caller reports itself.
 */
export class AttestConsoleLogger extends ConsoleLogger {
  override error(message: unknown, ...rest: unknown[]): void {
    if (REPORTED_BY_THE_CALLER.has(rest[rest.length - 1] as string)) return;
    super.error(message, ...rest);
  }

  override warn(message: unknown, ...rest: unknown[]): void {
    if (!this.isLevelEnabled('warn')) return;
    const { messages, context, params } = this.getContextAndMessagesToPrint([message, ...rest]);
    this.printMessages(messages, context, 'warn', 'stderr', undefined, params);
  }
}
