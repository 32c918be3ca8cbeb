import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Where an automation's decision events are posted. The signing secret is kept sealed (secret-box.ts). */
@Entity('webhook_subscriptions')
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'automation_id', type: 'uuid' }) automationId: string;
  @Column('text') url: string;
  @Column('text', { array: true }) events: string[];
  @Column({ name: 'secret_sealed', type: 'text' }) secretSealed: string;
  @Column('boolean') active: boolean;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
