import type { ReplayReport } from '../replay/replay';

/** What `--fail-on` can demand of a change; each is a check that passes or fails. */
export type FailOnRule =
  | { kind: 'new-deny' }
  | { kind: 'lost-review' }
  | { kind: 'flips'; max: number }
  | { kind: 'access-gained' }
  | { kind: 'access-changed' }
  | { kind: 'policy-changed' };

export interface FailOnCheck {
  rule: string;
  passed: boolean;
  /** What was found, for the report. */
  detail: string;
}

export class FailOnError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FailOnError';
  }
}

export const FAIL_ON_HELP =
  'new-deny (a replayed decision would now be denied, or a version would now fail its lifecycle gate), lost-review (one that went to a human would not), flips>N or flips:N (more than N ' +
  'replayed decisions change), access-gained (a role gains a permission), access-changed (any permission changes), policy-changed (any risk policy changes)';

/** Parses `new-deny,flips>100`: the rules in the order given. */
export function parseFailOn(text: string): FailOnRule[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part): FailOnRule => {
      const flips = /^flips[>:](\d+)$/.exec(part); // flips:N too, which needs no shell quoting
      if (flips) return { kind: 'flips', max: Number(flips[1]) };
      if (['new-deny', 'lost-review', 'access-gained', 'access-changed', 'policy-changed'].includes(part))
        return { kind: part } as FailOnRule;
      throw new FailOnError(`--fail-on: unknown rule "${part}" (known: ${FAIL_ON_HELP})`);
    });
}

export interface ChangeSummary {
  replays: readonly ReplayReport[];
  accessGained: number;
  accessChanged: number;
  policiesChanged: number;
}

const name = (rule: FailOnRule) => (rule.kind === 'flips' ? `flips>${rule.max}` : rule.kind);
const sum = (replays: readonly ReplayReport[], pick: (r: ReplayReport) => number) => replays.reduce((n, r) => n + pick(r), 0);
const transitions = (replays: readonly ReplayReport[], test: (from: string, to: string) => boolean) =>
  sum(replays, (r) => r.byEffect.filter((e) => test(e.from, e.to)).reduce((n, e) => n + e.count, 0));

const REPLAY_RULES = new Set<FailOnRule['kind']>(['new-deny', 'lost-review', 'flips']);

/** Each rule against what the diff found; a replay rule with nothing replayed passes, and says so. */
export function checkFailOn(rules: readonly FailOnRule[], s: ChangeSummary): FailOnCheck[] {
  const replayed = s.replays.reduce((n, r) => n + r.replayed + r.gates.checked, 0);
  return rules.map((rule) => {
    if (REPLAY_RULES.has(rule.kind) && replayed === 0) {
      return { rule: name(rule), passed: true, detail: 'nothing was replayed (give --decisions or --from-api, and change a pack)' };
    }
    switch (rule.kind) {
      case 'new-deny': {
        const n = transitions(s.replays, (from, to) => to === 'deny' && from !== 'deny');
        const gates = s.replays.reduce(
          (k, r) => k + r.gates.changed.filter((g) => g.head.effect === 'deny' && g.base.effect !== 'deny').length,
          0,
        );
        return {
          rule: name(rule),
          passed: n === 0 && gates === 0,
          detail: `${n} replayed decision${n === 1 ? '' : 's'} would now be denied; ${gates} model or automation version${gates === 1 ? '' : 's'} would now fail ${gates === 1 ? 'its' : 'their'} gate`,
        };
      }
      case 'lost-review': {
        const n = transitions(s.replays, (from, to) => from === 'require_review' && to !== 'require_review' && to !== 'deny');
        return { rule: name(rule), passed: n === 0, detail: `${n} replayed decision${n === 1 ? '' : 's'} would no longer go to a human` };
      }
      case 'flips': {
        const n = sum(s.replays, (r) => r.changed);
        return {
          rule: name(rule),
          passed: n <= rule.max,
          detail: `${n} replayed decision${n === 1 ? '' : 's'} change (at most ${rule.max} allowed)`,
        };
      }
      case 'access-gained':
        return {
          rule: name(rule),
          passed: s.accessGained === 0,
          detail: `${s.accessGained} permission${s.accessGained === 1 ? '' : 's'} gained or widened`,
        };
      case 'access-changed':
        return {
          rule: name(rule),
          passed: s.accessChanged === 0,
          detail: `${s.accessChanged} permission${s.accessChanged === 1 ? '' : 's'} changed`,
        };
      case 'policy-changed':
        return {
          rule: name(rule),
          passed: s.policiesChanged === 0,
          detail: `${s.policiesChanged} risk polic${s.policiesChanged === 1 ? 'y' : 'ies'} changed`,
        };
    }
  });
}
