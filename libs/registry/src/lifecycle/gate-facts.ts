import type { EntityManager } from 'typeorm';
import type { AutomationVersionEntity } from '../entities/automation-version.entity';
import type { ModelVersionEntity } from '../entities/model-version.entity';
import { automationVersionFacts, modelVersionFacts } from './policy-facts';

/** The statuses a gate let a version into, and which a changed gate policy could now refuse. */
const GATED = ['in_review', 'approved', 'deployed'];

/** What the lifecycle gate judged when a version moved into its current status, rebuilt now. */
export interface GateFacts {
  subjectType: 'ModelVersion' | 'AutomationVersion';
  id: string;
  /** `name version` (a model) or `key version` (an automation). */
  label: string;
  status: string;
  appliesTo: 'model.transition' | 'automation.transition';
  facts: Record<string, unknown>;
}

interface LastMove {
  subject_id: string;
  from_status: string;
  actor_id: string;
  actor_roles: string[];
  approvals: number;
}

/**
 * For every model and automation version in a gated status, the facts of the transition into it,
 * as the gate builds them (lifecycle.service.ts): the version's facts with its status as it was
 * before the move, the move itself, who made it with the roles they hold now, and for an approval
 * the approvers of that review round. The version's facts are read as they are now (datasets,
 * metrics): a replay asks whether a changed gate would let the version be where it is today.
 */
export async function gateFactsOf(m: EntityManager): Promise<GateFacts[]> {
  const models: (ModelVersionEntity & { label: string })[] = await m.query(
    `SELECT v.id, v.status, v.risk_tier AS "riskTier", v.intended_use AS "intendedUse", v.limitations, v.metrics,
            v.submitted_by AS "submittedBy", v.approved_by AS "approvedBy", m.name || ' ' || v.version AS label
       FROM model_versions v JOIN models m ON m.id = v.model_id WHERE v.status = ANY ($1) ORDER BY m.name, v.version, v.id`,
    [GATED],
  );
  const automations: (AutomationVersionEntity & { label: string })[] = await m.query(
    `SELECT v.id, v.status, v.risk_class AS "riskClass", v.oversight_mode AS "oversightMode", v.environment, v.purpose, v.domain,
            a.key || ' ' || v.version AS label
       FROM automation_versions v JOIN automations a ON a.id = v.automation_id WHERE v.status = ANY ($1) ORDER BY a.key, v.version, v.id`,
    [GATED],
  );
  const moves = await lastMoves(
    m,
    [...models, ...automations].map((v) => v.id),
  );
  const gates: GateFacts[] = [];
  for (const v of models) {
    const facts = await modelVersionFacts(m, v);
    const move = moves.get(v.id);
    facts.modelVersion = {
      ...(facts.modelVersion as object),
      status: move?.from_status ?? null,
      approverCount: v.status === 'approved' ? (move?.approvals ?? null) : null,
    };
    gates.push({
      subjectType: 'ModelVersion',
      id: v.id,
      label: v.label,
      status: v.status,
      appliesTo: 'model.transition',
      facts: withMove(facts, v.status, move),
    });
  }
  for (const v of automations) {
    const facts = await automationVersionFacts(m, v);
    gates.push({
      subjectType: 'AutomationVersion',
      id: v.id,
      label: v.label,
      status: v.status,
      appliesTo: 'automation.transition',
      facts: withMove(facts, v.status, moves.get(v.id)),
    });
  }
  return gates;
}

function withMove(facts: Record<string, unknown>, to: string, move: LastMove | undefined): Record<string, unknown> {
  return {
    ...facts,
    transition: { from: move?.from_status ?? null, to, actorId: move?.actor_id ?? null },
    principal: { id: move?.actor_id ?? null, roles: move?.actor_roles ?? [] },
  };
}

/** Each version's latest transition into its current status, with the actor's roles and the approvals of the round it closed. */
async function lastMoves(m: EntityManager, ids: string[]): Promise<Map<string, LastMove>> {
  if (ids.length === 0) return new Map();
  const rows: LastMove[] = await m.query(
    `SELECT DISTINCT ON (t.subject_id) t.subject_id, t.from_status, t.actor_id,
            (SELECT coalesce(array_agg(DISTINCT rb.role ORDER BY rb.role), '{}') FROM identity_principal_roles rb WHERE rb.principal_id = t.actor_id) AS actor_roles,
            (SELECT count(DISTINCT a.approver_id)::int FROM lifecycle_approvals a
              WHERE a.subject_id = t.subject_id AND a.review_round = (SELECT max(review_round) FROM lifecycle_approvals x WHERE x.subject_id = t.subject_id)) AS approvals
       FROM lifecycle_transitions t
       JOIN (SELECT id, status FROM model_versions WHERE id = ANY ($1::uuid[]) UNION ALL SELECT id, status FROM automation_versions WHERE id = ANY ($1::uuid[])) v
         ON v.id = t.subject_id AND v.status = t.to_status
      ORDER BY t.subject_id, t.at DESC`,
    [ids],
  );
  return new Map(rows.map((r) => [r.subject_id, r]));
}
