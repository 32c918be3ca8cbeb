import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReviewVerdictValue } from '../models/decision.enums';
import type { RedactionFinding } from '../redaction/redact';

export type ReviewVerdict = ReviewVerdictValue;

/** A human's verdict on a decision: its first review, and one per contest answered (the latest stands). Append-only. */
@Entity('decision_reviews')
export class DecisionReviewEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'decision_id', type: 'uuid' }) decisionId: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId: string;
  @Column('text') verdict: ReviewVerdict;
  @Column('text') rationale: string;
  @Column({ name: 'corrected_output', type: 'jsonb', nullable: true }) correctedOutput: unknown;
  @Column({ type: 'jsonb' }) redactions: RedactionFinding[];
  /** The contest this review answers (docs/evidence.md); null for a decision's first review when not contested. */
  @Column({ name: 'contest_id', type: 'uuid', nullable: true }) contestId: string | null;
  /** Set by the database, and returned on insert (the review's webhook and answer carry it). */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
