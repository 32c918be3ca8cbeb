/** A policy effect's colour (with its words beside it): deny red, review yellow, annotate blue, allow teal. */
export function effectColor(effect: string): string {
  return { DENY: 'red', REQUIRE_REVIEW: 'yellow', ANNOTATE: 'blue', ALLOW: 'teal' }[effect] ?? 'gray';
}

/** A policy change's colour: added teal, removed red, changed yellow. */
export function changeColor(change: string): string {
  return { added: 'teal', removed: 'red', changed: 'yellow' }[change] ?? 'gray';
}
