import type { Plugin } from 'vite';
import { parse } from 'yaml';

/**
 * Imports a YAML file as its parsed JSON, at build time: the console reads policies/access/roles.yaml
 * (who may do what) without shipping a YAML parser to the browser.
 */
export function yamlAsJson(): Plugin {
  return {
    name: 'attest-yaml-as-json',
    transform(code, id) {
      if (!/\.ya?ml$/.test(id)) return null;
      return { code: `export default ${JSON.stringify(parse(code))};`, map: null };
    },
  };
}
