/**
 * A start-up failure the operator can fix by changing one setting. Its message is one line that
 * names the setting (`PORT 3000 is already in use (EADDRINUSE): set PORT to a free port`) and is
 * printed as it is, without a stack.
 */
export class StartupError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
