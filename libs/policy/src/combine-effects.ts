import { EFFECTS, SEVERITIES, type MatchedPolicy, type Policy, type PolicyOutcome } from './policy.types';

const rank = <T>(list: readonly T[], item: T) => list.indexOf(item);

/**
 * deny > require_review > annotate > allow; nothing matched means allow. `matched` is ordered by
 * effect (strongest first), then severity (critical first), then id, so equal inputs print equally.
 */
export function combineEffects(matched: readonly Policy[]): PolicyOutcome {
  const ordered: MatchedPolicy[] = matched
    .map(({ id, version, effect, severity, message, frameworks }) => ({ id, version, effect, severity, message, frameworks }))
    .sort(
      (a, b) =>
        rank(EFFECTS, a.effect) - rank(EFFECTS, b.effect) ||
        rank(SEVERITIES, b.severity) - rank(SEVERITIES, a.severity) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  return { effect: ordered[0]?.effect ?? 'allow', matched: ordered };
}
