import { Injectable } from '@nestjs/common';
import type { AuthenticatedPrincipal } from '@attest/identity';
import { conditionSentence, PolicyPacksService } from '@attest/policy';
import { diffPacks } from '../diff/pack-diff';
import type { PolicyPackPreviewModel } from './policy-pack-preview.model';

/**
 * What activatePolicyPack(name) would change: the active pack against the server's folder, with
 * the same diff `attest policy diff` prints (the candidate takes the active pack's name so that
 * the two compare policy by policy). The folder must load and pass its tests, as for activation.
 */
@Injectable()
export class PolicyPackPreviewService {
  constructor(private readonly packs: PolicyPacksService) {}

  async preview(actor: AuthenticatedPrincipal, name: string): Promise<PolicyPackPreviewModel> {
    const head = this.packs.loadTested(name);
    const base = await this.packs.activePack(actor);
    const [diff] = diffPacks(base ? [{ ...base, name }] : [], [head]);
    return {
      name,
      digest: head.digest,
      activeName: base?.name ?? null,
      activeDigest: base?.digest ?? null,
      alreadyActive: base?.digest === head.digest,
      policies: diff.policies.map((p) => ({
        id: p.id,
        change: p.change,
        fields: p.fields.map((f) => ({ field: f.field, before: f.before, after: f.after })),
        conditions: p.conditions.map((c) => ({ path: c.path, change: c.change, before: c.before ?? null, after: c.after ?? null })),
        conditionsBefore: p.base ? conditionSentence(p.base.conditions) : null,
        conditionsAfter: p.head ? conditionSentence(p.head.conditions) : null,
      })),
    };
  }
}
