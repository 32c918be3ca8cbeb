import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BundleInputError } from '@attest/ledger';

/** The log's Ed25519 public key from a PEM file; anything else is unreadable input (exit 2). */
export function readKey(path: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(readFileSync(path));
  } catch (error) {
    throw new BundleInputError(`${path}: not a public key in PEM (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new BundleInputError(`${path}: an ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
}
