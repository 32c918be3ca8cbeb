import { Injectable } from '@nestjs/common';
import { TenantDb, type Connection } from '@attest/core';
import type { AuthenticatedPrincipal } from '@attest/identity';
import type { AutomationsArgs } from './dto/automations.args';
import type { RegisterAutomationInput } from './dto/register-automation.input';
import { AutomationEntity } from './entities/automation.entity';
import { findReadable, loadReadable, readable } from './registry-access';
import { entryFields, pageOfEntries, registerEntry, whereEntryMatches } from './registry-entries';
import { AUTOMATIONS } from './registry-tables';

/** Reads go through the `Automation` read rules, so a service principal sees only the automations it is bound to. */
@Injectable()
export class AutomationsService {
  constructor(private readonly db: TenantDb) {}

  register(actor: AuthenticatedPrincipal, input: RegisterAutomationInput): Promise<AutomationEntity> {
    return registerEntry(
      this.db,
      actor,
      'Automation',
      AutomationEntity,
      { ...entryFields(actor, input), key: input.key },
      'automation.registered',
    );
  }

  get(actor: AuthenticatedPrincipal, id: string): Promise<AutomationEntity> {
    return findReadable(this.db, actor, AUTOMATIONS, id);
  }

  getByKey(actor: AuthenticatedPrincipal, key: string): Promise<AutomationEntity> {
    return findReadable(this.db, actor, AUTOMATIONS, key, 'key');
  }

  list(actor: AuthenticatedPrincipal, args: AutomationsArgs): Promise<Connection<AutomationEntity>> {
    return this.db.transaction(actor.tenantId, (m) => {
      const f = args.filter ?? {};
      const query = whereEntryMatches(readable(m, actor, AUTOMATIONS), f, ['name', 'key']);
      if (f.status || f.riskClass || f.environment) {
        query.andWhere(
          `EXISTS (SELECT 1 FROM automation_versions v WHERE v.automation_id = automation.id
             AND (CAST(:status AS text) IS NULL OR v.status = :status)
             AND (CAST(:riskClass AS text) IS NULL OR v.risk_class = :riskClass)
             AND (CAST(:environment AS text) IS NULL OR v.environment = :environment))`,
          { status: f.status ?? null, riskClass: f.riskClass ?? null, environment: f.environment ?? null },
        );
      }
      return pageOfEntries(query, args);
    });
  }

  /** Batch load for DataLoader: the automations the actor may read, by id. */
  loadMany(actor: AuthenticatedPrincipal, ids: readonly string[]): Promise<AutomationEntity[]> {
    return loadReadable(this.db, actor, AUTOMATIONS, ids);
  }
}
