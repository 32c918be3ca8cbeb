import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

export const ledgerVerifyOptions = {
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
} satisfies OptionSpecs;

export const ledgerVerifyCommand = defineCommand({
  name: 'ledger verify',
  summary: 'Verify a signed checkpoint, and an inclusion or consistency proof against it, or an exported bundle, offline',
  description:
    "Needs no database and trusts nothing but the public key: checks the checkpoint's Ed25519 signature, then with " +
    '--proof and --leaf that the leaf is in its tree, or with --proof and --from-checkpoint that its tree extends the ' +
    'older one. With --bundle (what `attest ledger export` wrote) checks every leaf of it in index order and names the ' +
    'first that fails. File formats: docs/ledger.md, docs/ledger-export.md. Exit 0 when everything verifies, 1 when ' +
    'something does not, 2 on unreadable input.',
  options: ledgerVerifyOptions,
  load: () => import('./ledger-verify.run'),
});
