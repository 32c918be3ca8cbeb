import { resolve } from 'node:path';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';
import { yamlAsJson } from './vite-plugins/yaml-as-json.mts';

const repoRoot = resolve(import.meta.dirname, '../..');
// `npm run console:dev` proxies the API's routes to a running API (docs/console.md, "Development").
const api = process.env.ATTEST_API_URL ?? 'http://localhost:3000';
const proxied = ['/graphql', '/auth', '/api', '/health', '/.well-known'];

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), yamlAsJson()],
  build: {
    // The API serves this folder at / (libs/platform/src/console); hashed files under assets/ are cached for a year.
    outDir: resolve(repoRoot, 'dist/console'),
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page loads, read by `npm run console:bundle-size` (never served: a dot folder).
    manifest: true,
    // Monaco (the API explorer) is large by nature and lazy-loaded; the initial route's budget is checked by console:bundle-size.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      onwarn(warning, warn) {
        // GraphiQL's "use no memo" (React Compiler hints): meaningless in a bundle, and harmless.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // Workers (Monaco's, in the API explorer) are separate files, allowed by the CSP's worker-src 'self'.
  worker: { format: 'es' },
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: api, changeOrigin: false }])),
  },
});
