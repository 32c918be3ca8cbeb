import { Query, Resolver } from '@nestjs/graphql';
import { COMPLIANCE_OVERVIEW, ComplianceOverviewModel } from '@attest/core';
import { Can } from '@attest/identity';

/**
 * The console's overview in one query. The object is empty: registry, decisions, policy and
 * ledger each resolve their own fields (ComplianceOverviewModel), under their own abilities too.
 */
@Resolver(() => ComplianceOverviewModel)
export class ComplianceOverviewResolver {
  @Query(() => ComplianceOverviewModel, {
    description:
      "The tenant's compliance state at a glance, for the console's overview: inventory counts, decisions per day, reviews waiting, the active policy pack, the latest checkpoint and the last verification (compliance officers, auditors, admins)",
  })
  @Can('read', 'ComplianceOverview')
  complianceOverview(): ComplianceOverviewModel {
    return COMPLIANCE_OVERVIEW;
  }
}
