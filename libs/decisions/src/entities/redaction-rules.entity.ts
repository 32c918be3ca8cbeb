import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RedactionRules } from '../redaction/redact';

/** An automation's redaction rules: configuration, replaced by an audited mutation. */
@Entity('redaction_rules')
export class RedactionRulesEntity {
  @PrimaryColumn({ name: 'automation_id', type: 'uuid' }) automationId: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column('jsonb') rules: RedactionRules;
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
