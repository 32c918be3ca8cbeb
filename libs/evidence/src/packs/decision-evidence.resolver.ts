import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Can, CurrentPrincipal, RateLimited, type AuthenticatedPrincipal } from '@attest/identity';
import { GeneratedFile, generatedFile } from '../files/generated-file.model';
import { DecisionPackService } from './decision/decision-pack.service';
import { DecisionEvidenceArgs } from './dto/decision-evidence.args';

export const EVIDENCE_PACK_MEDIA_TYPE = 'application/zip';

@Resolver()
export class DecisionEvidenceResolver {
  constructor(private readonly packs: DecisionPackService) {}

  // A mutation, not a query: each export is an audit event (who took which evidence, and its digest).
  @Mutation(() => GeneratedFile, {
    description:
      "A decision's evidence pack: a zip with the decision as stored (withheld parts left out), its trace, the policy evaluation and the pack's content at its digest, reviews, lineage, audit events, every fact's ledger leaf with its inclusion proof, the signed checkpoint and a PDF summary; verified offline by `attest evidence verify` (docs/evidence.md)",
  })
  @Can('read', 'EvidencePack')
  @RateLimited('exports')
  async decisionEvidence(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: DecisionEvidenceArgs): Promise<GeneratedFile> {
    const pack = await this.packs.build(actor, args.decisionId);
    return generatedFile(pack.fileName, EVIDENCE_PACK_MEDIA_TYPE, pack.bytes);
  }
}
