// Imported first by main.ts, before graphql-js and Express load: unless told otherwise, the built
// API runs as production, so that they skip their development-only checks (graphql-js's
// cross-realm instanceOf check alone cost about a tenth of a recordDecision's CPU). Tests build the
// app without this module, under jest's NODE_ENV=test.
process.env.NODE_ENV ??= 'production';
