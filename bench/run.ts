// npm run bench -- <name> [...args]: runs bench/<name>.ts, which prints its figures.
const benches: Record<string, () => Promise<unknown>> = {
  ingest: () => import("./ingest.ts"),
  embed: () => import("./embed.ts"),
  pipeline: () => import("./pipeline.ts"),
  rank: () => import("./rank.ts"),
  recall: () => import("./recall.ts"),
  api: () => import("./api.ts"),
  web: () => import("./web.ts"),
  learn: () => import("./learn.ts"),
  apply: () => import("./apply.ts"),
  batch: () => import("./batch.ts"),
  schedule: () => import("./schedule.ts"),
};

const benchName = process.argv[2];
const load = benchName ? benches[benchName] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join("|")}>`);
  process.exit(2);
}
await load();

export {};
