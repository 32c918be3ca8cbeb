// `npm run console:build` (after codegen and the type check): Vite's production build of apps/console
// into dist/console, which the API serves at / (docs/console.md). Prints how long it took: `npm start` runs it.
import { build } from 'vite';

const started = performance.now();
await build({ configFile: 'apps/console/vite.config.mts', logLevel: 'warn' });
console.log(`console built into dist/console in ${((performance.now() - started) / 1000).toFixed(1)} s`);
