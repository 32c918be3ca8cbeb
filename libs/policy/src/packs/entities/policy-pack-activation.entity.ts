import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A tenant switching to a pack; the latest activation is the active pack. */
@Entity('policy_pack_activations')
export class PolicyPackActivationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column('text') digest: string;
  @Column({ name: 'activated_by', type: 'uuid' }) activatedBy: string;
  @Column('text') rationale: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
