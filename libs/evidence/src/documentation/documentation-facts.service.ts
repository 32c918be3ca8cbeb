import { Inject, Injectable } from '@nestjs/common';
import { ReviewWorkflowService } from '@attest/decisions';
import { ACCESS_POLICY, PrincipalsService, type AccessPolicy, type AuthenticatedPrincipal } from '@attest/identity';
import { MonitorsService } from '@attest/monitoring';
import { PolicyPacksService } from '@attest/policy';
import {
  AutomationsService,
  AutomationVersionsService,
  DatasetPurpose,
  DatasetsService,
  LifecycleService,
  ModelsService,
  ModelVersionsService,
} from '@attest/registry';
import type {
  AutomationVersionFacts,
  DatasetVersionFacts,
  GoverningPolicies,
  LifecycleFacts,
  ModelSystemFacts,
  ModelVersionFacts,
  MonitorFacts,
} from './technical-facts';

type ModelVersionRow = Awaited<ReturnType<ModelVersionsService['get']>>;
type AutomationVersionRow = Awaited<ReturnType<AutomationVersionsService['get']>>;

/** What a policy judges for an automation's documentation, and for a model's. */
const AUTOMATION_SUBJECTS = ['decision', 'automation.transition', 'automation.register'];
const MODEL_SUBJECTS = ['model.transition', 'dataset.register'];

/**
 * Gathers what Attest knows about an automation version or a model version through the owning
 * contexts' services, each read as the caller may read it (a row the caller may not read is
 * NOT_FOUND, as in the contexts' own queries). No SQL here: the evidence context owns no fact it documents.
 */
@Injectable()
export class DocumentationFacts {
  constructor(
    private readonly automations: AutomationsService,
    private readonly automationVersions: AutomationVersionsService,
    private readonly models: ModelsService,
    private readonly modelVersions: ModelVersionsService,
    private readonly datasets: DatasetsService,
    private readonly lifecycle: LifecycleService,
    private readonly packs: PolicyPacksService,
    private readonly monitors: MonitorsService,
    private readonly reviews: ReviewWorkflowService,
    private readonly principals: PrincipalsService,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
  ) {}

  async ofAutomationVersion(actor: AuthenticatedPrincipal, id: string): Promise<AutomationVersionFacts> {
    const version = await this.automationVersions.get(actor, id);
    const automation = await this.automations.get(actor, version.automationId);
    const modelRows = (await this.automationVersions.modelVersionsOf(actor, [id])).map((l) => l.row);
    const [models, governance, lifecycle, monitors, sla] = await Promise.all([
      this.modelFacts(actor, modelRows),
      this.governance(actor, AUTOMATION_SUBJECTS),
      this.lifecycleOf(actor, version),
      this.monitorsOf(actor, [version]),
      this.reviews.sla(actor, automation.id),
    ]);
    const label = `${automation.name} ${version.version}`;
    return {
      id,
      automationName: automation.name,
      automationKey: automation.key,
      automationDescription: automation.description,
      ownerId: automation.ownerId,
      owner: await this.nameOf(actor, automation.ownerId),
      version: version.version,
      purpose: version.purpose,
      domain: version.domain,
      riskClass: version.riskClass,
      oversightMode: version.oversightMode,
      environment: version.environment,
      status: version.status,
      models,
      governance,
      oversight: {
        automationVersion: label,
        oversightMode: version.oversightMode,
        riskClass: version.riskClass,
        reviewSlaMinutes: sla.minutes,
        reviewSlaIsSet: sla.isSet,
      },
      reviewerRoles: this.reviewerRoles(),
      lifecycle,
      monitors,
    };
  }

  async ofModelVersion(actor: AuthenticatedPrincipal, id: string): Promise<ModelSystemFacts> {
    const row = await this.modelVersions.get(actor, id);
    const usedBy = (await this.automationVersions.usingModelVersions(actor, [id])).map((l) => l.row);
    const automationIds = [...new Set(usedBy.map((v) => v.automationId))];
    const automations = new Map((await nonEmpty(automationIds, (ids) => this.automations.loadMany(actor, ids))).map((a) => [a.id, a]));
    const labelOf = (v: AutomationVersionRow) => `${automations.get(v.automationId)?.name ?? v.automationId} ${v.version}`;
    const [[model], governance, lifecycle, monitors, slas] = await Promise.all([
      this.modelFacts(actor, [row]),
      this.governance(actor, MODEL_SUBJECTS),
      this.lifecycleOf(actor, row),
      this.monitorsOf(actor, usedBy, labelOf),
      Promise.all(usedBy.map((v) => this.reviews.sla(actor, v.automationId))),
    ]);
    return {
      model,
      governance,
      usedBy: usedBy.map((v, i) => ({
        automationVersion: labelOf(v),
        oversightMode: v.oversightMode,
        riskClass: v.riskClass,
        reviewSlaMinutes: slas[i].minutes,
        reviewSlaIsSet: slas[i].isSet,
      })),
      reviewerRoles: this.reviewerRoles(),
      lifecycle,
      monitors,
    };
  }

  private async modelFacts(actor: AuthenticatedPrincipal, rows: ModelVersionRow[]): Promise<ModelVersionFacts[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [modelRows, training, evaluation] = await Promise.all([
      this.models.loadMany(actor, [...new Set(rows.map((r) => r.modelId))]),
      this.modelVersions.datasetsOf(actor, ids, DatasetPurpose.TRAINING),
      this.modelVersions.datasetsOf(actor, ids, DatasetPurpose.EVALUATION),
    ]);
    const datasetIds = [...new Set([...training, ...evaluation].map((l) => l.row.datasetId))];
    const datasetRows = await nonEmpty(datasetIds, (ids) => this.datasets.loadMany(actor, ids));
    const datasets = new Map(datasetRows.map((d) => [d.id, d]));
    const modelsById = new Map(modelRows.map((m) => [m.id, m]));
    const owners = await this.namesOf(
      actor,
      modelRows.map((m) => m.ownerId),
    );
    const datasetFacts = (links: typeof training, versionId: string): DatasetVersionFacts[] =>
      links
        .filter((l) => l.key === versionId)
        .map(({ row: dv }) => ({
          id: dv.id,
          datasetName: datasets.get(dv.datasetId)?.name ?? dv.datasetId,
          datasetDescription: datasets.get(dv.datasetId)?.description ?? null,
          version: dv.version,
          sourceUri: dv.sourceUri,
          digest: dv.digest,
          piiClasses: dv.piiClasses,
          provenance: dv.provenance,
          licence: dv.licence,
          schema: dv.schema,
        }))
        .sort((a, b) => `${a.datasetName} ${a.version}`.localeCompare(`${b.datasetName} ${b.version}`));
    return rows.map((r) => {
      const model = modelsById.get(r.modelId);
      return {
        id: r.id,
        modelName: model?.name ?? r.modelId,
        modelDescription: model?.description ?? null,
        ownerId: model?.ownerId ?? '',
        owner: model ? (owners.get(model.ownerId) ?? model.ownerId) : '',
        version: r.version,
        framework: r.framework,
        artifactUri: r.artifactUri,
        artifactDigest: r.artifactDigest,
        intendedUse: r.intendedUse,
        limitations: r.limitations,
        metrics: (r.metrics ?? []).map((m) => ({ name: m.name, value: m.value, datasetVersionId: m.datasetVersionId ?? null })),
        riskTier: r.riskTier,
        status: r.status,
        registeredAt: r.createdAt,
        training: datasetFacts(training, r.id),
        evaluation: datasetFacts(evaluation, r.id),
      };
    });
  }

  /** The active pack's policies that judge these subjects (a caller who may not read packs sees none: a gap). */
  private async governance(actor: AuthenticatedPrincipal, subjects: string[]): Promise<GoverningPolicies> {
    const pack = actor.ability.can('read', 'PolicyPack') ? await this.packs.activePack(actor) : null;
    if (!pack) return { pack: null, policies: [] };
    const policies = pack.policies
      .filter((p) => subjects.includes(p.appliesTo))
      .map(({ id, version, description, appliesTo, severity, effect, frameworks }) => ({
        id,
        version,
        description,
        appliesTo,
        severity,
        effect,
        frameworks,
      }));
    return { pack: { name: pack.name, digest: pack.digest }, policies };
  }

  private async lifecycleOf(
    actor: AuthenticatedPrincipal,
    version: { id: string; createdBy: string; createdAt: Date },
  ): Promise<LifecycleFacts> {
    const [transitions, approvals] = await Promise.all([
      this.lifecycle.history(actor, [version.id]),
      this.lifecycle.approvals(actor, [version.id]),
    ]);
    const names = await this.namesOf(actor, [
      version.createdBy,
      ...transitions.map((t) => t.actorId),
      ...approvals.map((a) => a.approverId),
    ]);
    const name = (id: string) => names.get(id) ?? id;
    return {
      registeredAt: version.createdAt,
      registeredBy: name(version.createdBy),
      transitions: transitions.map((t) => ({ from: t.fromStatus, to: t.toStatus, by: name(t.actorId), at: t.at, rationale: t.rationale })),
      approvals: approvals.map((a) => ({ by: name(a.approverId), at: a.at, rationale: a.rationale, reviewRound: a.reviewRound })),
    };
  }

  /** The monitors of these automation versions (none for a caller who may not read monitors: a gap). */
  private async monitorsOf(
    actor: AuthenticatedPrincipal,
    versions: AutomationVersionRow[],
    labelOf: (v: AutomationVersionRow) => string = (v) => v.version,
  ): Promise<MonitorFacts[]> {
    if (!actor.ability.can('read', 'Monitor')) return [];
    const perVersion = await Promise.all(
      versions.map(async (v) =>
        (await this.monitors.list(actor, { automationVersionId: v.id })).map((m) => ({
          automationVersion: labelOf(v),
          metric: m.metric,
          state: m.state,
          value: m.value,
          warnAt: m.warnAt,
          alertAt: m.alertAt,
          windowDays: m.windowDays,
          evaluatedAt: m.evaluatedAt,
        })),
      ),
    );
    return perVersion.flat().sort((a, b) => `${a.automationVersion} ${a.metric}`.localeCompare(`${b.automationVersion} ${b.metric}`));
  }

  /** Roles with a rule that lets them review decisions: who may review, from the access rules as loaded. */
  private reviewerRoles(): string[] {
    return Object.entries(this.access)
      .filter(([, role]) =>
        role.rules.some(
          (r) =>
            !r.inverted && r.action.some((a) => a === 'review' || a === 'manage') && r.subject.some((s) => s === 'Decision' || s === 'all'),
        ),
      )
      .map(([name]) => name)
      .sort();
  }

  private async nameOf(actor: AuthenticatedPrincipal, id: string): Promise<string> {
    return (await this.namesOf(actor, [id])).get(id) ?? id;
  }

  /** Display names the caller may read; an id stays an id otherwise. */
  private async namesOf(actor: AuthenticatedPrincipal, ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0 || !actor.ability.can('read', 'Principal')) return new Map();
    return new Map((await this.principals.loadMany(actor, unique)).map((p) => [p.id, p.name]));
  }
}

/** A batch load only when there is something to load (an empty id list is not a statement to send). */
async function nonEmpty<T>(ids: string[], load: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  return ids.length === 0 ? [] : load(ids);
}
