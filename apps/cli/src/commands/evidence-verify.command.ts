import { readFileSync } from 'node:fs';
import type { PackCheck } from '@attest/evidence';
import { BundleInputError } from '@attest/ledger';
import { CliError, defineCommand, type CliIo } from '../command';
import { readKey } from '../public-key';

const MARK: Record<PackCheck['status'], string> = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' };

export const evidenceVerifyCommand = defineCommand({
  name: 'evidence verify',
  summary: 'Verify an evidence pack offline: proofs, signature, content, pack digest, and the recorded evaluation replayed',
  description:
    "Needs no server and trusts nothing but the log's public key. Checks, in order: the pack's files against its manifest, " +
    "the checkpoint's Ed25519 signature (and that it is the tenant's log, with --origin), every leaf against its inclusion " +
    'proof, every record against the fact its leaf seals, every disclosed content field against its salted commitment, ' +
    "the policy pack's content against the digest the decision names, the activation that put it in force, and a " +
    're-evaluation of the recorded facts under that content, which must give the recorded effect. Each check is printed. ' +
    'Exit 0 when nothing failed, 1 when a check failed, 2 on unreadable input. docs/evidence.md.',
  options: {
    pack: { type: 'string', required: true, positional: true, valueName: 'pack.zip', description: 'the evidence pack' },
    key: { type: 'string', required: true, valueName: 'pem', description: "the log's Ed25519 public key (PEM), obtained out of band" },
    origin: { type: 'string', valueName: 'origin', description: "the tenant's log the pack must be of (default: the one it names)" },
  },
  async run(options, io) {
    // Loaded here, not with the command table: every `attest` start would otherwise load the evidence lib and its PDF renderer.
    const { PackInputError, verifyEvidencePack } = await import('@attest/evidence');
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
  },
});

function report(checks: PackCheck[], io: CliIo): number {
  for (const check of checks) io.out(`${MARK[check.status]}  ${check.name}: ${check.detail}\n`);
  const failed = checks.filter((c) => c.status === 'failed');
  io.out(failed.length === 0 ? 'VERIFIED\n' : `NOT VERIFIED: ${failed.map((c) => c.name).join(', ')} failed\n`);
  return failed.length === 0 ? 0 : 1;
}
