import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, CurrentPrincipal, type AuthenticatedPrincipal } from '@attest/identity';
import type { RedactionRulesEntity } from '../entities/redaction-rules.entity';
import type { DetectorName } from '../redaction/detectors';
import { SetRedactionRulesArgs } from './redaction-rules.input';
import { RedactionRulesModel } from './redaction-rules.model';
import { RedactionRulesService } from './redaction-rules.service';

function toModel(automationId: string, row: RedactionRulesEntity | null): RedactionRulesModel {
  const rules = row?.rules ?? {};
  return {
    automationId,
    paths: (rules.paths ?? []).filter((p) => p.action === 'redact').map((p) => p.path),
    keepPaths: (rules.paths ?? []).filter((p) => p.action === 'keep').map((p) => p.path),
    patterns: [...(rules.patterns ?? [])],
    detectors: rules.detectors ? [...rules.detectors] : null,
    updatedBy: row?.updatedBy ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

@Resolver(() => RedactionRulesModel)
export class RedactionRulesResolver {
  constructor(private readonly service: RedactionRulesService) {}

  @Query(() => RedactionRulesModel, { description: "The automation's redaction rules (the defaults until set)" })
  @Can('read', 'Automation')
  async redactionRules(
    @CurrentPrincipal() actor: AuthenticatedPrincipal,
    @Args('automationId', { type: () => ID, description: 'The automation whose rules to read' }) automationId: string,
  ) {
    return toModel(automationId, await this.service.get(actor, automationId));
  }

  @Mutation(() => RedactionRulesModel, { description: "Replaces the automation's redaction rules (its owner or an admin); audited" })
  @Can('update', 'Automation')
  async setRedactionRules(@CurrentPrincipal() actor: AuthenticatedPrincipal, @Args() { automationId, rules }: SetRedactionRulesArgs) {
    const saved = await this.service.set(actor, automationId, {
      paths: [
        ...rules.paths.map((path) => ({ path, action: 'redact' as const })),
        ...(rules.keepPaths ?? []).map((path) => ({ path, action: 'keep' as const })),
      ],
      patterns: rules.patterns.map(({ name, pattern, flags }) => ({ name, pattern, ...(flags ? { flags } : {}) })),
      ...(rules.detectors ? { detectors: rules.detectors as DetectorName[] } : {}),
    });
    return toModel(automationId, saved);
  }
}
