import { Inject, Injectable, Optional } from '@nestjs/common';
import { AttestError, POLICY_CHECK, recordAudit, TenantDb, type PolicyCheck } from '@attest/core';
import { subjectOf, type AuthenticatedPrincipal } from '@attest/identity';
import { auditSnapshot } from './audit-snapshot';
import type { RegisterAutomationVersionInput } from './dto/register-automation-version.input';
import type { TransitionArgs } from './dto/transition.args';
import { AutomationVersionModelEntity } from './entities/automation-version-model.entity';
import { AutomationVersionEntity } from './entities/automation-version.entity';
import { AutomationEntity } from './entities/automation.entity';
import type { ModelVersionEntity } from './entities/model-version.entity';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { automationVersionFacts } from './lifecycle/policy-facts';
import { LifecycleStatus } from './registry.enums';
import { findReadable, loadReadable } from './registry-access';
import { assertAllExist, findOrNotFound } from './registry-checks';
import { linkedRows, type Linked } from './registry-links';
import { AUTOMATION_VERSIONS, MODEL_VERSIONS } from './registry-tables';

@Injectable()
export class AutomationVersionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly lifecycle: LifecycleService,
    @Optional() @Inject(POLICY_CHECK) private readonly policy?: PolicyCheck,
  ) {}

  register(actor: AuthenticatedPrincipal, input: RegisterAutomationVersionInput): Promise<AutomationVersionEntity> {
    return this.db.transaction(actor.tenantId, async (m) => {
      const automation = await findOrNotFound(m, AutomationEntity, 'Automation', input.automationId);
      const version = m.create(AutomationVersionEntity, {
        tenantId: actor.tenantId,
        automationId: automation.id,
        version: input.version,
        purpose: input.purpose,
        domain: input.domain ?? null,
        riskClass: input.riskClass,
        oversightMode: input.oversightMode,
        environment: input.environment,
        status: LifecycleStatus.DRAFT,
        submittedBy: null,
        approvedBy: null,
        createdBy: actor.principalId,
      });
      if (!actor.ability.can('create', subjectOf('AutomationVersion', { ...version, ownerId: automation.ownerId }))) {
        throw AttestError.forbidden();
      }
      const modelVersionIds = [...new Set(input.modelVersionIds)];
      await assertAllExist(m, 'model_versions', modelVersionIds, 'modelVersionIds');
      // EU AI Act classification is policy: the pack may refuse a declared class lower than the domain implies.
      const verdict = await this.policy?.check(m, actor, 'automation.register', {
        automation: {
          declaredRiskClass: version.riskClass,
          riskClass: version.riskClass,
          domain: version.domain,
          purpose: version.purpose,
          oversightMode: version.oversightMode,
          environment: version.environment,
        },
      });

      const saved = await m.save(version);
      const links = modelVersionIds.map((id) =>
        m.create(AutomationVersionModelEntity, { tenantId: actor.tenantId, automationVersionId: saved.id, modelVersionId: id }),
      );
      if (links.length > 0) await m.insert(AutomationVersionModelEntity, links);
      await recordAudit(m, actor, {
        action: 'automation_version.registered',
        subjectType: 'AutomationVersion',
        subjectId: saved.id,
        after: { ...auditSnapshot(saved), modelVersionIds, ...(verdict ? { policy: verdict } : {}) },
      });
      return saved;
    });
  }

  transition(actor: AuthenticatedPrincipal, args: TransitionArgs): Promise<AutomationVersionEntity> {
    return this.lifecycle.transitionById(actor, 'AutomationVersion', AutomationVersionEntity, args, async (m, v) => ({
      ownerId: (await m.findOneByOrFail(AutomationEntity, { id: v.automationId })).ownerId,
      facts: await automationVersionFacts(m, v),
    }));
  }

  get(actor: AuthenticatedPrincipal, id: string): Promise<AutomationVersionEntity> {
    return findReadable(this.db, actor, AUTOMATION_VERSIONS, id);
  }

  /** Batch loads for DataLoaders, filtered in SQL by the actor's read rules (a service sees its bound automations only). */
  versionsOfAutomations(actor: AuthenticatedPrincipal, automationIds: readonly string[]): Promise<AutomationVersionEntity[]> {
    return loadReadable(this.db, actor, AUTOMATION_VERSIONS, automationIds, 'automation_id');
  }

  /** Batch load by id, for DataLoaders elsewhere (a decision's automation version). */
  loadMany(actor: AuthenticatedPrincipal, ids: readonly string[]): Promise<AutomationVersionEntity[]> {
    return loadReadable(this.db, actor, AUTOMATION_VERSIONS, ids);
  }

  /** The model versions each automation version uses; empty for callers who may not read model versions. */
  modelVersionsOf(actor: AuthenticatedPrincipal, versionIds: readonly string[]): Promise<Linked<ModelVersionEntity>[]> {
    const link = { table: 'automation_version_models', from: 'automation_version_id', to: 'model_version_id' };
    return this.db.transaction(actor.tenantId, (m) => linkedRows(m, actor, link, versionIds, MODEL_VERSIONS));
  }

  /** Batch load for DataLoaders: the readable automation versions that use each model version (what it feeds). */
  usingModelVersions(actor: AuthenticatedPrincipal, modelVersionIds: readonly string[]): Promise<Linked<AutomationVersionEntity>[]> {
    const link = { table: 'automation_version_models', from: 'model_version_id', to: 'automation_version_id' };
    return this.db.transaction(actor.tenantId, (m) => linkedRows(m, actor, link, modelVersionIds, AUTOMATION_VERSIONS));
  }
}
