import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadContextMap, ownedBy, owners, violationsOf } from './support/context-map';
import { createdObjectsOf, entityTablesOf, sourceFiles, sqlNamesIn, sqlNamesOfFile, sqlNamesOfSource } from './support/sql-names';
import { REPO_ROOT } from './support/test-app';

/**
 * ADR 0005 and docs/architecture.md ("Context map"): a context's SQL text names only what it owns,
 * core's shared functions, and what docs/context-map.yaml allows it, each with a reason.
 */
const map = loadContextMap();
const LIBS = join(REPO_ROOT, 'libs');
const MIGRATIONS = join(REPO_ROOT, 'migrations');

/** What each file of a lib names in SQL text that the map knows, by name with the files. */
function namedBy(context: string): Map<string, string[]> {
  const known = owners(map);
  const named = new Map<string, string[]>();
  for (const file of sourceFiles(join(LIBS, context, 'src'))) {
    for (const { name } of sqlNamesOfFile(file)) {
      if (known.has(name)) named.set(name, [...(named.get(name) ?? []), relative(REPO_ROOT, file)]);
    }
  }
  return named;
}

/** The tables a lib maps with @Entity. */
function entityTables(context: string): string[] {
  return sourceFiles(join(LIBS, context, 'src')).flatMap((f) => entityTablesOf(readFileSync(f, 'utf8')));
}

describe('the context map (docs/context-map.yaml)', () => {
  it('has an entry for every lib, and every lib for every entry', () => {
    expect(Object.keys(map.contexts).sort()).toEqual(readdirSync(LIBS).sort());
  });

  it('gives every table, view and function the migrations create exactly one owner', () => {
    const created = new Set(
      readdirSync(MIGRATIONS)
        .filter((f) => f.endsWith('.ts'))
        .flatMap((f) => createdObjectsOf(readFileSync(join(MIGRATIONS, f), 'utf8'))),
    );
    const owned = Object.values(map.contexts).flatMap(ownedBy);
    expect(owned.filter((name, i) => owned.indexOf(name) !== i)).toEqual([]);
    expect([...created].filter((name) => !owned.includes(name)).sort()).toEqual([]);
    expect(owned.filter((name) => !created.has(name)).sort()).toEqual([]);
  });

  it('gives a reason for every allowance, and a pointer for every exception', () => {
    const owner = owners(map);
    for (const [context, entry] of Object.entries(map.contexts)) {
      for (const [name, allowance] of Object.entries(entry.may_name ?? {})) {
        const where = `${context}.may_name.${name}`;
        expect([where, owner.get(name) !== undefined && owner.get(name) !== context]).toEqual([where, true]);
        expect([where, allowance.reason?.length > 20]).toEqual([where, true]);
        expect([where, ['published', 'read-side', 'exception', 'debt'].includes(allowance.kind)]).toEqual([where, true]);
        if (allowance.kind === 'exception') expect([where, allowance.see?.startsWith('docs/decisions/')]).toEqual([where, true]);
        if (allowance.kind === 'published')
          expect([where, map.contexts[owner.get(name)!].publishes?.includes(name)]).toEqual([where, true]);
      }
    }
  });

  it('is described in docs/architecture.md: every object, or its family, named in the Context map section', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'architecture.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Context map'), doc.indexOf('## A request, step by step'));
    const described = (name: string) =>
      section.includes(`\`${name}\``) || (name.startsWith('attest_ledger_') && section.includes('`attest_ledger_*`'));
    expect(
      Object.values(map.contexts)
        .flatMap(ownedBy)
        .filter((name) => !described(name)),
    ).toEqual([]);
  });

  describe.each(Object.keys(map.contexts))('libs/%s', (context) => {
    const named = namedBy(context);

    it('names in SQL only what it owns, what is shared, and what the map allows it', () => {
      const violations = violationsOf(map, context, named.keys()).map((v) => `${v} (${named.get(v.split(' ')[2])?.join(', ')})`);
      expect(violations).toEqual([]);
    });

    it('uses every allowance it has (an unused one is removed from the map)', () => {
      const entities = entityTables(context);
      expect(Object.keys(map.contexts[context].may_name ?? {}).filter((name) => !named.has(name) && !entities.includes(name))).toEqual([]);
    });

    it("uses no other context's @Entity class (its tables are reached through that context's services)", () => {
      const imports = sourceFiles(join(LIBS, context, 'src')).flatMap((f) => [
        ...readFileSync(f, 'utf8').matchAll(/import\s*{([^}]*)}\s*from\s*'@attest\/([a-z-]+)'/g),
      ]);
      const entities = imports
        .filter(([, , from]) => from !== context)
        .flatMap(([, names, from]) =>
          names
            .split(',')
            .map((n) => n.trim())
            .filter((n) => /^[A-Z]\w*Entity$/.test(n))
            .map((n) => `${n} from @attest/${from}`),
        );
      expect(entities).toEqual([]);
    });

    it('maps with @Entity only tables it owns or reads as their read side', () => {
      const entry = map.contexts[context];
      const readSide = (t: string) => entry.may_name?.[t]?.kind === 'read-side';
      expect(entityTables(context).filter((t) => !ownedBy(entry).includes(t) && !readSide(t))).toEqual([]);
    });
  });
});

describe('the SQL name extractor (fixtures: the check fires)', () => {
  it('finds tables after FROM, JOIN, INTO, UPDATE and TABLE, and attest_ functions, in strings and templates', () => {
    const source = [
      "const a = 'SELECT x FROM decisions d JOIN automations a ON true';",
      'const b = `INSERT INTO lineage_edges (id) SELECT id FROM ${table} WHERE t = attest_current_tenant()`;',
      "const c = `UPDATE ONLY webhook_deliveries SET x = 1`; const d = 'TRUNCATE TABLE ledger_nodes';",
      'const e = `SELECT attest_ledger_fact_${kind}(r) FROM r`;',
      "const prose = 'a dataset version from models was not found';",
    ].join('\n');
    expect([...sqlNamesOfSource(source).keys()].sort()).toEqual(
      [
        'attest_current_tenant',
        'attest_ledger_fact_*',
        'automations',
        'decisions',
        'ledger_nodes',
        'lineage_edges',
        'r',
        'webhook_deliveries',
      ].sort(),
    );
  });

  it("reports a context that names another context's table without an allowance", () => {
    const named = sqlNamesIn('SELECT d.id FROM decisions d JOIN policy_packs p ON true WHERE d.tenant_id = attest_current_tenant()');
    expect(violationsOf(map, 'policy', named)).toEqual([
      'policy names decisions, owned by decisions: publish a view or add it to policy.may_name with a reason',
    ]);
  });

  it('accepts a published view the map allows, and refuses it to a context the map does not', () => {
    const named = sqlNamesIn('SELECT id FROM registry_dataset_version_locations WHERE location = $1');
    expect(violationsOf(map, 'decisions', named)).toEqual([]);
    expect(violationsOf(map, 'ledger', named)).toHaveLength(1);
  });
});
