import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BundleInputError, parseProofFile, verifyBundle, type CheckpointFile } from '@attest/ledger';
import { CliError, defineCommand } from '../command';

export const ledgerVerifyCommand = defineCommand({
  name: 'ledger verify',
  summary: 'Verify a signed checkpoint, and an inclusion or consistency proof against it, offline',
  description:
    'Needs no database and trusts nothing but the public key: checks the checkpoint\'s Ed25519 signature, then with ' +
    '--proof and --leaf that the leaf is in its tree, or with --proof and --from-checkpoint that its tree extends the ' +
    'older one. File formats: docs/ledger.md. Exit 0 when everything verifies, 1 when something does not, 2 on unreadable input.',
  options: {
    checkpoint: { type: 'string', required: true, valueName: 'file', description: 'the signed checkpoint (JSON with "note")' },
    key: { type: 'string', required: true, valueName: 'pem', description: 'the log\'s Ed25519 public key (PEM)' },
    'key-name': { type: 'string', valueName: 'name', description: 'the key\'s name (default: the one on the checkpoint\'s signature line)' },
    origin: { type: 'string', valueName: 'origin', description: 'the log the checkpoint must be of, e.g. the tenant\'s origin' },
    proof: { type: 'string', valueName: 'file', description: 'an inclusion or a consistency proof (JSON)' },
    leaf: { type: 'string', valueName: 'file', description: 'with an inclusion proof: the leaf, byte for byte as exported' },
    'from-checkpoint': { type: 'string', valueName: 'file', description: 'with a consistency proof: the older checkpoint' },
  },
  async run(options, io) {
    try {
      const outcome = verifyBundle({
        checkpoint: readJson(options.checkpoint) as CheckpointFile,
        publicKey: readKey(options.key),
        keyName: options['key-name'],
        origin: options.origin,
        proof: options.proof === undefined ? undefined : parseProofFile(readJson(options.proof)),
        leaf: options.leaf === undefined ? undefined : readBytes(options.leaf),
        fromCheckpoint: options['from-checkpoint'] === undefined ? undefined : (readJson(options['from-checkpoint']) as CheckpointFile),
      });
      if (!outcome.ok) {
        io.out(`FAILED: ${outcome.reason}\n`);
        return 1;
      }
      io.out(`OK: ${outcome.message}\n`);
      return 0;
    } catch (error) {
      if (error instanceof BundleInputError) throw new CliError(error.message, 2);
      throw error;
    }
  },
});

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new BundleInputError(`${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

function readJson(path: string): unknown {
  const text = readBytes(path).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new BundleInputError(`${path}: not JSON`);
  }
}

function readKey(path: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(readFileSync(path));
  } catch (error) {
    throw new BundleInputError(`${path}: not a public key in PEM (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new BundleInputError(`${path}: an ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
}
