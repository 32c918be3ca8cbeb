import { Args, Query, Resolver } from '@nestjs/graphql';
import { pageCost } from '@attest/core';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { AuditService } from './audit.service';
import { AuditEventsArgs } from './dto/audit-events.args';
import { AuditEventConnection, AuditEventModel } from './models/audit-event.model';

@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, {
    description:
      'The audit trail of the tenant, newest first: every mutation, by whom and what changed (admins, compliance officers, auditors)',
    complexity: pageCost,
  })
  @Can('read', 'AuditEvent')
  auditEvents(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: AuditEventsArgs) {
    return this.audit.list(actor, args);
  }
}
