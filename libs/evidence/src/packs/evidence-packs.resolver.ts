import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Can, CurrentPrincipal, RateLimited, type AuthenticatedPrincipal } from '@attest/identity';
import { GeneratedFile, generatedFile } from '../files/generated-file.model';
import { AuditPeriodPackService } from './audit-period/audit-period-pack.service';
import { EVIDENCE_PACK_MEDIA_TYPE } from './decision-evidence.resolver';
import { AuditPeriodEvidenceArgs } from './dto/audit-period-evidence.args';
import { ModelVersionEvidenceArgs } from './dto/model-version-evidence.args';
import { ModelVersionPackService } from './model-version/model-version-pack.service';

/** The model version and audit period packs; mutations like decisionEvidence, since each export is an audit event. */
@Resolver()
export class EvidencePacksResolver {
  constructor(
    private readonly modelVersions: ModelVersionPackService,
    private readonly periods: AuditPeriodPackService,
  ) {}

  @Mutation(() => GeneratedFile, {
    description:
      "A model version's evidence pack: a zip with its registration, lifecycle moves and approvals, the gate verdicts with the policy packs at their digests, its training and evaluation dataset versions, its audit events, every fact's ledger leaf with its inclusion proof, the count of its decisions by status (the server's count, not proved) and a PDF summary; verified offline by `attest evidence verify` (docs/evidence.md)",
  })
  @Can('read', 'EvidencePack')
  @RateLimited('exports')
  async modelVersionEvidence(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args() args: ModelVersionEvidenceArgs,
  ): Promise<GeneratedFile> {
    const pack = await this.modelVersions.build(actor, args.modelVersionId);
    return generatedFile(pack.fileName, EVIDENCE_PACK_MEDIA_TYPE, pack.bytes);
  }

  @Mutation(() => GeneratedFile, {
    description:
      "An audit period's evidence pack, for an automation or the whole tenant over [from, to) (at most 366 days and 10,000 audit events): decisions by status, review and override rates, the policies that fired, blocked attempts, and the period's audit events as audit-events.csv with each one's ledger leaf and inclusion proof, and a PDF summary; verified offline by `attest evidence verify` (docs/evidence.md)",
  })
  @Can('read', 'EvidencePack')
  @RateLimited('exports')
  async auditPeriodEvidence(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args() args: AuditPeriodEvidenceArgs,
  ): Promise<GeneratedFile> {
    const pack = await this.periods.build(actor, args.from, args.to, args.automationId);
    return generatedFile(pack.fileName, EVIDENCE_PACK_MEDIA_TYPE, pack.bytes);
  }
}
