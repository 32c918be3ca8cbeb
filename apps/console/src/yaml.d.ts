// YAML files are imported as their parsed JSON (vite-plugins/yaml-as-json.ts).
declare module '*.yaml' {
  const value: unknown;
  export default value;
}
