// Lints in-memory sources with the repository's own eslint.config.mjs, as `npm run lint` would, and
// prints each source's messages as JSON. Run in its own process: ESLint loads its config with import(),
// which jest's module sandbox does not allow. Type-aware rules are off: the sources are not on disk.
// stdin: [{ file, code }] (file relative to the repository root); stdout: [[{ ruleId, messageId, message }]].
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { ESLint } = require('eslint');
const tseslint = require('typescript-eslint');

async function main() {
  const root = join(__dirname, '../..');
  const sources = JSON.parse(readFileSync(0, 'utf8'));
  const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });
  const results = [];
  for (const { file, code } of sources) {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    results.push(result.messages.map(({ ruleId, messageId, message }) => ({ ruleId, messageId, message })));
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
