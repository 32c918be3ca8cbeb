import { Injectable } from '@nestjs/common';
import { AttestError, prepared, runPrepared, type PreparedStatement } from '@attest/core';
import type { EntityManager } from 'typeorm';
import type { Environment, LifecycleStatus, OversightMode, RiskClass, RiskTier } from './registry.enums';

/** Which automation a decision belongs to: by id or by its stable key (exactly one). */
export interface DecisionTargetRef {
  automationId?: string;
  automationKey?: string;
  modelVersionId: string;
}

/** Everything the decisions context needs to know about the registry entries behind a decision. */
export interface DecisionTarget {
  automation: { id: string; key: string; ownerId: string };
  automationVersion: {
    id: string;
    version: string;
    status: LifecycleStatus;
    riskClass: RiskClass;
    oversightMode: OversightMode;
    environment: Environment;
    purpose: string;
    domain: string | null;
  };
  modelVersion: {
    id: string;
    status: LifecycleStatus;
    riskTier: RiskTier;
    intendedUse: string | null;
    limitations: string | null;
    metrics: Record<string, number>;
  };
  /** The dataset versions the model version was trained or evaluated on. */
  datasetVersions: { id: string; piiClasses: string[]; provenance: string | null }[];
}

interface TargetRow {
  automation_id: string;
  key: string;
  owner_id: string;
  av_id: string;
  av_version: string;
  av_status: LifecycleStatus;
  risk_class: RiskClass;
  oversight_mode: OversightMode;
  environment: Environment;
  purpose: string;
  domain: string | null;
  mv_id: string;
  mv_status: LifecycleStatus;
  risk_tier: RiskTier;
  intended_use: string | null;
  limitations: string | null;
  metrics: { name: string; value: number }[];
  datasets: { id: string; piiClasses: string[]; provenance: string | null }[];
}

/**
 * What else a caller reads in the same statement: scalar subqueries by alias, which may refer to the
 * automation as `a` (the decisions context reads its redaction rules and the active pack this way:
 * one round trip for all a decision needs). `name` names the combination: it must fix the columns.
 */
export interface DecisionTargetExtras {
  name: string;
  columns: Record<string, string>;
}

/** The statement, by id or by key, with a caller's extra columns (one prepared statement each: it runs on every decision). */
function resolveBy(column: 'a.id' | 'a.key', extras?: DecisionTargetExtras): PreparedStatement {
  const extraColumns = Object.entries(extras?.columns ?? {})
    .map(([alias, sql]) => `(${sql}) AS ${alias}, `)
    .join('');
  return prepared(
    `decision_target_by_${column.slice(2)}${extras ? `_${extras.name}` : ''}`,
    `
    SELECT ${extraColumns}a.id AS automation_id, a.key, a.owner_id,
           av.id AS av_id, av.version AS av_version, av.status AS av_status, av.risk_class, av.oversight_mode,
           av.environment, av.purpose, av.domain,
           mv.id AS mv_id, mv.status AS mv_status, mv.risk_tier, mv.intended_use, mv.limitations, mv.metrics,
           (SELECT coalesce(json_agg(json_build_object('id', dv.id, 'piiClasses', dv.pii_classes, 'provenance', dv.provenance)
                                     ORDER BY dv.id), '[]')
              -- Once each: a version both trained and evaluated on must not count twice in the policies' facts.
              FROM (SELECT DISTINCT dv.id, dv.pii_classes, dv.provenance
                      FROM model_version_datasets l JOIN dataset_versions dv ON dv.id = l.dataset_version_id
                     WHERE l.model_version_id = mv.id) dv) AS datasets
      FROM automations a
      JOIN automation_versions av ON av.automation_id = a.id AND av.status <> 'retired'
      JOIN automation_version_models avm ON avm.automation_version_id = av.id AND avm.model_version_id = $2
      JOIN model_versions mv ON mv.id = avm.model_version_id
     WHERE ${column} = $1
     ORDER BY av.status = 'deployed' DESC, av.created_at DESC, av.id DESC
     LIMIT 1`,
  );
}

/**
 * Resolves the registry entries a decision names, in one statement (it runs on every decision).
 * The automation version is the one that uses the model version and is not retired, preferring a
 * deployed one, then the newest: a decision always traces to a registered automation → model link.
 */
@Injectable()
export class DecisionTargetsService {
  private readonly statements = new Map<string, PreparedStatement>();

  /** The target, and the caller's extra columns (by alias) read in the same statement. */
  async resolve(
    m: EntityManager,
    ref: DecisionTargetRef,
    extras?: DecisionTargetExtras,
  ): Promise<DecisionTarget & { extras: Record<string, unknown> }> {
    const byKey = ref.automationId === undefined;
    const [row] = await runPrepared<TargetRow & Record<string, unknown>>(m, this.statement(byKey ? 'a.key' : 'a.id', extras), [
      byKey ? ref.automationKey : ref.automationId,
      ref.modelVersionId,
    ]);
    if (!row) throw await this.whyUnresolved(m, ref);
    return {
      extras: Object.fromEntries(Object.keys(extras?.columns ?? {}).map((alias) => [alias, row[alias]])),
      automation: { id: row.automation_id, key: row.key, ownerId: row.owner_id },
      automationVersion: {
        id: row.av_id,
        version: row.av_version,
        status: row.av_status,
        riskClass: row.risk_class,
        oversightMode: row.oversight_mode,
        environment: row.environment,
        purpose: row.purpose,
        domain: row.domain,
      },
      modelVersion: {
        id: row.mv_id,
        status: row.mv_status,
        riskTier: row.risk_tier,
        intendedUse: row.intended_use,
        limitations: row.limitations,
        metrics: Object.fromEntries(row.metrics.map((x) => [x.name, x.value])),
      },
      datasetVersions: row.datasets,
    };
  }

  /**
   * Makes both statements for a caller's extras ahead of its first decision, so that they exist, and
   * are prepared against the schema by the tests, before any request needs them.
   */
  prepareFor(extras?: DecisionTargetExtras): void {
    this.statement('a.id', extras);
    this.statement('a.key', extras);
  }

  private statement(column: 'a.id' | 'a.key', extras?: DecisionTargetExtras): PreparedStatement {
    const key = `${column}/${extras?.name ?? ''}`;
    let statement = this.statements.get(key);
    if (!statement) this.statements.set(key, (statement = resolveBy(column, extras)));
    return statement;
  }

  /** The failure path only: tell the caller which of the references is wrong. */
  private async whyUnresolved(m: EntityManager, ref: DecisionTargetRef): Promise<AttestError> {
    const automationRef = ref.automationId ?? ref.automationKey!;
    const [automation] = await m.query(`SELECT id FROM automations WHERE ${ref.automationId ? 'id' : 'key'} = $1`, [automationRef]);
    if (!automation) return AttestError.notFound('Automation', automationRef);
    const [modelVersion] = await m.query('SELECT id FROM model_versions WHERE id = $1', [ref.modelVersionId]);
    if (!modelVersion) return AttestError.notFound('ModelVersion', ref.modelVersionId);
    return AttestError.validation(
      `modelVersionId: model version ${ref.modelVersionId} is not used by any version of automation ${automationRef} that is not retired`,
      { field: 'modelVersionId' },
    );
  }
}
