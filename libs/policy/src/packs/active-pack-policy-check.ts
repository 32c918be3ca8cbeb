import { Injectable } from '@nestjs/common';
import { AttestError, ErrorCode, type PolicyCheck, type PolicyVerdict, type RequestActor } from '@attest/core';
import type { EntityManager } from 'typeorm';
import { CompiledEvaluator } from '../compiled-evaluator';
import { APPLIES_TO, type AppliesTo } from '../policy.types';
import { PolicyPacksService } from './policy-packs.service';

/**
 * Judges a change with the tenant's active pack. Compiled evaluators are cached by digest: a
 * digest names immutable content, so the cache never needs invalidating.
 */
@Injectable()
export class ActivePackPolicyCheck implements PolicyCheck {
  private readonly evaluators = new Map<string, CompiledEvaluator>();

  constructor(private readonly packs: PolicyPacksService) {}

  async check(m: EntityManager, _actor: RequestActor, appliesTo: string, facts: Record<string, unknown>): Promise<PolicyVerdict | undefined> {
    if (!(APPLIES_TO as readonly string[]).includes(appliesTo)) throw new Error(`Unknown policy subject ${appliesTo}`);
    const digest = await this.packs.activeDigestIn(m);
    if (!digest) return undefined;
    // Only the digest is read on each check; the policies are loaded and compiled once per digest.
    let evaluator = this.evaluators.get(digest);
    if (!evaluator) {
      const pack = await this.packs.packIn(m, digest);
      evaluator = new CompiledEvaluator({ name: pack.name, policies: pack.policies, digest, sources: {} });
      this.evaluators.set(digest, evaluator);
    }
    const pack = evaluator.pack;
    const outcome = evaluator.evaluate(appliesTo as AppliesTo, facts);
    const verdict: PolicyVerdict = {
      packDigest: pack.digest,
      effect: outcome.effect,
      matched: outcome.matched.map(({ id, version, effect }) => ({ id, version, effect })),
    };
    if (outcome.effect === 'deny') {
      const denials = outcome.matched.filter((p) => p.effect === 'deny');
      throw new AttestError(ErrorCode.POLICY_DENIED, denials.map((p) => p.message).join(' '), {
        packDigest: pack.digest,
        policies: denials.map(({ id, version, message, frameworks }) => ({ id, version, message, frameworks })),
      });
    }
    return verdict;
  }
}
