import { decisionFacts } from '@attest/decisions';
import { packDigest, referencedFacts, type Policy } from '@attest/policy';
import type { DecisionRecord, PolicyPackRecord } from '../pack-layout';
import { failed, passed, skipped, type PackCheck } from './pack-checks';
import type { SealedFact } from './fact-claims';
import { evaluatorOf, verdictMismatch, verdictWords } from './replayed-verdict';

const CONTENT = 'policy pack content';
const REEVALUATION = 're-evaluation';

/** That the pack's policies are the ones the decision's sealed fact names by digest. */
export function checkPackContent(pack: PolicyPackRecord | null, decision: SealedFact): PackCheck {
  const sealedDigest = decision.policyPackDigest as string | null;
  if (!sealedDigest) return skipped(CONTENT, 'the decision was recorded without an active policy pack: nothing judged it');
  if (!pack) return skipped(CONTENT, 'the pack holds no policy pack content (the exporting role may not read policy packs)');
  const digest = packDigest(pack.policies as Policy[]);
  if (digest !== sealedDigest) {
    return failed(
      CONTENT,
      `the policies in policy-pack.json hash to ${digest}, the sealed decision names ${sealedDigest}: the content was changed`,
    );
  }
  return passed(CONTENT, `${pack.policies.length} policies of "${pack.name}" hash to ${digest}, the digest the sealed decision names`);
}

/**
 * The recorded evaluation replayed: the pack's policies on the decision's recorded facts must give the
 * sealed effect and the same matched policies. Skipped when the facts it would read are withheld from
 * the pack (they would read as null and could give another verdict).
 */
export function reevaluate(
  pack: PolicyPackRecord | null,
  record: DecisionRecord,
  decision: SealedFact,
  withheld: readonly string[],
): PackCheck {
  if (!decision.policyPackDigest || !pack) return skipped(REEVALUATION, 'no policy pack content to evaluate with');
  if (!record.policy.facts) return skipped(REEVALUATION, 'the decision was stored without its facts');
  const policies = pack.policies as Policy[];
  const evaluator = evaluatorOf(pack);
  const hidden = referencedFacts({ policies }).filter(
    (name) =>
      (withheld.includes('output') && name.startsWith('decision.output')) || (withheld.includes('context') && name.startsWith('context')),
  );
  if (hidden.length > 0) {
    return skipped(
      REEVALUATION,
      `the policies read ${hidden.join(', ')}, withheld from this pack: export it with a role that may read them`,
    );
  }
  let outcome;
  try {
    outcome = evaluator.evaluate('decision', decisionFacts(record.policy.facts, record.output, record.context ?? {}));
  } catch (error) {
    return failed(REEVALUATION, `the recorded facts cannot be evaluated by this pack: ${(error as Error).message}`);
  }
  const sealed = { effect: decision.policyEffect, matched: (decision.policyResults as { id: string; version: number }[] | null) ?? [] };
  const mismatch = verdictMismatch(outcome, sealed);
  if (mismatch) {
    return failed(
      REEVALUATION,
      `the policies on the recorded facts give ${mismatch.replayed}, the sealed decision says ${mismatch.sealed}`,
    );
  }
  const matched = outcome.matched.length > 0 ? verdictWords(outcome.effect, outcome.matched) : `${outcome.effect} [no policy matched]`;
  return passed(REEVALUATION, `the policies on the recorded facts give ${matched}, as sealed`);
}
