import { CompiledEvaluator, type Policy } from '@attest/policy';

/** An evaluator for a pack's content as an evidence pack carries it (its policies, at its digest). */
export function evaluatorOf(content: { digest: string; name: string; policies: unknown[] }): CompiledEvaluator {
  return new CompiledEvaluator({ name: content.name, policies: content.policies as Policy[], digest: content.digest, sources: {} });
}

/** An effect and its matched policies in words: `annotate [annotate-low-accuracy-approval@1]`. */
export function verdictWords(effect: unknown, matched: { id: string; version: number }[]): string {
  return `${String(effect)} [${matched
    .map((p) => `${p.id}@${p.version}`)
    .sort()
    .join(', ')}]`;
}

/**
 * A replayed evaluation against the sealed one: the same effect and the same matched policies (in any
 * order). Null when they agree; otherwise both in words, for the failing check to say.
 */
export function verdictMismatch(
  replayed: { effect: unknown; matched: { id: string; version: number }[] },
  sealed: { effect: unknown; matched: { id: string; version: number }[] },
): { replayed: string; sealed: string } | null {
  const [r, s] = [verdictWords(replayed.effect, replayed.matched), verdictWords(sealed.effect, sealed.matched)];
  return r === s ? null : { replayed: r, sealed: s };
}
