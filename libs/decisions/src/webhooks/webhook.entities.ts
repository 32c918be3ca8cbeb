import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

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

/** One event to deliver to one subscription: written with the fact it announces (an outbox), then worked off by a job. */
@Entity('webhook_deliveries')
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'subscription_id', type: 'uuid' }) subscriptionId: string;
  @Column({ name: 'decision_id', type: 'uuid' }) decisionId: string;
  @Column('text') event: string;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('text') status: DeliveryStatus;
  @Column('integer') attempts: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
}

/** One HTTP attempt of a delivery. Append-only. */
@Entity('webhook_delivery_attempts')
export class WebhookDeliveryAttemptEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'delivery_id', type: 'uuid' }) deliveryId: string;
  @Column('integer') attempt: number;
  @Column({ name: 'status_code', type: 'integer', nullable: true }) statusCode: number | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'duration_ms', type: 'integer' }) durationMs: number;
  @Column({ name: 'response_snippet', type: 'text', nullable: true }) responseSnippet: string | null;
  @Column({ name: 'attempted_at', type: 'timestamptz' }) attemptedAt: Date;
}

export const WEBHOOK_ENTITIES = [WebhookSubscriptionEntity, WebhookDeliveryEntity, WebhookDeliveryAttemptEntity];
