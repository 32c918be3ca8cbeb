import type { EntityManager } from 'typeorm';
import { decisionRunEvent } from '../decision-run-event';
import { modelRunEvent } from '../model-run-event';
import { decisionsForExport, reviewsForExport } from './decision-exports';
import type { FeedLeaf } from './ledger-feed';
import { modelVersionsForExport, transitionsForExport } from './model-exports';

/** A leaf's run event, to send in ledger order. */
export interface LeafEvent {
  position: number;
  event: Record<string, unknown>;
}

/**
 * The run events of a run of leaves, in their order: one query per kind of subject (not per leaf).
 * A leaf of no interest, or whose row is gone (erased under the maintenance path), has none.
 */
export async function eventsOf(m: EntityManager, leaves: readonly FeedLeaf[]): Promise<LeafEvent[]> {
  const decisionIds = new Set<string>();
  const reviewIds = new Set<string>();
  const modelVersionIds = new Set<string>();
  const transitionIds = new Set<string>();
  for (const { exports: e } of leaves) {
    if (e?.kind === 'decision' || e?.kind === 'review') decisionIds.add(e.decisionId);
    if (e?.kind === 'review') reviewIds.add(e.reviewId);
    if (e?.kind === 'model_registered' || e?.kind === 'model_transition') modelVersionIds.add(e.modelVersionId);
    if (e?.kind === 'model_transition') transitionIds.add(e.transitionId);
  }
  // One after the other: one transaction is one connection, which runs one query at a time.
  const decisions = await decisionsForExport(m, [...decisionIds]);
  const reviews = await reviewsForExport(m, [...reviewIds]);
  const models = await modelVersionsForExport(m, [...modelVersionIds]);
  const transitions = await transitionsForExport(m, [...transitionIds]);
  const events: LeafEvent[] = [];
  for (const leaf of leaves) {
    const ledger = { index: leaf.position, sealedAt: leaf.sealedAt };
    const e = leaf.exports;
    let event: Record<string, unknown> | null = null;
    if (e?.kind === 'decision') {
      const d = decisions.get(e.decisionId);
      event = d ? decisionRunEvent(d) : null;
    } else if (e?.kind === 'review') {
      const d = decisions.get(e.decisionId);
      const r = reviews.get(e.reviewId);
      event = d && r ? decisionRunEvent(d, { ...r, ledger }) : null;
    } else if (e?.kind === 'model_registered') {
      const v = models.get(e.modelVersionId);
      event = v ? modelRunEvent(v, { status: 'draft', change: null, ledger }) : null;
    } else if (e?.kind === 'model_transition') {
      const v = models.get(e.modelVersionId);
      const change = transitions.get(e.transitionId);
      event = v && change ? modelRunEvent(v, { status: change.to, change, ledger }) : null;
    }
    if (event) events.push({ position: leaf.position, event });
  }
  return events;
}
