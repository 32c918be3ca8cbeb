import type { CompiledEvaluator } from '@attest/policy';
import type { GateEvaluationRecord } from '../pack-layout';
import { failed, passed, skipped, type PackCheck } from './pack-checks';
import { evaluatorOf, verdictMismatch } from './replayed-verdict';

const REEVALUATION = 're-evaluation';

/**
 * Each recorded gate evaluation replayed: the pack content at the digest it names, on the facts its
 * sealed audit event records, must give the recorded effect and the same matched policies. Verdicts
 * recorded before gates kept their facts cannot be replayed, and the check says how many.
 */
export function reevaluateGates(
  gates: GateEvaluationRecord[],
  policyPacks: { digest: string; name: string; policies: unknown[] }[],
  appliesTo: 'model.transition' | 'automation.transition',
): PackCheck {
  if (gates.length === 0) return skipped(REEVALUATION, 'no gate judged a move of this version: nothing to replay');
  const replayable = gates.filter((g) => g.facts);
  const unreplayable = gates.length - replayable.length;
  if (replayable.length === 0) {
    return skipped(REEVALUATION, `the ${gates.length} gate verdicts were recorded without the facts they judged: none can be replayed`);
  }
  const evaluators = new Map<string, CompiledEvaluator>();
  const problems: string[] = [];
  for (const gate of replayable) {
    const content = policyPacks.find((p) => p.digest === gate.packDigest);
    if (!content) {
      problems.push(`${gate.action} at ${gate.occurredAt}: no content for the pack ${gate.packDigest}`);
      continue;
    }
    let evaluator = evaluators.get(content.digest);
    if (!evaluator) evaluators.set(content.digest, (evaluator = evaluatorOf(content)));
    let outcome;
    try {
      outcome = evaluator.evaluate(appliesTo, gate.facts!);
    } catch (error) {
      problems.push(`${gate.action} at ${gate.occurredAt}: the recorded facts cannot be evaluated: ${(error as Error).message}`);
      continue;
    }
    const mismatch = verdictMismatch(outcome, gate);
    if (mismatch) {
      problems.push(
        `${gate.action} at ${gate.occurredAt}: the policies on the recorded facts give ${mismatch.replayed}, the sealed verdict says ${mismatch.sealed}`,
      );
    }
  }
  if (problems.length > 0) return failed(REEVALUATION, problems.join('; '));
  const older = unreplayable > 0 ? `; ${unreplayable} recorded without their facts, not replayed` : '';
  return passed(REEVALUATION, `${replayable.length} gate verdicts replayed on their recorded facts give the sealed effects${older}`);
}
