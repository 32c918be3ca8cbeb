import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PrincipalKind } from '../access/vocabulary';

@Entity('principals')
export class PrincipalEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column('text') kind: PrincipalKind;
  @Column('text') name: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  /** The OpenID Connect identity it signs in with (issuer and subject), unique per tenant; null for others. */
  @Column({ name: 'oidc_issuer', type: 'text', nullable: true }) oidcIssuer: string | null;
  @Column({ name: 'oidc_subject', type: 'text', nullable: true }) oidcSubject: string | null;
}
