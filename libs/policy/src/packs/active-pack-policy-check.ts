import { Injectable } from '@nestjs/common';
import { AttestError, ErrorCode, type PolicyCheck, type PolicyJudge, type PolicyVerdict, type RequestActor } from '@attest/core';
import type { EntityManager } from 'typeorm';
import { CompiledEvaluator } from '../compiled-evaluator';
import { APPLIES_TO, type AppliesTo } from '../policy.types';
import { ACTIVE_DIGEST_SQL, PolicyPacksService } from './policy-packs.service';

/**
 * Judges a change with the tenant's active pack. Compiled evaluators are cached by digest: a
 * digest names immutable content, so the cache never needs invalidating.
 */
@Injectable()
export class ActivePackPolicyCheck implements PolicyCheck {
  private readonly evaluators = new Map<string, CompiledEvaluator>();

  constructor(private readonly packs: PolicyPacksService) {}

  readonly activeDigestSql = ACTIVE_DIGEST_SQL;

  async judgeDigest(m: EntityManager, appliesTo: string, digest: string | null): Promise<PolicyJudge | undefined> {
    if (!(APPLIES_TO as readonly string[]).includes(appliesTo)) throw new Error(`Unknown policy subject ${appliesTo}`);
    if (!digest) return undefined;
    const evaluator = await this.evaluatorFor(m, digest);
    return (facts) => {
      const outcome = evaluator.evaluate(appliesTo as AppliesTo, facts);
      return { packDigest: digest, effect: outcome.effect, matched: outcome.matched };
    };
  }

  async evaluate(
    m: EntityManager,
    _actor: RequestActor,
    appliesTo: string,
    facts: Record<string, unknown>,
  ): Promise<PolicyVerdict | undefined> {
    const judge = await this.judgeDigest(m, appliesTo, (await this.packs.activeDigestIn(m)) ?? null);
    return judge?.(facts);
  }

  async check(
    m: EntityManager,
    actor: RequestActor,
    appliesTo: string,
    facts: Record<string, unknown>,
  ): Promise<PolicyVerdict | undefined> {
    const verdict = await this.evaluate(m, actor, appliesTo, facts);
    if (verdict?.effect === 'deny') {
      const denials = verdict.matched.filter((p) => p.effect === 'deny');
      throw new AttestError(ErrorCode.POLICY_DENIED, denials.map((p) => p.message).join(' '), {
        packDigest: verdict.packDigest,
        policies: denials.map(({ id, version, message, frameworks }) => ({ id, version, message, frameworks })),
      });
    }
    return verdict;
  }

  /** Only the digest is read on each check; a pack's policies are loaded and compiled once per digest. */
  private async evaluatorFor(m: EntityManager, digest: string): Promise<CompiledEvaluator> {
    let evaluator = this.evaluators.get(digest);
    if (!evaluator) {
      const pack = await this.packs.packIn(m, digest);
      evaluator = new CompiledEvaluator({ name: pack.name, policies: pack.policies, digest, sources: {} });
      this.evaluators.set(digest, evaluator);
    }
    return evaluator;
  }
}
