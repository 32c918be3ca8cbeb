// The context map as data: which lib may import which (through its `@attest/<lib>` entry).
// One object, read by the `attest/boundaries` lint rule; an edge not written here is a lint error.
// See docs/architecture.md "Dependency rules" and docs/decisions/0012-lint-and-format.md.

/** Libs that know no domain: anything may use them, they use only each other. */
const FOUNDATION = ['core', 'observability', 'jobs'];

/** What every domain lib may import: the foundation and identity (who is acting, and may they). */
const DOMAIN_BASE = [...FOUNDATION, 'identity'];

const domain = (...upstream) => [...DOMAIN_BASE, ...upstream];

/** lib → the libs it may import. `'*'`: a composition lib that assembles every context for the apps. */
const CONTEXT_MAP = {
  core: [],
  observability: [],
  jobs: ['core', 'observability'],
  identity: FOUNDATION,
  audit: domain('ledger'),
  registry: domain(),
  policy: domain(),
  ledger: domain(),
  lineage: domain(),
  decisions: domain('audit', 'registry', 'ledger', 'lineage'),
  'policy-review': domain('decisions', 'policy', 'registry'),
  monitoring: domain('registry', 'decisions'),
  // Documents about every other context: downstream of all of them, upstream of none.
  evidence: domain('audit', 'registry', 'policy', 'ledger', 'lineage', 'decisions', 'monitoring'),
  platform: '*',
};

/**
 * The direction the map must keep, whatever edge is added later: checked when the lint config loads,
 * so widening the map past these fails the lint run instead of quietly turning an arrow around.
 */
const NEVER = {
  core: { domain: true },
  observability: { domain: true },
  jobs: { domain: true },
  identity: { domain: true },
  policy: { libs: ['decisions', 'lineage', 'registry', 'policy-review'] },
  ledger: { libs: ['decisions', 'lineage', 'registry', 'policy-review'] },
  registry: { libs: ['decisions'] },
};

/** Composition libs are imported by apps, tests and benches only. */
const COMPOSITION = Object.keys(CONTEXT_MAP).filter((lib) => CONTEXT_MAP[lib] === '*');

/** The libs `lib` may import; a lib not on the map yet is a domain lib with no upstream of its own. */
function allowedImports(lib, map = CONTEXT_MAP) {
  return Object.hasOwn(map, lib) ? map[lib] : DOMAIN_BASE;
}

function mayImport(from, to, map = CONTEXT_MAP) {
  const allowed = allowedImports(from, map);
  return allowed === '*' || allowed.includes(to);
}

/** Throws on an edge that breaks NEVER, an edge into a composition lib, or a cycle. */
function assertConsistent(map = CONTEXT_MAP, never = NEVER) {
  const problems = [];
  const composition = Object.keys(map).filter((lib) => map[lib] === '*');
  for (const [from, allowed] of Object.entries(map)) {
    if (allowed === '*') continue;
    for (const to of allowed) {
      const rule = never[from];
      if (rule?.domain && !FOUNDATION.includes(to)) problems.push(`${from} knows no domain, yet may import ${to}`);
      if (rule?.libs?.includes(to)) problems.push(`${from} must never import ${to}`);
      if (composition.includes(to)) problems.push(`${from} may not import the composition lib ${to}`);
    }
  }
  const cycle = findCycle(map);
  if (cycle) problems.push(`cycle: ${cycle.join(' → ')}`);
  if (problems.length > 0) throw new Error(`tools/lint/context-map.js contradicts the context map: ${problems.join('; ')}`);
}

function findCycle(map) {
  const state = new Map(); // lib → 'visiting' | 'done'
  const visit = (lib, path) => {
    if (state.get(lib) === 'done') return null;
    if (state.get(lib) === 'visiting') return [...path.slice(path.indexOf(lib)), lib];
    state.set(lib, 'visiting');
    const next = map[lib] === '*' || !map[lib] ? [] : map[lib];
    for (const to of next) {
      const cycle = visit(to, [...path, lib]);
      if (cycle) return cycle;
    }
    state.set(lib, 'done');
    return null;
  };
  for (const lib of Object.keys(map)) {
    const cycle = visit(lib, []);
    if (cycle) return cycle;
  }
  return null;
}

module.exports = { CONTEXT_MAP, NEVER, FOUNDATION, COMPOSITION, allowedImports, mayImport, assertConsistent };
