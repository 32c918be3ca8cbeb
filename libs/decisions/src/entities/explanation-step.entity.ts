import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StepKind } from '../recording/explanation-steps';

/** One step of a decision's explanation trace, in order. Append-only. */
@Entity('explanation_steps')
export class ExplanationStepEntity {
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @PrimaryColumn({ name: 'decision_id', type: 'uuid' }) decisionId: string;
  @PrimaryColumn('smallint') position: number;
  @Column('text') kind: StepKind;
  @Column('jsonb') detail: Record<string, unknown>;
}
