import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import { documentedVersion, TechnicalDocumentation } from './technical-documentation.service';
import {
  DocumentationCompletenessArgs,
  DocumentationCompletenessModel,
  GeneratedDocumentModel,
  ModelCardInput,
  TechnicalDocumentationInput,
} from './technical-documentation.models';

@Resolver()
export class TechnicalDocumentationResolver {
  constructor(private readonly documentation: TechnicalDocumentation) {}

  @Mutation(() => GeneratedDocumentModel, {
    description:
      "Generates an automation or model version's technical documentation (EU AI Act Annex IV) from Attest's records, with each gap named; stores it, seals its SHA-256 in the ledger and audits it",
  })
  @Can('create', 'TechnicalDocumentation')
  generateTechnicalDocumentation(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: 'Whose documentation, and the format' }) input: TechnicalDocumentationInput,
  ) {
    return this.documentation.generate(actor, documentedVersion(input), input.format);
  }

  @Mutation(() => GeneratedDocumentModel, {
    description:
      "Generates a model version's model card (intended use, limitations, metrics, training data, ethical considerations); stored, sealed and audited",
  })
  @Can('create', 'TechnicalDocumentation')
  generateModelCard(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('input', { description: 'The model version, and the format' }) input: ModelCardInput,
  ) {
    return this.documentation.generateModelCard(actor, input.modelVersionId, input.format);
  }

  @Query(() => DocumentationCompletenessModel, {
    description:
      "How complete an automation or model version's technical documentation would be now: the score and each section's gap (nothing is stored)",
  })
  @Can('read', 'TechnicalDocumentation')
  documentationCompleteness(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() args: DocumentationCompletenessArgs) {
    return this.documentation.completeness(actor, documentedVersion(args));
  }
}
