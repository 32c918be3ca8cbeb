/** Runs a benchmark's main: a failure prints its stack and exits 1, so `npm run bench` stops at it. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
