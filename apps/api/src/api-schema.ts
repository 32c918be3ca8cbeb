// The API's schema, as `npm run schema` commits it. It is built in @attest/platform, where the CLI
// (`attest schema`) reaches it too without importing this app.
export { API_RESOLVERS, generateApiSchemaSdl, printSortedSchema } from '@attest/platform';
