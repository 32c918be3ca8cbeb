import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The rule of docs/architecture.md, "Apps and libraries": apps never import another app, libraries
 * never import an app. Checked here on the source until ESLint's boundary rules take over.
 */
export interface BoundaryViolation {
  /** The importing file, relative to the repository. */
  file: string;
  specifier: string;
  /** Where the specifier leads, relative to the repository. */
  target: string;
  rule: 'apps never import apps' | 'libs never import apps';
}

/** How non-relative specifiers resolve: tsconfig.json's baseUrl and paths (aliases such as @attest/core). */
export interface ModuleResolution {
  root: string;
  baseUrl: string;
  paths: Record<string, string[]>;
}

export function moduleResolutionOf(root: string): ModuleResolution {
  const { config, error } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const options = (config as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } }).compilerOptions ?? {};
  return { root, baseUrl: resolve(root, options.baseUrl ?? '.'), paths: options.paths ?? {} };
}

/**
 * Every module a source names: import and export declarations (types too), `import x = require()`,
 * `require()`, dynamic `import()`, `import('…')` types and jest's module mocks. Read from the syntax
 * tree, so that comments and strings that merely look like imports do not count.
 */
export function importedSpecifiers(fileName: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    false,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const take = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) take(node.moduleSpecifier);
    else if (ts.isExternalModuleReference(node)) take(node.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) take(node.argument.literal);
    else if (ts.isCallExpression(node) && loadsModule(node.expression)) take(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

const JEST_MODULE_CALLS = new Set(['mock', 'doMock', 'unmock', 'requireActual', 'requireMock']);

function loadsModule(callee: ts.Expression): boolean {
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isIdentifier(callee)) return callee.text === 'require';
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'jest' &&
    JEST_MODULE_CALLS.has(callee.name.text)
  );
}

/** The absolute path a specifier names (file or folder, extension left off), or undefined for an npm package. */
export function resolveSpecifier(fromFile: string, specifier: string, resolution: ModuleResolution): string | undefined {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..')
    return resolve(dirname(fromFile), specifier);
  if (isAbsolute(specifier)) return specifier;
  const alias = resolution.paths[specifier]?.[0];
  if (alias) return resolve(resolution.baseUrl, alias);
  // baseUrl makes "apps/api/src/x" a valid import from anywhere: it counts like a relative one.
  const [first] = specifier.split('/');
  if (first === 'apps' || first === 'libs') return resolve(resolution.baseUrl, specifier);
  return undefined;
}

/** `apps/<name>` or `libs/<name>` of a path inside the repository, else undefined. */
function unitOf(path: string, root: string): { kind: 'apps' | 'libs'; name: string } | undefined {
  const [kind, name] = relative(root, path).split(sep);
  return (kind === 'apps' || kind === 'libs') && name ? { kind, name } : undefined;
}

/** The imports of one source that break the rule. */
export function boundaryViolations(file: string, source: string, resolution: ModuleResolution): BoundaryViolation[] {
  const owner = unitOf(file, resolution.root);
  if (!owner) return [];
  return importedSpecifiers(file, source).flatMap((specifier) => {
    const resolved = resolveSpecifier(file, specifier, resolution);
    const target = resolved === undefined ? undefined : unitOf(resolved, resolution.root);
    if (resolved === undefined || target?.kind !== 'apps') return [];
    if (owner.kind === 'apps' && target.name === owner.name) return [];
    const rule = owner.kind === 'apps' ? 'apps never import apps' : 'libs never import apps';
    return [{ file: relative(resolution.root, file), specifier, target: relative(resolution.root, resolved), rule }];
  });
}

/** Every TypeScript file under apps/ and libs/, specs and test fixtures included. */
export function appAndLibSources(root: string): string[] {
  return ['apps', 'libs'].flatMap((dir) => sourcesUnder(join(root, dir)));
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourcesUnder(path);
    return /\.(c|m)?tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The whole repository's violations. */
export function repositoryBoundaryViolations(root: string): BoundaryViolation[] {
  const resolution = moduleResolutionOf(root);
  return appAndLibSources(root).flatMap((file) => boundaryViolations(file, readFileSync(file, 'utf8'), resolution));
}
