import { Inject, Injectable } from '@nestjs/common';
import { ATTEST_CONFIG, type AttestConfig } from '@attest/core';
import { SubjectRecordsService, type SubjectRecord } from '@attest/decisions';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { PolicyPacksService } from '@attest/policy';
import { AutomationsService, AutomationVersionsService } from '@attest/registry';
import { explainDecision, type DecisionContext } from './explain-decision';
import type { SubjectExplanationArgs } from './subject-explanation.args';
import type { SubjectExplanationModel } from './subject-explanation.model';
import { DEFAULT_LOCALE, templatesFor } from './templates/locales';

/** An explanation with the locale it was written in, for the documents rendered from it. */
export type SubjectExplanation = SubjectExplanationModel;

/**
 * Explanations for the person decided about (docs/evidence.md "For the person decided about"): the
 * decisions about one subject the caller may explain (SubjectRecordsService: redacted for the caller,
 * never another person's, the lookup audited), each in plain language from the locale's templates.
 */
@Injectable()
export class SubjectExplanationService {
  constructor(
    private readonly records: SubjectRecordsService,
    private readonly automations: AutomationsService,
    private readonly automationVersions: AutomationVersionsService,
    private readonly packs: PolicyPacksService,
    @Inject(ATTEST_CONFIG) private readonly config: AttestConfig,
  ) {}

  async explain(actor: AuthenticatedPrincipal, args: SubjectExplanationArgs): Promise<SubjectExplanation> {
    const locale = args.locale ?? DEFAULT_LOCALE;
    const t = templatesFor(locale);
    const { records, truncated } = await this.records.records(actor, args.subjectRef, {
      decisionId: args.decisionId,
      audit: { locale, ...(args.decisionId ? { decisionId: args.decisionId } : {}) },
    });
    const contexts = await this.contextsOf(actor, records);
    return {
      locale,
      generatedAt: new Date(),
      title: t.document.title,
      intro: t.document.intro,
      decisions: records.map((r, i) => explainDecision(r, contexts[i], t)),
      truncated,
    };
  }

  /** Each decision's automation (as the caller may read it) and the pack activation that judged it. */
  private async contextsOf(actor: AuthenticatedPrincipal, records: SubjectRecord[]): Promise<DecisionContext[]> {
    if (records.length === 0) return [];
    const ids = (pick: (r: SubjectRecord) => string) => [...new Set(records.map(pick))];
    const [automations, versions] = await Promise.all([
      this.automations.loadMany(
        actor,
        ids((r) => r.automationId),
      ),
      this.automationVersions.loadMany(
        actor,
        ids((r) => r.automationVersionId),
      ),
    ]);
    const activations = new Map<string, Awaited<ReturnType<PolicyPacksService['activationJudging']>>>();
    for (const r of records) {
      if (!r.policy) continue;
      const key = `${r.policy.packDigest}|${r.recordedAt.toISOString()}`;
      if (!activations.has(key)) activations.set(key, await this.packs.activationJudging(actor, r.policy.packDigest, r.recordedAt));
    }
    const contestDays = Math.ceil(this.config.reviews.contestMinutes / (24 * 60));
    return records.map((r) => {
      const automation = automations.find((a) => a.id === r.automationId);
      const version = versions.find((v) => v.id === r.automationVersionId);
      const activation = r.policy ? activations.get(`${r.policy.packDigest}|${r.recordedAt.toISOString()}`) : null;
      return {
        automation: automation ? { name: automation.name, purpose: version?.purpose ?? null } : null,
        activation: activation ? { name: activation.name, activatedAt: activation.activatedAt } : null,
        contestDays,
      };
    });
  }
}
