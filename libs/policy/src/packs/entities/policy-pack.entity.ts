import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Policy } from '../../policy.types';

/** A pack's policies as they were activated, kept forever under their digest. */
@Entity('policy_packs')
export class PolicyPackEntity {
  @PrimaryColumn('text') digest: string;
  @Column('text') name: string;
  @Column('jsonb') policies: Policy[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
