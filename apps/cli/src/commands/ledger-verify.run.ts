import {
  BundleInputError,
  parseProofFile,
  readBundleDir,
  readFileBytes,
  readJsonFile,
  verifyBundle,
  verifyBundleDir,
  type CheckpointFile,
} from '@attest/ledger';
import { UsageError } from '../args';
import { CliError, type CommandRun, type CliIo } from '../command';
import { readKey } from '../public-key';
import type { ledgerVerifyOptions } from './ledger-verify.command';

export const run: CommandRun<typeof ledgerVerifyOptions> = async (options, io) => {
  if ((options.checkpoint === undefined) === (options.bundle === undefined)) throw new UsageError('give either --checkpoint or --bundle');
  if (options.bundle !== undefined && (options.proof !== undefined || options.leaf !== undefined)) {
    throw new UsageError('--bundle holds its own proofs and leaves: --proof and --leaf go with --checkpoint');
  }
  try {
    const trust = { publicKey: readKey(options.key), keyName: options['key-name'], origin: options.origin };
    const fromCheckpoint =
      options['from-checkpoint'] === undefined ? undefined : (readJsonFile(options['from-checkpoint']) as CheckpointFile);
    if (options.bundle !== undefined) {
      return report(verifyBundleDir(readBundleDir(options.bundle), { ...trust, held: fromCheckpoint }), io);
    }
    const outcome = verifyBundle({
      ...trust,
      checkpoint: readJsonFile(options.checkpoint!) as CheckpointFile,
      proof: options.proof === undefined ? undefined : parseProofFile(readJsonFile(options.proof)),
      leaf: options.leaf === undefined ? undefined : readFileBytes(options.leaf),
      fromCheckpoint,
    });
    return report(outcome, io);
  } catch (error) {
    if (error instanceof BundleInputError) throw new CliError(error.message, 2);
    throw error;
  }
};

/** `OK: …` and 0, or `FAILED: …` (`FAILED at leaf i: …` when a leaf is at fault) and 1. */
function report(outcome: { ok: true; message: string } | { ok: false; reason: string; index?: number }, io: CliIo): number {
  if (!outcome.ok) {
    io.out(`FAILED${outcome.index === undefined ? '' : ` at leaf ${outcome.index}`}: ${outcome.reason}\n`);
    return 1;
  }
  io.out(`OK: ${outcome.message}\n`);
  return 0;
}
