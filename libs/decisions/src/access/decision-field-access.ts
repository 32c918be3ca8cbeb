import { subjectOf, type AppAbility } from '@attest/identity';
import type { DecisionEntity } from '../entities/decision.entity';
import type { ExplanationStepView } from '../models/explanation-step.model';
import { WithheldDecisionField } from '../models/decision.enums';
import { decisionFacts } from '../recording/decision-facts';

/** The parts of a decision that field-level rules may withhold from a role. */
export type RestrictedField = `${WithheldDecisionField}`;

/** The owner of an automation (a rule may grant its owner the whole decision), or null when the caller cannot see it. */
export type AutomationOwnerOf = (automationId: string) => Promise<string | null>;

/** The parts of a step that quote what the automation saw or said: hidden with the input. */
const QUOTED_DATA = ['value', 'prompt', 'completion'] as const;

/**
 * What one principal may read of a decision, field by field, from its abilities
 * (policies/access): the values it may not read are null, never an error, and what depends on
 * them (the policy facts, the explanation's quotes) is withheld with them.
 */
export class DecisionFieldAccess {
  constructor(
    private readonly ability: AppAbility,
    private readonly ownerOf: AutomationOwnerOf,
  ) {}

  /** The owner is asked for only when the rules without it say no (it costs a load). */
  async may(d: DecisionEntity, field: RestrictedField): Promise<boolean> {
    if (this.ability.can('read', subjectOf('Decision', d), field)) return true;
    const ownerId = await this.ownerOf(d.automationId);
    return ownerId !== null && this.ability.can('read', subjectOf('Decision', { ...d, automationOwnerId: ownerId }), field);
  }

  async readable(d: DecisionEntity, field: RestrictedField): Promise<unknown> {
    return (await this.may(d, field)) ? d[field] : null;
  }

  /** The facts the policies judged, with decision.output and context null where they may not be read. */
  async policyFacts(d: DecisionEntity): Promise<Record<string, unknown> | null> {
    if (!d.policyFacts) return null;
    const [output, context] = [await this.readable(d, 'output'), await this.readable(d, 'context')];
    // A withheld context is empty: each context.* fact a policy reads is then null, as for any absent fact.
    return decisionFacts(d.policyFacts, output, (context ?? {}) as Record<string, unknown>);
  }

  /** Said explicitly, so that a client never has to tell a withheld part from an absent one. */
  async withheld(d: DecisionEntity): Promise<WithheldDecisionField[]> {
    const fields = Object.values(WithheldDecisionField);
    const readable = await Promise.all(fields.map((field) => this.may(d, field)));
    return fields.filter((_, i) => !readable[i]);
  }

  async withheldFacts(d: DecisionEntity): Promise<string[]> {
    const withheld: string[] = [];
    if (!(await this.may(d, 'output'))) withheld.push('decision.output');
    if (!(await this.may(d, 'context'))) withheld.push('context');
    return withheld;
  }

  /** The trace, without the values, prompts and completions it quotes unless the input may be read. */
  async explanation(d: DecisionEntity, steps: ExplanationStepView[]): Promise<ExplanationStepView[]> {
    return (await this.may(d, 'input')) ? steps : steps.map(withoutQuotedData);
  }
}

function withoutQuotedData(step: ExplanationStepView): ExplanationStepView {
  const copy = { ...step };
  for (const field of QUOTED_DATA) if (field in copy) copy[field] = null;
  return copy;
}
