import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MatchedPolicyResult, PolicyEffectValue } from '@attest/core';
import type { DecisionStatusValue } from '../models/decision.enums';
import type { RedactionFinding } from '../redaction/redact';

/** A status as stored (the vocabulary is defined once, in models/decision.enums.ts). */
export type DecisionStatus = DecisionStatusValue;

/** One automated outcome as stored: redacted, hashed where raw, with the verdict that judged it. Append-only. */
@Entity('decisions')
export class DecisionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'automation_id', type: 'uuid' }) automationId: string;
  @Column({ name: 'automation_version_id', type: 'uuid' }) automationVersionId: string;
  @Column({ name: 'model_version_id', type: 'uuid' }) modelVersionId: string;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey: string;
  /** Keyed hash of the request as received: a replay with another payload is a conflict. */
  @Column({ name: 'request_hash', type: 'text' }) requestHash: string;
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId: string | null;
  @Column({ name: 'trace_id', type: 'text', nullable: true }) traceId: string | null;
  @Column({ name: 'input_hash', type: 'text' }) inputHash: string;
  @Column({ type: 'jsonb' }) input: unknown;
  @Column({ type: 'jsonb' }) output: unknown;
  @Column({ type: 'jsonb' }) context: Record<string, unknown>;
  @Column({ type: 'double precision', nullable: true }) confidence: number | null;
  @Column('text') status: DecisionStatus;
  @Column({ name: 'policy_pack_digest', type: 'text', nullable: true }) policyPackDigest: string | null;
  @Column({ name: 'policy_effect', type: 'text', nullable: true }) policyEffect: PolicyEffectValue | null;
  @Column({ name: 'policy_results', type: 'jsonb' }) policyResults: MatchedPolicyResult[];
  /** The registry and caller facts the policies saw, less the output and context (stored beside): for replaying the evaluation. */
  @Column({ name: 'policy_facts', type: 'jsonb', nullable: true }) policyFacts: Record<string, unknown> | null;
  @Column({ type: 'jsonb' }) redactions: RedactionFinding[];
  @Column({ name: 'subject_hash', type: 'text', nullable: true }) subjectHash: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
}
