import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A model version an automation version uses. */
@Entity('automation_version_models')
export class AutomationVersionModelEntity {
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @PrimaryColumn({ name: 'automation_version_id', type: 'uuid' }) automationVersionId: string;
  @PrimaryColumn({ name: 'model_version_id', type: 'uuid' }) modelVersionId: string;
}
