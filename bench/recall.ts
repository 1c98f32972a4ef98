// HNSW recall@10 against exact search, over 100 random live-job vectors as queries:
// - the in-process usearch index (vector-search.ts: exact scan up to 20,000 vectors, HNSW
//   above, vector-search.ts HNSW_SETTINGS), built by the real
//   `inProcessSearch` from the vectors in memory;
// - pgvector HNSW on PGlite (m 16, ef_construction 64: pgvector's defaults, as
//   ensureVectorIndex creates it), queried through the real `openVectorSearch`, which sets
//   hnsw.ef_search = max(40, k): k = 10 (ef_search 40) and k = candidates = 300 as rankJobs
//   asks (ef_search 300; recall@10 of its first 10).
// Exact neighbours: usearch's exactSearch over the same vectors (cosine), which equals
// pgvector's `<=>` order up to float rounding. The query's own vector is in the set, so its
// first neighbour is itself, as for any job in the index.
//
// Vectors: the ~1,355 real job vectors (offline ingest, embedded once and cached, see
// shared.ts) plus synthetic ones (shared.ts syntheticVector: a real vector + 0.25 × another
// + N(0, 0.02²) noise, re-normalized); the jobs rows are the real ones and copies (scale.ts).
//
// Options: --sizes=10000,30000,100000 (in-process), --pg-sizes=10000,30000,100000 (PGlite;
// 100k takes long to build single-threaded in WASM: skipped when the previous build says it
// would exceed --pg-budget=900 s). On an idle 2-core machine about 5 min without PGlite's
// 100k, 15–25 min with it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase, openEmbedder, openVectorSearch } from "@aura/core";
import { sql } from "drizzle-orm";
import { exactSearch, MetricKind } from "usearch";
import { ensureVectorIndex, inProcessSearch } from "../packages/core/src/embed/vector-search.ts";
import { ScaledJobs } from "./scale.ts";
import {
  codeVersion,
  conditions,
  defaultConfig,
  embedAllCached,
  ingestRecorded,
  mb,
  percentile,
  printTable,
  rng,
  timed,
} from "./shared.ts";

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (text: string) =>
  text
    .split(",")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
const SIZES = sizes(arg("sizes") ?? "10000,30000,100000");
// --pg-sizes=none skips PGlite.
const PG_SIZES = sizes(arg("pg-sizes") ?? "10000,30000,100000");
const PG_BUDGET_S = Number(arg("pg-budget") ?? 900);
const QUERIES = 100;
const K = 10;

const config = defaultConfig();
console.log(`AURA recall bench — ${conditions()}\n${codeVersion()}`);

const dir = mkdtempSync(join(tmpdir(), "aura-bench-recall-"));
const handle = await openDatabase({ dataDir: join(dir, "db") });
try {
  await migrateDatabase(handle);
  await ingestRecorded(handle.db, config);
  // The model's id and size, without loading a pool when the cache has every vector.
  const probe = await openEmbedder(config.embed, { inThread: true });
  const model = probe.modelId;
  const dim = probe.dimension;
  await probe.close();
  const cached = await embedAllCached(handle.db, model, dim, () => openEmbedder(config.embed));
  const scaled = await ScaledJobs.prepare(handle.db, model, dim);
  console.log(
    `${scaled.base.length} real job vectors (${cached.fromCache} from the bench cache, ${cached.embedded} embedded now); ` +
      `${QUERIES} queries, recall@${K}`,
  );

  /** Exact top-k ids of each query over `vectors`. */
  const exact = (vectors: { ids: number[]; matrix: Float32Array }, queries: number[], k: number) =>
    queries.map((row) => {
      // A copy: usearch's exactSearch ignores a view's offset.
      const q = vectors.matrix.slice(row * dim, (row + 1) * dim);
      const m = exactSearch(vectors.matrix, q, dim, k, MetricKind.Cos) as {
        keys: BigUint64Array;
      };
      return Array.from(m.keys, (key) => vectors.ids[Number(key)] ?? -1);
    });
  const recall = (truth: number[][], found: number[][]) => {
    const per = truth.map((t, i) => {
      const f = new Set((found[i] ?? []).slice(0, K));
      return t.filter((id) => f.has(id)).length / t.length;
    });
    return { mean: per.reduce((a, b) => a + b, 0) / per.length, min: Math.min(...per) };
  };
  const pickQueries = (count: number, seed: number) => {
    const random = rng(seed);
    return Array.from({ length: QUERIES }, () => Math.floor(random.next() * count));
  };

  // In-process (usearch), from vectors in memory: no database needed.
  const table: (string | number)[][] = [
    ["index", "vectors", "build s", "recall@10", "min", "query p50 ms", "RSS after build"],
  ];
  for (const size of SIZES) {
    const vectors = scaled.vectorsFor(size);
    const queries = pickQueries(vectors.ids.length, size);
    const truth = exact(vectors, queries, K);
    const built = await timed(async () => inProcessSearch(vectors, dim));
    const search = built.value;
    const found: number[][] = [];
    const times: number[] = [];
    for (const row of queries) {
      const t0 = performance.now();
      const hits = await search.search(vectors.matrix.slice(row * dim, (row + 1) * dim), K);
      times.push(performance.now() - t0);
      found.push(hits.map((h) => h.jobId));
    }
    const r = recall(truth, found);
    table.push([
      search.hnsw ? "in-process usearch HNSW" : "in-process exact scan",
      vectors.ids.length,
      built.s.toFixed(1),
      r.mean.toFixed(3),
      r.min.toFixed(1),
      percentile(times, 50).toFixed(2),
      mb(process.memoryUsage().rss),
    ]);
    console.log(
      `  in-process ${vectors.ids.length}: recall@10 ${r.mean.toFixed(3)} — ${conditions()}`,
    );
  }

  // pgvector HNSW on PGlite, through openVectorSearch.
  let lastBuild: { size: number; s: number } | null = null;
  for (const size of PG_SIZES) {
    if (lastBuild) {
      // HNSW builds grow a little faster than linearly; n log n as the estimate.
      const estimate =
        (lastBuild.s * (size * Math.log(size))) / (lastBuild.size * Math.log(lastBuild.size));
      if (estimate > PG_BUDGET_S) {
        table.push([
          "pgvector HNSW (PGlite)",
          size,
          `~${estimate.toFixed(0)} est.`,
          "skipped",
          "",
          "",
          "",
        ]);
        console.log(
          `  PGlite ${size}: skipped, the build would take ~${estimate.toFixed(0)} s (> --pg-budget=${PG_BUDGET_S})`,
        );
        continue;
      }
    }
    await handle.db.execute(
      sql`DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT indexname FROM pg_indexes WHERE indexname LIKE 'job_embeddings_hnsw_%'
        LOOP EXECUTE 'DROP INDEX ' || r.indexname; END LOOP; END $$`,
    );
    const grown = await timed(() => scaled.grow(size));
    const build = await timed(() => ensureVectorIndex(handle.db, model, dim));
    lastBuild = { size, s: build.s };
    const vectors = scaled.vectors();
    const queries = pickQueries(vectors.ids.length, size + 1);
    const truth = exact(vectors, queries, K);
    const search = await openVectorSearch(handle.db, model, dim);
    for (const k of [K, config.rank.candidates]) {
      const found: number[][] = [];
      const times: number[] = [];
      for (const row of queries) {
        const t0 = performance.now();
        const hits = await search.search(vectors.matrix.slice(row * dim, (row + 1) * dim), k);
        times.push(performance.now() - t0);
        found.push(hits.map((h) => h.jobId));
      }
      const r = recall(truth, found);
      table.push([
        `pgvector HNSW (PGlite), k=${k}, ef_search ${Math.max(40, Math.min(1000, k))}`,
        vectors.ids.length,
        k === K ? build.s.toFixed(1) : "",
        r.mean.toFixed(3),
        r.min.toFixed(1),
        percentile(times, 50).toFixed(1),
        mb(process.memoryUsage().rss),
      ]);
    }
    console.log(
      `  PGlite ${vectors.ids.length}: grown in ${grown.s.toFixed(1)} s, HNSW built in ${build.s.toFixed(1)} s — ${conditions()}`,
    );
  }
  console.log();
  printTable(table);
  console.log(
    `\n  min: the worst query's recall. query p50: one search, k=10 (k=300 where named).` +
      `\n  After: ${conditions()}`,
  );
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
