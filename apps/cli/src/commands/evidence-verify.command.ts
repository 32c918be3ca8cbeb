import type { OptionSpecs } from '../args';
import { defineCommand } from '../command';

export const evidenceVerifyOptions = {
  pack: { type: 'string', required: true, positional: true, valueName: 'pack.zip', description: 'the evidence pack' },
  key: { type: 'string', required: true, valueName: 'pem', description: "the log's Ed25519 public key (PEM), obtained out of band" },
  origin: { type: 'string', valueName: 'origin', description: "the tenant's log the pack must be of (default: the one it names)" },
} satisfies OptionSpecs;

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
  options: evidenceVerifyOptions,
  load: () => import('./evidence-verify.run'),
});
