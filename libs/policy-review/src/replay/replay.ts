import { CompiledEvaluator, referencedFacts, resolveFacts, type AppliesTo, type Effect, type PolicyPack } from '@attest/policy';
import type { DecisionRecord, GateRecord, ReplayRecord } from './decision-record';

/** An outcome as the replay compares it: the effect and the ids of the policies that matched, sorted. */
export interface ReplayedOutcome {
  effect: Effect;
  matched: string[];
}

export interface ReplayExample {
  id: string;
  automationKey: string;
  recordedAt: string;
  base: ReplayedOutcome;
  head: ReplayedOutcome;
  /** The facts the policies that differ read, as recorded (redacted as stored). */
  facts: Record<string, unknown>;
}

export interface ReplayCount {
  from: Effect;
  to: Effect;
  count: number;
}

export interface ReplayReport {
  pack: string;
  baseDigest: string;
  headDigest: string;
  /** Records read. */
  decisions: number;
  replayed: number;
  /** Recorded without an active pack: no facts to replay. */
  withoutFacts: number;
  /** Facts the evaluators refused (e.g. a fact the catalogue no longer has), with the first few. */
  failed: number;
  failures: { id: string; message: string }[];
  /** Decisions whose outcome (effect or matched policies) differs between the packs. */
  changed: number;
  byEffect: ReplayCount[];
  byAutomation: { automationKey: string; changed: number; byEffect: ReplayCount[] }[];
  /** Per policy: in how many replayed decisions it matches under head but not base (gained) or the reverse (lost). */
  byPolicy: { policyId: string; gained: number; lost: number }[];
  examples: ReplayExample[];
  /** Facts some records came without (the exporting key's role may not read them): replayed as null. */
  withheldFacts: string[];
  /** Lifecycle gates replayed: every model or automation version whose gate outcome differs. */
  gates: { checked: number; changed: GateChange[] };
}

/** A version whose lifecycle gate would judge the move into its status differently. */
export interface GateChange {
  subjectType: GateRecord['subjectType'];
  id: string;
  label: string;
  status: string;
  base: ReplayedOutcome;
  head: ReplayedOutcome;
}

export interface ReplayOptions {
  /** How many changed decisions to show (the first ones in the input's order). Default 5. */
  examples?: number;
  /** Called every `every` records, for a progress bar. */
  onProgress?: (read: number) => void;
  every?: number;
}

const MAX_FAILURES_LISTED = 5;

/** A pack as it was and as it is, to replay decisions under both. */
export interface PackPair {
  base: PolicyPack;
  head: PolicyPack;
}

/**
 * Re-evaluates recorded decisions under the base and the head of each pack (both now, with the
 * compiled evaluator) and counts every outcome that differs: by `from → to` effect, by
 * automation, by policy, with the first examples. One pass over the records for all the pairs,
 * each record's facts resolved once; memory does not grow with the number of decisions.
 */
export async function replayDecisions(
  pairs: readonly PackPair[],
  records: AsyncIterable<ReplayRecord> | Iterable<ReplayRecord>,
  options: ReplayOptions = {},
): Promise<ReplayReport[]> {
  const replays = pairs.map((pair) => new PairReplay(pair, options.examples ?? 5));
  const every = options.every ?? 1000;
  let read = 0;
  for await (const record of records) {
    read += 1;
    if (options.onProgress && read % every === 0) options.onProgress(read);
    const facts = record.facts ? resolvedOrRefusal(record.facts) : null;
    for (const replay of replays) {
      if (record.kind === 'gate') replay.addGate(record, facts!);
      else replay.add(record, facts);
    }
  }
  return replays.map((r) => r.report());
}

/** The counts of one pack pair, as records come. */
class PairReplay {
  private readonly before: CompiledEvaluator;
  private readonly after: CompiledEvaluator;
  private readonly counts: ReplayReport;
  private readonly effects = new Counter<string>();
  private readonly automations = new Map<string, { changed: number; effects: Counter<string> }>();
  private readonly gained = new Counter<string>();
  private readonly lost = new Counter<string>();
  private readonly withheld = new Set<string>();

  constructor(
    private readonly pair: PackPair,
    private readonly wanted: number,
  ) {
    this.before = new CompiledEvaluator(pair.base);
    this.after = new CompiledEvaluator(pair.head);
    this.counts = {
      pack: pair.head.name,
      baseDigest: pair.base.digest,
      headDigest: pair.head.digest,
      decisions: 0,
      replayed: 0,
      withoutFacts: 0,
      failed: 0,
      failures: [],
      changed: 0,
      byEffect: [],
      byAutomation: [],
      byPolicy: [],
      examples: [],
      withheldFacts: [],
      gates: { checked: 0, changed: [] },
    };
  }

  /** A gate is judged like a decision: facts the packs cannot evaluate are a failure. */
  addGate(gate: GateRecord, facts: ResolvedOrRefusal): void {
    const judged = this.judge(gate.id, gate.appliesTo, facts);
    if (!judged) return;
    this.counts.gates.checked += 1;
    if (!differs(judged)) return;
    this.counts.gates.changed.push({
      subjectType: gate.subjectType,
      id: gate.id,
      label: gate.label,
      status: gate.status,
      base: judged.was,
      head: judged.now,
    });
  }

  add(record: DecisionRecord, facts: ResolvedOrRefusal | null): void {
    const c = this.counts;
    c.decisions += 1;
    for (const name of record.withheld ?? []) this.withheld.add(name);
    if (!facts) {
      c.withoutFacts += 1;
      return;
    }
    const judged = this.judge(record.id, 'decision', facts);
    if (!judged) return;
    const { was, now, resolved } = judged;
    c.replayed += 1;
    if (!differs(judged)) return;
    c.changed += 1;
    const transition = `${was.effect}>${now.effect}`;
    this.effects.add(transition);
    const perAutomation = this.automations.get(record.automationKey) ?? { changed: 0, effects: new Counter<string>() };
    perAutomation.changed += 1;
    perAutomation.effects.add(transition);
    this.automations.set(record.automationKey, perAutomation);
    for (const id of now.matched) if (!was.matched.includes(id)) this.gained.add(id);
    for (const id of was.matched) if (!now.matched.includes(id)) this.lost.add(id);
    if (c.examples.length < this.wanted) {
      const differing = symmetricDifference(was.matched, now.matched);
      const policies = [...this.pair.base.policies, ...this.pair.head.policies].filter((p) => differing.includes(p.id));
      c.examples.push({
        id: record.id,
        automationKey: record.automationKey,
        recordedAt: record.recordedAt,
        base: was,
        head: now,
        facts: factsRead(policies, resolved),
      });
    }
  }

  /** Both packs' outcomes, or null after counting the facts they could not evaluate as a failure. */
  private judge(
    id: string,
    appliesTo: AppliesTo,
    facts: ResolvedOrRefusal,
  ): { was: ReplayedOutcome; now: ReplayedOutcome; resolved: Record<string, unknown> } | null {
    try {
      if ('refusal' in facts) throw new Error(facts.refusal);
      const { resolved } = facts;
      return {
        was: outcomeOf(this.before.evaluateResolved(appliesTo, resolved)),
        now: outcomeOf(this.after.evaluateResolved(appliesTo, resolved)),
        resolved,
      };
    } catch (error) {
      this.counts.failed += 1;
      if (this.counts.failures.length < MAX_FAILURES_LISTED) this.counts.failures.push({ id, message: (error as Error).message });
      return null;
    }
  }

  report(): ReplayReport {
    const byEffect = (counter: Counter<string>) => counter.sorted().map(([t, count]) => ({ ...transitionOf(t), count }));
    const policyIds = [...new Set([...this.gained.keys(), ...this.lost.keys()])].sort();
    return {
      ...this.counts,
      byEffect: byEffect(this.effects),
      byAutomation: [...this.automations]
        .map(([automationKey, a]) => ({ automationKey, changed: a.changed, byEffect: byEffect(a.effects) }))
        .sort((x, y) => y.changed - x.changed || x.automationKey.localeCompare(y.automationKey)),
      byPolicy: policyIds.map((policyId) => ({ policyId, gained: this.gained.get(policyId), lost: this.lost.get(policyId) })),
      withheldFacts: [...this.withheld].sort(),
      gates: {
        checked: this.counts.gates.checked,
        changed: [...this.counts.gates.changed].sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id)),
      },
    };
  }
}

/** A record's facts resolved once for every pack pair, or why they cannot be. */
type ResolvedOrRefusal = { resolved: Record<string, unknown> } | { refusal: string };

function resolvedOrRefusal(facts: Record<string, unknown>): ResolvedOrRefusal {
  try {
    return { resolved: resolveFacts(facts) };
  } catch (error) {
    return { refusal: (error as Error).message };
  }
}

const differs = ({ was, now }: { was: ReplayedOutcome; now: ReplayedOutcome }) =>
  was.effect !== now.effect || was.matched.join() !== now.matched.join();

function outcomeOf(o: { effect: Effect; matched: { id: string }[] }): ReplayedOutcome {
  return { effect: o.effect, matched: o.matched.map((m) => m.id).sort() };
}

const transitionOf = (t: string) => {
  const [from, to] = t.split('>') as [Effect, Effect];
  return { from, to };
};

function symmetricDifference(a: string[], b: string[]): string[] {
  return [...a.filter((x) => !b.includes(x)), ...b.filter((x) => !a.includes(x))];
}

/** The resolved facts the given policies' conditions read (sorted by name). */
function factsRead(policies: PolicyPack['policies'], resolved: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(referencedFacts({ policies }).map((n) => [n, resolved[n] ?? null]));
}

/** Counts by key; `sorted` gives the largest first, then by key, so reports are stable. */
class Counter<K extends string> {
  private readonly counts = new Map<K, number>();
  add(key: K): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  get(key: K): number {
    return this.counts.get(key) ?? 0;
  }
  keys(): IterableIterator<K> {
    return this.counts.keys();
  }
  sorted(): [K, number][] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }
}
