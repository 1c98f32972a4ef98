// Module resolution for .dependency-cruiser.cjs, in webpack's format: the web app's `@/`
// prefix (apps/web/tsconfig.json "paths"), which dependency-cruiser cannot read from the
// tsconfig without TypeScript's compiler API.
const path = require("node:path");

module.exports = {
  resolve: { alias: { "@": path.join(__dirname, "apps/web/src") } },
};
