import { Injectable } from '@nestjs/common';
import { AttestError, prepared, recordAudit, runPrepared, TenantDb } from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import { AutomationsService } from '@attest/registry';
import type { EntityManager } from 'typeorm';
import { RedactionRulesEntity } from '../entities/redaction-rules.entity';
import { compileRedactionRules, type CompiledRedactionRules, type RedactionRules } from '../redaction/redact';
import { RedactionRulesError } from '../redaction/redaction.errors';

/** The rules an automation without its own gets: every built-in detector, no paths, no patterns. */
const DEFAULT_RULES: RedactionRules = {};
/** Read for every decision. */
const RULES_OF_AUTOMATION = prepared('redaction_rules_of', 'SELECT rules FROM redaction_rules WHERE automation_id = $1');

/**
 * Each automation's redaction rules. Compiled rules are cached by their content (the JSON text),
 * so a change takes effect on the next decision and unchanged rules compile once.
 */
@Injectable()
export class RedactionRulesService {
  private readonly compiled = new Map<string, CompiledRedactionRules>();

  constructor(
    private readonly db: TenantDb,
    private readonly automations: AutomationsService,
  ) {}

  /** A scalar subquery giving the rules of the automation aliased `a` (null: the defaults), for a statement that reads them with others. */
  readonly rulesOfAutomationSql = 'SELECT rules FROM redaction_rules WHERE automation_id = a.id';

  /** The compiled rules for a decision of this automation, in the caller's transaction. */
  async compiledFor(m: EntityManager, automationId: string): Promise<CompiledRedactionRules> {
    const [row] = await runPrepared<{ rules: RedactionRules }>(m, RULES_OF_AUTOMATION, [automationId]);
    return this.compile(row?.rules ?? null);
  }

  /** Rules as read (null: the defaults), compiled once per content. */
  compile(stored: RedactionRules | null): CompiledRedactionRules {
    const rules = stored ?? DEFAULT_RULES;
    const key = JSON.stringify(rules);
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = compileRedactionRules(rules);
      if (this.compiled.size > 1000) this.compiled.clear();
      this.compiled.set(key, compiled);
    }
    return compiled;
  }

  /** The automation's own rules, or null when it uses the defaults. */
  async get(actor: AuthenticatedPrincipal, automationId: string): Promise<RedactionRulesEntity | null> {
    await this.automations.get(actor, automationId);
    return this.db.transaction(actor.tenantId, (m) => m.findOneBy(RedactionRulesEntity, { automationId }));
  }

  /** Replaces the automation's rules (owner or admin); they are validated whole and audited with before and after. */
  async set(actor: AuthenticatedPrincipal, automationId: string, rules: RedactionRules): Promise<RedactionRulesEntity> {
    const automation = await this.automations.get(actor, automationId);
    if (!actor.ability.can('update', subjectOf('Automation', automation)))
      throw AttestError.forbidden('You may not change this automation');
    try {
      compileRedactionRules(rules);
    } catch (error) {
      if (error instanceof RedactionRulesError) throw AttestError.validation(error.message, { problems: error.problems });
      throw error;
    }
    return this.db.transaction(actor.tenantId, async (m) => {
      const before = await m.findOneBy(RedactionRulesEntity, { automationId });
      const saved = await m.save(
        m.create(RedactionRulesEntity, {
          automationId,
          tenantId: actor.tenantId,
          rules,
          updatedBy: actor.principalId,
          updatedAt: new Date(),
        }),
      );
      await recordAudit(m, actor, {
        action: 'redaction_rules.set',
        subjectType: 'Automation',
        subjectId: automationId,
        before: before ? { rules: before.rules } : null,
        after: { rules },
      });
      return saved;
    });
  }
}
