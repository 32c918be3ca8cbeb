import { ObjectType } from '@nestjs/graphql';

/**
 * The console's overview (issue 15, page 1) as one GraphQL object whose fields each context adds
 * itself with a @ResolveField (registry: inventory counts; decisions: decisions per day, review
 * backlog; policy: the active pack; ledger: checkpoint and last verification), so each aggregate is
 * computed by its owner and only the fields a client asks for are computed. It lives in core for
 * the reason PolicyEffect does: every context depends on core and none on the others.
 */
@ObjectType('ComplianceOverview', {
  description:
    "The tenant's compliance state at a glance (the console's overview): inventory, decisions per day, reviews waiting, the active policy pack and the ledger. Each field is computed only when asked for, from the rows the caller may read",
})
export class ComplianceOverviewModel {
  /** No data of its own: the root query returns this marker and every field is resolved by its context. */
  readonly kind = 'ComplianceOverview' as const;
}

export const COMPLIANCE_OVERVIEW: ComplianceOverviewModel = new ComplianceOverviewModel();
