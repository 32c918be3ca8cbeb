import 'reflect-metadata';
import { runCli } from './cli';
import type { CliCommand } from './command';
import { evidenceExportCommand } from './commands/evidence-export.command';
import { evidenceVerifyCommand } from './commands/evidence-verify.command';
import { ledgerExportCommand } from './commands/ledger-export.command';
import { ledgerVerifyCommand } from './commands/ledger-verify.command';
import { keyIssueCommand } from './commands/key-issue.command';
import { loginLinkCommand } from './commands/login-link.command';
import { migrateCommand } from './commands/migrate.command';
import { policyDecisionsCommand } from './commands/policy-decisions.command';
import { policyDiffCommand } from './commands/policy-diff.command';
import { policyLintCommand } from './commands/policy-lint.command';
import { policyTestCommand } from './commands/policy-test.command';
import { principalsListCommand } from './commands/principals-list.command';
import { schemaCommand } from './commands/schema.command';
import { seedCommand } from './commands/seed.command';
import { tenantCreateCommand } from './commands/tenant-create.command';
import { tokenCommand } from './commands/token.command';

/**
 * The command table: register a new command by adding it here. A command is two files under commands/: `<name>.command.ts`
 * (name, help, options: all that help needs) and `<name>.run.ts` (what it does, loaded when it runs).
 */
const COMMANDS: CliCommand[] = [
  migrateCommand,
  tenantCreateCommand,
  keyIssueCommand,
  loginLinkCommand,
  principalsListCommand,
  tokenCommand,
  seedCommand,
  policyTestCommand,
  policyLintCommand,
  policyDiffCommand,
  policyDecisionsCommand,
  schemaCommand,
  ledgerExportCommand,
  ledgerVerifyCommand,
  evidenceExportCommand,
  evidenceVerifyCommand,
];

/**
 * A failed start can leave a handle open that nobody will close (the embedded PostgreSQL child of
 * a Nest application that never finished building): a failing command exits once its output is
 * out, after a grace that a drained event loop never waits for (the timer is unref'd).
 */
const EXIT_GRACE_MS = 2000;

runCli(process.argv.slice(2), COMMANDS, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
    if (code !== 0) setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
  },
  // runCli reports every failure of a command; this is for a failure of the CLI itself, still in one line.
  (error: unknown) => {
    process.stderr.write(`attest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
