// `npm run console:bundle-size`: every chunk of the built console with its gzip size, and the JavaScript
// each first page loads (the entry, its static imports, the page's own chunk and its imports). Fails when a
// first page (sign-in, overview) needs more than 300 KB gzip of JavaScript (docs/performance.md, "Console").
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist/console';
const BUDGET_KB = 300;
// The pages a visitor can land on first: signed out, and signed in.
const FIRST_PAGES = { 'sign-in': 'src/pages/sign-in/SignInPage.tsx', overview: 'src/pages/overview/OverviewPage.tsx' };

const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));
const gzipKb = (file) => gzipSync(readFileSync(join(DIST, file))).length / 1024;

/** The files a chunk needs before it runs: itself and its static imports, transitively. */
function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(imported, seen);
  return seen;
}

const rows = readdirSync(join(DIST, 'assets'))
  .map((name) => ({ name, kb: gzipKb(join('assets', name)) }))
  .sort((a, b) => b.kb - a.kb);
console.log('chunk'.padEnd(48), 'gzip KB');
for (const { name, kb } of rows) console.log(name.padEnd(48), kb.toFixed(1).padStart(7));

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
let over = false;
console.log();
for (const [page, source] of Object.entries(FIRST_PAGES)) {
  if (!manifest[source]) throw new Error(`${source} is not a chunk of the build: is it still lazily loaded?`);
  const keys = new Set([...staticClosure(entry), ...staticClosure(source)]);
  const kb = [...keys].reduce((sum, key) => sum + (manifest[key].file.endsWith('.js') ? gzipKb(manifest[key].file) : 0), 0);
  const verdict = kb <= BUDGET_KB ? 'within' : 'OVER';
  if (kb > BUDGET_KB) over = true;
  console.log(`first page ${page}: ${kb.toFixed(1)} KB gzip of JavaScript (${verdict} the ${BUDGET_KB} KB budget)`);
}
process.exit(over ? 1 : 0);
