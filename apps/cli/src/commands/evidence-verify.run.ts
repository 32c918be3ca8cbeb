import { readFileSync } from 'node:fs';
import { PackInputError, verifyEvidencePack, type PackCheck } from '@attest/evidence';
import { BundleInputError } from '@attest/ledger';
import { CliError, type CommandRun, type CliIo } from '../command';
import { readKey } from '../public-key';
import type { evidenceVerifyOptions } from './evidence-verify.command';

const MARK: Record<PackCheck['status'], string> = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' };

export const run: CommandRun<typeof evidenceVerifyOptions> = async (options, io) => {
  try {
    const publicKey = readKey(options.key);
    let zip: Buffer;
    try {
      zip = readFileSync(options.pack);
    } catch (error) {
      throw new PackInputError(`${options.pack}: ${(error as Error).message}`);
    }
    const verification = verifyEvidencePack(zip, { publicKey, origin: options.origin });
    return report(verification.checks, io);
  } catch (error) {
    if (error instanceof PackInputError || error instanceof BundleInputError) throw new CliError(`${options.pack}: ${error.message}`, 2);
    throw error;
  }
};

function report(checks: PackCheck[], io: CliIo): number {
  for (const check of checks) io.out(`${MARK[check.status]}  ${check.name}: ${check.detail}\n`);
  const failed = checks.filter((c) => c.status === 'failed');
  io.out(failed.length === 0 ? 'VERIFIED\n' : `NOT VERIFIED: ${failed.map((c) => c.name).join(', ')} failed\n`);
  return failed.length === 0 ? 0 : 1;
}
