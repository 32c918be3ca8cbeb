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
import { CliError, defineCommand, type CliIo } from '../command';
import { readKey } from '../public-key';

export const ledgerVerifyCommand = defineCommand({
  name: 'ledger verify',
  summary: 'Verify a signed checkpoint, and an inclusion or consistency proof against it, or an exported bundle, offline',
  description:
    "Needs no database and trusts nothing but the public key: checks the checkpoint's Ed25519 signature, then with " +
    '--proof and --leaf that the leaf is in its tree, or with --proof and --from-checkpoint that its tree extends the ' +
    'older one. With --bundle (what `attest ledger export` wrote) checks every leaf of it in index order and names the ' +
    'first that fails. File formats: docs/ledger.md, docs/ledger-export.md. Exit 0 when everything verifies, 1 when ' +
    'something does not, 2 on unreadable input.',
  options: {
    checkpoint: { type: 'string', valueName: 'file', description: 'the signed checkpoint (JSON with "note")' },
    bundle: { type: 'string', valueName: 'dir', description: 'instead of --checkpoint: a directory written by `attest ledger export`' },
    key: { type: 'string', required: true, valueName: 'pem', description: "the log's Ed25519 public key (PEM)" },
    'key-name': { type: 'string', valueName: 'name', description: "the key's name (default: the one on the checkpoint's signature line)" },
    origin: { type: 'string', valueName: 'origin', description: "the log the checkpoint must be of, e.g. the tenant's origin" },
    proof: { type: 'string', valueName: 'file', description: 'an inclusion or a consistency proof (JSON)' },
    leaf: { type: 'string', valueName: 'file', description: 'with an inclusion proof: the leaf, byte for byte as exported' },
    'from-checkpoint': {
      type: 'string',
      valueName: 'file',
      description: 'with a consistency proof: the older checkpoint; with --bundle: a checkpoint you hold (instead of its since.json)',
    },
  },
  async run(options, io) {
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
  },
});

/** `OK: …` and 0, or `FAILED: …` (`FAILED at leaf i: …` when a leaf is at fault) and 1. */
function report(outcome: { ok: true; message: string } | { ok: false; reason: string; index?: number }, io: CliIo): number {
  if (!outcome.ok) {
    io.out(`FAILED${outcome.index === undefined ? '' : ` at leaf ${outcome.index}`}: ${outcome.reason}\n`);
    return 1;
  }
  io.out(`OK: ${outcome.message}\n`);
  return 0;
}
