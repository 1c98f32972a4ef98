// The layer rules that `npm run lint` checks (docs/ARCHITECTURE.md, "The dependency rule",
// says the same in words). Run alone: npx depcruise packages apps --config .dependency-cruiser.cjs

// TypeScript 7 has no compiler API for dependency-cruiser to parse with, so it parses with
// swc, whose settings (fixed inside dependency-cruiser) do not read JSX. Parse .tsx files
// as TSX. Should this stop working, swc fails on the first .tsx file and the check fails,
// never passes silently.
const swc = require("@swc/core");
const parseFileSync = swc.parseFileSync;
swc.parseFileSync = (file, options) =>
  parseFileSync(file, file.endsWith(".tsx") ? { ...options, tsx: true } : options);

const CORE = "^packages/core/src/";
const DATABASE = "(^|/)node_modules/(drizzle-orm|pg|@electric-sql/[^/]+)/";

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-imports-no-door",
      comment: "The domain core knows nothing of the API, the CLI or the web app.",
      severity: "error",
      from: { path: "^packages/core/" },
      to: { path: "^(packages/(api|cli)|apps/web)/" },
    },
    {
      name: "doors-use-core-entries",
      comment:
        "The API, the CLI and the web app reach core through its package entries only: " +
        "@aura/core (src/index.ts) and @aura/core/testing (src/testing/index.ts).",
      severity: "error",
      from: { path: "^(packages/(api|cli)|apps/web)/" },
      to: { path: "^packages/core/", pathNot: "^packages/core/src/(index|testing/index)\\.ts$" },
    },
    {
      name: "web-imports-no-core-api-or-database",
      comment:
        "The web app talks to the API over HTTP: it imports neither @aura/core, @aura/api " +
        "nor a database driver.",
      severity: "error",
      from: { path: "^apps/web/" },
      to: { path: [`^packages/(core|api)/`, DATABASE] },
    },
    {
      name: "sources-import-no-rank-learn-or-db",
      comment: "Source adapters fetch and parse postings; they never rank, learn or store.",
      severity: "error",
      from: { path: `${CORE}sources/` },
      to: { path: [`${CORE}(rank|learn|db)/`, DATABASE] },
    },
    {
      name: "normalize-and-dedupe-touch-no-database",
      comment: "Normalizing and de-duplicating are pure functions of the postings.",
      severity: "error",
      from: { path: `${CORE}jobs/(normalize|dedupe)/` },
      to: { path: [`${CORE}db/`, DATABASE] },
    },
    {
      name: "no-cycle-between-core-folders",
      comment:
        "Core folders (stages, and jobs/normalize, jobs/dedupe, jobs/store) never depend " +
        "on each other in a circle, through any chain of imports.",
      severity: "error",
      scope: "folder",
      from: { path: CORE },
      to: { path: CORE, circular: true },
    },
    {
      name: "jobs-files-below-jobs-subfolders",
      comment:
        "jobs/*.ts (what a job is, and its view) are used by jobs/normalize, jobs/dedupe and " +
        "jobs/store, so they import none of them: jobs/ counts as a folder of its own.",
      severity: "error",
      from: { path: `${CORE}jobs/[^/]+$` },
      to: { path: `${CORE}jobs/[^/]+/` },
    },
    {
      name: "shared-is-a-leaf",
      comment: "shared/ holds leaves every stage may use: it imports nothing else of core.",
      severity: "error",
      from: { path: `${CORE}shared/` },
      to: { path: CORE, pathNot: `${CORE}shared/` },
    },
    {
      name: "no-cycle-in-core",
      comment: "No core module imports itself through a chain of imports, within a folder too.",
      severity: "error",
      from: { path: CORE },
      to: { circular: true },
    },
    {
      name: "imports-resolve",
      comment:
        "Every import resolves to a file or an installed package, so none escapes the rules.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    parser: "swc",
    webpackConfig: { fileName: ".dependency-cruiser.resolve.cjs" },
    // Packages are where imports end, never read themselves (nor are their folders walked).
    doNotFollow: { path: "(^|/)node_modules/" },
    // Tests are not checked: a test may set up its data through any stage.
    exclude: { path: ["(^|/)(\\.next|dist|coverage|test-data|recorded)/", "\\.test\\.tsx?$"] },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    skipAnalysisNotInRules: true,
  },
};
