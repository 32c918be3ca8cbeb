import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, GraphQLJSON, GraphQLSafeInt } from '@attest/core';
import { LEAF_KINDS } from './ledger.args';

@ObjectType('LedgerCheckpoint', { description: "A signed head of the tenant's tree: what an auditor keeps and later checks proofs against" })
export class LedgerCheckpointModel {
  @Field({ description: "The tenant's log, `<ledger name>/<tenant id>`: line 1 of the note" }) origin: string;
  @Field(() => GraphQLSafeInt) treeSize: number;
  @Field({ description: 'RFC 6962 head of the first treeSize leaves, base64' }) rootHash: string;
  @Field({ description: 'When it was signed: line 4 of the note' }) timestamp: Date;
  @Field({ description: 'The signed note (c2sp.org/signed-note), exactly as signed: `attest ledger verify --checkpoint` reads `{ "note": … }`' })
  note: string;
}

@ObjectType('LedgerInclusionProof', { description: 'That a leaf is in the tree of a signed checkpoint (RFC 9162 §2.1.3)' })
export class LedgerInclusionProofModel {
  @Field(() => GraphQLSafeInt) leafIndex: number;
  @Field(() => GraphQLSafeInt) treeSize: number;
  @Field(() => [String], { description: 'The audit path, leaf first, base64' }) hashes: string[];
  @Field({ description: 'The leaf, byte for byte (UTF-8): `{"index":…,"fact":…}`' }) leaf: string;
  @Field({ description: 'SHA-256(0x00 ‖ leaf), base64' }) leafHash: string;
  @Field(() => LedgerCheckpointModel) checkpoint: LedgerCheckpointModel;
}

@ObjectType('LedgerConsistencyProof', { description: 'That the tree of one checkpoint extends that of an older one (RFC 9162 §2.1.4)' })
export class LedgerConsistencyProofModel {
  @Field(() => GraphQLSafeInt) fromSize: number;
  @Field(() => GraphQLSafeInt) toSize: number;
  @Field(() => [String], { description: 'base64, in the RFC order' }) hashes: string[];
  @Field(() => LedgerCheckpointModel) fromCheckpoint: LedgerCheckpointModel;
  @Field(() => LedgerCheckpointModel) toCheckpoint: LedgerCheckpointModel;
}

@ObjectType('LedgerEntry', { description: 'One leaf: a fact as it was written, and where the tree holds it once sealed' })
export class LedgerEntryModel {
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Position in the tree; null until sealed' }) index: number | null;
  @Field({ description: `One of: ${LEAF_KINDS.join(', ')}` })
  kind: string;
  @Field({ description: 'Id of the fact (the audit event, decision, …)' }) factId: string;
  @Field(() => GraphQLJSON, { description: 'The fact as the leaf holds it (personal data by digest only)' }) fact: unknown;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The same fact recomputed now from its row (the decision, the audit event…); differs from `fact` if the row was edited, null if it is gone',
  })
  currentFact: unknown;
  @Field(() => String, { nullable: true, description: 'The leaf bytes, once sealed' }) leaf: string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256(0x00 ‖ leaf), base64, once sealed' }) leafHash: string | null;
  @Field() writtenAt: Date;
  @Field(() => Date, { nullable: true }) sealedAt: Date | null;
}

@ObjectType('LedgerEntryConnection')
export class LedgerEntryConnection extends ConnectionType(LedgerEntryModel) {}

export enum LedgerDivergenceKind {
  LEAF_MISSING = 'LEAF_MISSING',
  LEAF_CHANGED = 'LEAF_CHANGED',
  FACT_CHANGED = 'FACT_CHANGED',
  FACT_MISSING = 'FACT_MISSING',
  LEAF_NOT_IN_CHECKPOINT = 'LEAF_NOT_IN_CHECKPOINT',
  NODE_CHANGED = 'NODE_CHANGED',
  CHECKPOINT_MISMATCH = 'CHECKPOINT_MISMATCH',
  CHECKPOINT_SIGNATURE = 'CHECKPOINT_SIGNATURE',
}
registerEnumType(LedgerDivergenceKind, {
  name: 'LedgerDivergenceKind',
  description: 'What verifyLedger found at the first bad index (docs/ledger.md, "Verifying")',
  valuesMap: {
    LEAF_MISSING: { description: 'A leaf the signed history includes is gone' },
    LEAF_CHANGED: { description: 'A stored leaf no longer hashes to what the tree holds' },
    FACT_CHANGED: { description: 'The row behind a leaf was edited: its fact recomputed differs from the leaf' },
    FACT_MISSING: { description: 'The row behind a leaf is gone' },
    LEAF_NOT_IN_CHECKPOINT: { description: 'A leaf is not covered by the checkpoint that claims it' },
    NODE_CHANGED: { description: 'A stored subtree head differs from the one recomputed from its leaves' },
    CHECKPOINT_MISMATCH: { description: 'A signed checkpoint names a root the leaves do not give' },
    CHECKPOINT_SIGNATURE: { description: 'A checkpoint signature does not verify with the ledger key' },
  },
});

@ObjectType('LedgerDivergence')
export class LedgerDivergenceModel {
  @Field(() => GraphQLSafeInt, { description: 'The first bad leaf index' }) index: number;
  @Field(() => LedgerDivergenceKind) kind: LedgerDivergenceKind;
  @Field(() => String, { nullable: true, description: 'The fact of that leaf, when known' }) factKind: string | null;
  @Field(() => String, { nullable: true }) factId: string | null;
  @Field(() => String, { nullable: true, description: 'The hash the signed history implies, hex' }) expected: string | null;
  @Field(() => String, { nullable: true, description: 'The hash of what is stored now, hex' }) found: string | null;
  @Field() message: string;
}

@ObjectType('LedgerVerification')
export class LedgerVerificationModel {
  @Field({ description: 'true when every leaf, node and checkpoint in the range matches the stored facts' }) ok: boolean;
  @Field(() => GraphQLSafeInt) fromIndex: number;
  @Field(() => GraphQLSafeInt) toIndex: number;
  @Field(() => GraphQLSafeInt, { description: 'Leaves recomputed from their facts' }) leavesChecked: number;
  @Field(() => GraphQLSafeInt, { description: 'Signed checkpoints whose head was recomputed and signature checked' }) checkpointsChecked: number;
  @Field(() => LedgerDivergenceModel, { nullable: true }) firstDivergence: LedgerDivergenceModel | null;
}

@ObjectType('LedgerStatus', { description: "The tenant's log now: its size, its latest checkpoint, and how far sealing lags" })
export class LedgerStatusModel {
  @Field() origin: string;
  @Field(() => GraphQLSafeInt) treeSize: number;
  @Field(() => LedgerCheckpointModel, { nullable: true }) latestCheckpoint: LedgerCheckpointModel | null;
  @Field(() => GraphQLSafeInt, { description: 'Leaves written and not yet sealed' }) unsequenced: number;
  @Field(() => Date, { nullable: true, description: 'Write time of the oldest of them' }) oldestUnsequencedAt: Date | null;
}
