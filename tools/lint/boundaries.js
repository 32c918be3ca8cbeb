// ESLint rule `attest/boundaries`: the import boundaries between apps/ and libs/ and the context
// map's direction between libs. Paths are classified from the folders, so a new app or lib is covered
// the day it is created (a new lib gets the default edges of tools/lint/context-map.js).
const path = require('node:path');
const { allowedImports, mayImport } = require('./context-map');

const ROOT = path.resolve(__dirname, '../..');

/** Where a repository-relative path sits: an app, a lib (and whether in its testing folder), tests, or other. */
function locate(relative) {
  const [top, name, sub, subsub] = relative.split(path.sep);
  if (top === 'apps' && name) return { kind: 'app', name };
  if (top === 'libs' && name) return { kind: 'lib', name, testing: sub === 'src' && subsub === 'testing' };
  if (top === 'test' || top === 'bench') return { kind: 'test' };
  return { kind: 'other' };
}

/** What an import names: an app or lib (with the entry it goes through), or null for packages and the rest. */
function resolveTarget(specifier, filename) {
  const scoped = /^@attest\/([^/]+)(?:\/(.*))?$/.exec(specifier);
  if (scoped) {
    const [, name, rest] = scoped;
    return { kind: 'lib', name, entry: rest === undefined ? 'main' : rest === 'testing' ? 'testing' : 'deep' };
  }
  if (!specifier.startsWith('.')) return null;
  const relative = path.relative(ROOT, path.resolve(path.dirname(filename), specifier));
  const target = locate(relative);
  if (target.kind === 'app') return target;
  if (target.kind === 'lib') return { kind: 'lib', name: target.name, entry: 'relative', testing: target.testing };
  return null;
}

function isTestCode(relative, from) {
  return from.kind === 'test' || (from.kind === 'lib' && from.testing) || /\.(e2e-)?spec\.ts$/.test(relative);
}

function describeAllowed(lib) {
  const allowed = allowedImports(lib);
  return allowed === '*' ? 'any lib' : allowed.length === 0 ? 'no lib' : allowed.map((name) => `@attest/${name}`).join(', ');
}

/** The message id and data for one import, or null when it keeps to the boundaries. */
function check(specifier, filename) {
  const relative = path.relative(ROOT, filename);
  const from = locate(relative);
  const to = resolveTarget(specifier, filename);
  if (!to) return null;
  if (to.kind === 'app') {
    if (from.kind === 'lib') return { messageId: 'libImportsApp', data: { lib: from.name, app: to.name } };
    if (from.kind === 'app' && from.name !== to.name) return { messageId: 'appImportsApp', data: { from: from.name, to: to.name } };
    return null;
  }
  const sameLib = from.kind === 'lib' && from.name === to.name;
  const testCode = isTestCode(relative, from);
  // Tests may reach a lib's internals (white-box tests of a sweeper, a signature); shipped code may not.
  if (!testCode && (to.entry === 'deep' || (to.entry === 'relative' && !sameLib))) {
    return { messageId: 'deepImport', data: { specifier, lib: to.name } };
  }
  if ((to.entry === 'testing' || to.testing) && !testCode) return { messageId: 'testingInShippedCode', data: { specifier } };
  if (from.kind === 'lib' && !sameLib && !mayImport(from.name, to.name)) {
    return { messageId: 'notOnContextMap', data: { from: from.name, to: to.name, allowed: describeAllowed(from.name) } };
  }
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports between apps and libs keep to the boundaries and the context map (docs/architecture.md)' },
    schema: [],
    messages: {
      libImportsApp: 'libs/{{lib}} imports apps/{{app}}: libs never import apps (move the shared code into a lib).',
      appImportsApp: 'apps/{{from}} imports apps/{{to}}: apps never import apps (move the shared code into a lib).',
      deepImport: "'{{specifier}}' reaches past the entry of libs/{{lib}}: import from '@attest/{{lib}}' (or its /testing entry in tests).",
      testingInShippedCode: "'{{specifier}}' is a test helper: only specs, test/, bench/ and testing folders may import it.",
      notOnContextMap:
        'libs/{{from}} may not import @attest/{{to}}: not an arrow of the context map (tools/lint/context-map.js); libs/{{from}} may import {{allowed}}.',
    },
  },
  create(context) {
    const report = (node, source) => {
      if (typeof source?.value !== 'string') return;
      const problem = check(source.value, context.filename);
      if (problem) context.report({ node: source, ...problem });
    };
    return {
      ImportDeclaration: (node) => report(node, node.source),
      ExportNamedDeclaration: (node) => report(node, node.source),
      ExportAllDeclaration: (node) => report(node, node.source),
      ImportExpression: (node) => report(node, node.source),
      TSImportEqualsDeclaration: (node) => report(node, node.moduleReference.expression),
      'CallExpression[callee.name="require"]': (node) => report(node, node.arguments[0]),
      'CallExpression[callee.object.name="jest"][callee.property.name=/^(mock|requireActual)$/]': (node) => report(node, node.arguments[0]),
    };
  },
};

module.exports = { rules: { boundaries: rule }, check };
