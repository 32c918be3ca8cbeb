import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event to deliver to one subscription: written with the fact it announces (an outbox), then worked off by a job. */
@Entity('webhook_deliveries')
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'subscription_id', type: 'uuid' }) subscriptionId: string;
  @Column({ name: 'decision_id', type: 'uuid', nullable: true }) decisionId: string | null;
  @Column({ name: 'monitor_id', type: 'uuid', nullable: true }) monitorId: string | null;
  @Column('text') event: string;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('text') status: DeliveryStatus;
  @Column('integer') attempts: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
}
