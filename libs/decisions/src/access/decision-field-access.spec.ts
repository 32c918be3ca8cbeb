import { join } from 'node:path';
import { buildAbility, loadAccessPolicy, Role } from '@attest/identity';
import type { DecisionEntity } from '../entities/decision.entity';
import type { ExplanationStepView } from '../models/explanation-step.model';
import { DecisionFieldAccess } from './decision-field-access';

const policy = loadAccessPolicy(join(__dirname, '../../../../policies/access'));
const tenantId = '00000000-0000-4000-8000-000000000001';
const decision = {
  id: 'd1',
  tenantId,
  automationId: 'a1',
  input: { claim: 7 },
  output: { route: 'fast' },
  context: { channel: 'web' },
  policyFacts: { decision: { id: 'd1', confidence: 0.9 }, automation: { riskClass: 'high' } },
} as unknown as DecisionEntity;
const steps: ExplanationStepView[] = [
  { position: 0, kind: 'feature_attribution', feature: 'age', value: 41, weight: 0.2 } as ExplanationStepView,
  { position: 1, kind: 'llm_call', model: 'm', prompt: 'Is claim 7 urgent?', completion: 'yes' } as ExplanationStepView,
  { position: 2, kind: 'rule_fired', ruleId: 'r1', outcome: 'matched' } as ExplanationStepView,
];

/** The access of a principal with these roles; `owners` answers who owns an automation, and counts the questions. */
function accessOf(roles: Role[], options: { id?: string; automationIds?: string[]; owners?: Record<string, string> } = {}) {
  const asked: string[] = [];
  const ability = buildAbility(policy, { id: options.id ?? 'me', tenantId, roles, automationIds: options.automationIds ?? [] });
  const access = new DecisionFieldAccess(ability, async (id) => {
    asked.push(id);
    return options.owners?.[id] ?? null;
  });
  return { access, asked };
}

describe('DecisionFieldAccess', () => {
  it('gives a compliance officer everything, without asking who owns the automation', async () => {
    const { access, asked } = accessOf([Role.COMPLIANCE_OFFICER]);
    expect(await access.readable(decision, 'input')).toEqual({ claim: 7 });
    expect(await access.withheldFacts(decision)).toEqual([]);
    expect(await access.policyFacts(decision)).toEqual({
      ...decision.policyFacts,
      decision: { id: 'd1', confidence: 0.9, output: { route: 'fast' } },
      context: { channel: 'web' },
    });
    expect(await access.explanation(decision, steps)).toEqual(steps);
    expect(asked).toEqual([]);
  });

  it('withholds input, output and context from an auditor, and what depends on them', async () => {
    const { access } = accessOf([Role.AUDITOR]);
    for (const field of ['input', 'output', 'context'] as const) expect(await access.readable(decision, field)).toBeNull();
    expect(await access.withheldFacts(decision)).toEqual(['decision.output', 'context']);
    expect(await access.policyFacts(decision)).toEqual({
      ...decision.policyFacts,
      decision: { id: 'd1', confidence: 0.9, output: null },
      context: {},
    });
    const shown = await access.explanation(decision, steps);
    expect(shown).toEqual([
      { position: 0, kind: 'feature_attribution', feature: 'age', value: null, weight: 0.2 },
      { position: 1, kind: 'llm_call', model: 'm', prompt: null, completion: null },
      { position: 2, kind: 'rule_fired', ruleId: 'r1', outcome: 'matched' },
    ]);
    expect(steps[0]).toMatchObject({ value: 41 }); // the steps given are not changed
  });

  it('gives an automation owner the decisions of the automations it owns only, asking for the owner', async () => {
    const owner = accessOf([Role.AUTOMATION_OWNER], { id: 'owner-1', owners: { a1: 'owner-1' } });
    expect(await owner.access.readable(decision, 'output')).toEqual({ route: 'fast' });
    expect(owner.asked).toEqual(['a1']);

    const stranger = accessOf([Role.AUTOMATION_OWNER], { id: 'owner-2', owners: { a1: 'owner-1' } });
    expect(await stranger.access.readable(decision, 'output')).toBeNull();
    const unseen = accessOf([Role.AUTOMATION_OWNER], { id: 'owner-1' }); // the automation cannot be loaded
    expect(await unseen.access.may(decision, 'input')).toBe(false);
  });

  it('gives a service the decisions of its bound automations', async () => {
    expect(await accessOf([Role.SERVICE], { automationIds: ['a1'] }).access.may(decision, 'context')).toBe(true);
    expect(await accessOf([Role.SERVICE], { automationIds: ['a2'] }).access.may(decision, 'context')).toBe(false);
  });
});
