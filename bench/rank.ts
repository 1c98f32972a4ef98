// Rank latency for one profile (a real CV: eval/personas/developer.md) at 1k, 10k and 100k
// live jobs, on PGlite (pgvector HNSW in the database) and on a PostgreSQL server (no pgvector
// there: the in-process usearch index).
//
// Jobs: the ~1,355 real jobs of an offline ingest, embedded once (vectors cached in the temp
// folder across runs, see shared.ts), then grown with synthetic copies (bench/scale.ts: copied
// rows with a suffix on title, URLs and hash; vectors of real jobs mixed and jittered, then
// re-normalized). At 1k, a sample of 1,000 of the real jobs.
//
// Per size: the time to grow the data, build the vector index and rebuild the term statistics
// (pipeline work, printed for scale), the first `rankJobs` call (cold caches; at the first size
// it also embeds the CV), then `rankJobs(db, embedder, profile, { config: config.rank,
// top: 10 })` repeated (p50/p95), then each piece of it timed alone with the same inputs.
// PGlite: EXPLAIN ANALYZE of the pgvector query. Server: the CLI's way (`cacheDir`: the saved
// in-process index is loaded on every call) and the API's (one open VectorSearch reused), and
// resident memory with 100k vectors loaded.
//
// Options: --sizes=1000,10000,100000  --runs=20  --only=pglite|postgres. The server's tables
// are ANALYZEd after growing, as autovacuum would do within a minute (ensureVectorIndex
// ANALYZEs PGlite's).
// Run time on an idle 2-core machine: ~2 min to 10k on both databases; with 100k, roughly
// 15–25 min more (PGlite builds its 100k-vector HNSW index single-threaded in WASM).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  countUnembeddedJobs,
  type DatabaseHandle,
  getJobs,
  LOCAL_USER_ID,
  migrateDatabase,
  openDatabase,
  openEmbedder,
  openVectorSearch,
  type Profile,
  rankJobs,
  saveProfile,
  type VectorSearch,
} from "@aura/core";
import { type SQL, sql } from "drizzle-orm";
import { resultRows } from "../packages/core/src/db/client.ts";
import { ensureVectorIndex, pgvectorStatement } from "../packages/core/src/embed/vector-search.ts";
import { getCachedCvVector } from "../packages/core/src/profile/profile-store.ts";
import { loadLexicalIndex, saveLexicalIndex } from "../packages/core/src/rank/lexical-index.ts";
import {
  bm25Search,
  bm25Statement,
  ensureTermStats,
  queryTermCounts,
  refreshTermStats,
  weighQueryTerms,
  weightedQueryTerms,
} from "../packages/core/src/rank/lexical-search.ts";
import { extractSkills } from "../packages/core/src/skills/extract-skills.ts";
import { jobSkillText, refreshJobSkills } from "../packages/core/src/skills/job-skills.ts";
import { ScaledJobs } from "./scale.ts";
import {
  codeVersion,
  conditions,
  cpuSeconds,
  defaultConfig,
  embedAllCached,
  ingestRecorded,
  mb,
  peakRss,
  percentile,
  printTable,
  resetPeakRss,
  timed,
  withServerDatabase,
} from "./shared.ts";

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZES = (arg("sizes") ?? "1000,10000,100000").split(",").map(Number);
const RUNS = Number(arg("runs") ?? 20);
const ONLY = arg("only");
/** Seconds of repeated calls per measure at most; fewer runs when each is slow. */
const BUDGET_S = 60;
const cvFile = new URL(
  arg("cv") ? `file://${arg("cv")}` : "../eval/personas/developer.md",
  import.meta.url,
);

const config = defaultConfig();
const cvText = readFileSync(cvFile, "utf8");
console.log(`AURA rank bench — ${conditions()}\n${codeVersion()}`);
console.log(
  `profile: ${cvFile.pathname.split("/").slice(-3).join("/")} (${cvText.split(/\s+/).length} words), default preferences; ` +
    `rank config: candidates ${config.rank.candidates}, top 10; ${RUNS} runs per measure (at most ${BUDGET_S} s)`,
);

const embedder = await openEmbedder(config.embed, { inThread: true });
const model = embedder.modelId;
const dim = embedder.dimension;

async function repeat(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if ((performance.now() - started) / 1000 > BUDGET_S && times.length >= 3) break;
  }
  return times;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const stat = (times: number[]) =>
  [ms(percentile(times, 50)), ms(percentile(times, 95)), times.length] as const;

async function dropPgvectorIndexes(handle: DatabaseHandle) {
  const rows = resultRows<{ indexname: string }>(
    await handle.db.execute(
      sql`SELECT indexname FROM pg_indexes WHERE indexname LIKE 'job_embeddings_hnsw_%'`,
    ),
  );
  for (const { indexname } of rows) await handle.db.execute(sql.raw(`DROP INDEX ${indexname}`));
}

/** Plan lines without the detail (buffers, conditions): nodes with estimates and actuals. */
function condense(lines: string[]): string[] {
  return lines
    .filter((line) => /->|^\S|Execution Time|Order By|Sort Key/.test(line))
    .map((line) =>
      line
        .replace(/'\[[^\]]*\]'/g, "'[…]'")
        .replace(/\s+\(cost=[\d.]+\.\./, " (cost=")
        .replace(/width=\d+\) /, ") "),
    );
}

async function explain(handle: DatabaseHandle, statement: SQL, settings: SQL[] = []) {
  return handle.db.transaction(async (tx) => {
    for (const setting of settings) await tx.execute(setting);
    const result = await tx.execute(sql`EXPLAIN (ANALYZE, COSTS ON) ${statement}`);
    return condense(resultRows<{ "QUERY PLAN": string }>(result).map((row) => row["QUERY PLAN"]));
  });
}

/** EXPLAIN ANALYZE of the statement pgvector search runs, as it runs it. */
function explainVectorQuery(handle: DatabaseHandle, query: Float32Array, k: number) {
  const { settings, statement } = pgvectorStatement(model, dim, query, k);
  return explain(handle, statement, settings);
}

/** EXPLAIN ANALYZE of bm25Search's statement. */
function explainBm25(
  handle: DatabaseHandle,
  terms: { term: string; weight: number }[],
  limit: number,
) {
  return explain(handle, bm25Statement(terms, limit));
}

interface Target {
  label: string;
  handle: DatabaseHandle;
  cacheDir: string;
}

async function benchTarget({ label, handle, cacheDir }: Target) {
  console.log(`\n=== ${label} (${handle.kind}) ===`);
  await migrateDatabase(handle);
  const ingest = await timed(() => ingestRecorded(handle.db, config));
  const vectors = await embedAllCached(handle.db, model, dim, () => openEmbedder(config.embed));
  console.log(
    `real jobs: ${ingest.value.totals.new} from the offline ingest (${ingest.s.toFixed(1)} s); vectors: ` +
      `${vectors.fromCache} from the bench cache, ${vectors.embedded} embedded now (${vectors.seconds.toFixed(1)} s)`,
  );
  const scaled = await ScaledJobs.prepare(handle.db, model, dim);
  const profile: Profile = await saveProfile(handle.db, LOCAL_USER_ID, {
    cv: { text: cvText, fileName: "developer.md" },
  });
  const roles = profile.preferences.roles;
  const queryText = [roles.join(". "), profile.cvText].filter(Boolean).join("\n\n");
  const lexicalText = [queryText, profile.preferences.includeSkills.join(", ")].join("\n");
  const inProcess = label !== "PGlite";

  const summary: (string | number)[][] = [
    [
      "jobs",
      inProcess ? "rank p50 ms (CLI: index from disk)" : "rank p50 ms",
      "p95",
      "runs",
      ...(inProcess ? ["API p50 (index reused)", "p95", "runs"] : []),
      "first call ms",
      "grow s (jobs + vectors)",
      inProcess ? "in-process index build+save s" : "pgvector HNSW build s",
      "term stats rebuild s",
    ],
  ];

  for (const size of SIZES) {
    console.log(`\n--- ${label}: ${size.toLocaleString("en")} live jobs — ${conditions()}`);
    if (!inProcess) await dropPgvectorIndexes(handle);
    const grown = await timed(() =>
      scaled.grow(size, (done, total) => {
        if (total >= 20_000) process.stdout.write(`\r  growing: ${done}/${total} copies `);
      }),
    );
    if (grown.value.jobs + grown.value.vectors > 5) process.stdout.write("\n");
    console.log(
      `grow to ${scaled.live} (${scaled.realLive} real + ${scaled.copies} copies): ${grown.s.toFixed(1)} s ` +
        `(jobs + links ${grown.value.jobs.toFixed(1)} s, vectors ${grown.value.vectors.toFixed(1)} s)`,
    );
    if (inProcess) {
      const analyzed = await timed(() => handle.db.execute(sql`ANALYZE`));
      console.log(`ANALYZE: ${analyzed.s.toFixed(1)} s`);
    }

    resetPeakRss();
    const rssBefore = process.memoryUsage().rss;
    const index = await timed(() => ensureVectorIndex(handle.db, model, dim, { cacheDir }));
    const peak = peakRss();
    console.log(
      `ensureVectorIndex (${index.value}${inProcess ? ": load vectors, build, save to cacheDir" : ": CREATE INDEX … USING hnsw"}): ` +
        `${index.s.toFixed(1)} s wall, ${index.cpu.toFixed(1)} s CPU` +
        (inProcess && peak !== null
          ? `; RSS ${mb(rssBefore)} before, peak ${mb(peak)} during (+${mb(peak - rssBefore)})`
          : ""),
    );
    if (!inProcess) {
      const [mwm] = resultRows<{ maintenance_work_mem: string }>(
        await handle.db.execute(sql`SHOW maintenance_work_mem`),
      );
      console.log(`  (maintenance_work_mem ${mwm?.maintenance_work_mem})`);
    }
    const terms = await timed(() => refreshTermStats(handle.db));
    console.log(
      `refreshTermStats (rebuild over ${terms.value.docCount} jobs): ${terms.s.toFixed(1)} s`,
    );
    const skills = await timed(() => refreshJobSkills(handle.db));
    console.log(`refreshJobSkills (${skills.value.updated} jobs read): ${skills.s.toFixed(1)} s`);
    resetPeakRss();
    const rssBeforeLexical = process.memoryUsage().rss;
    const lexicalBuild = await timed(() => saveLexicalIndex(handle.db, cacheDir));
    const lexicalPeak = peakRss();
    console.log(
      `saveLexicalIndex (BM25 postings of ${lexicalBuild.value?.docCount} jobs, built and saved): ` +
        `${lexicalBuild.s.toFixed(1)} s` +
        (lexicalPeak !== null
          ? `; RSS peak +${mb(lexicalPeak - rssBeforeLexical)} while building`
          : ""),
    );

    const rankOptions = { config: config.rank, top: 10, cacheDir };
    const first = await timed(() => rankJobs(handle.db, embedder, profile, rankOptions));
    console.log(
      `first rankJobs: ${(first.s * 1000).toFixed(0)} ms (${first.value.candidates} candidates, ` +
        `${first.value.vectorSearch} vectors; top: ` +
        `${first.value.jobs
          .slice(0, 3)
          .map((r) => `"${r.job.title}"`)
          .join(", ")})`,
    );
    const cpu0 = cpuSeconds();
    const totals = await repeat(() => rankJobs(handle.db, embedder, profile, rankOptions));
    const cpuPerCall = ((cpuSeconds() - cpu0) * 1000) / totals.length;

    // The API's way: one vector search opened (and held) for the process.
    let api: number[] = [];
    let held: VectorSearch | null = null;
    if (inProcess) {
      if (globalThis.gc) globalThis.gc();
      const rss0 = process.memoryUsage().rss;
      held = await openVectorSearch(handle.db, model, dim, { cacheDir });
      const vectorSearch = held;
      // Ten times the runs: each call is fast, and a p95 wants more than 20 of them.
      api = await repeat(
        () => rankJobs(handle.db, embedder, profile, { ...rankOptions, vectorSearch }),
        RUNS * 10,
      );
      if (globalThis.gc) globalThis.gc();
      const m = process.memoryUsage();
      console.log(
        `memory with the in-process index open (loaded from cacheDir, held): RSS ${mb(m.rss)} ` +
          `(+${mb(m.rss - rss0)} over before opening); JS heap ${mb(m.heapUsed)}, array buffers ${mb(m.arrayBuffers)}`,
      );
    }

    // The pieces, each alone with the same inputs as rankJobs gives them.
    const query = (await getCachedCvVector(
      handle.db,
      LOCAL_USER_ID,
      model,
      queryText,
    )) as Float32Array;
    const termList = await weightedQueryTerms(handle.db, lexicalText, roles);
    const lexical = await bm25Search(handle.db, termList, config.rank.candidates);
    const openSearch = () => openVectorSearch(handle.db, model, dim, { cacheDir });
    const search = held ?? (await openSearch());
    const semantic = await search.search(query, config.rank.candidates);
    const ids = [...new Set([...lexical.map((h) => h.jobId), ...semantic.map((h) => h.jobId)])];
    const pieces: [string, number[]][] = [
      ["ensureTermStats (newest-id check)", await repeat(() => ensureTermStats(handle.db))],
      [
        `weightedQueryTerms (${termList.length} terms; df from term_stats: the SQL path)`,
        await repeat(() => weightedQueryTerms(handle.db, lexicalText, roles)),
      ],
      [
        "query terms weighed by the held BM25 index (the CV's lexemes cached)",
        await repeat(async () => {
          const index = lexicalBuild.value;
          if (!index) return;
          weighQueryTerms(
            await queryTermCounts(handle.db, lexicalText, roles),
            (term) => index.documentFrequency(term),
            index.docCount,
          );
        }),
      ],
      [
        `bm25Search in SQL (${lexical.length} hits; not used while the index is current)`,
        await repeat(() => bm25Search(handle.db, termList, config.rank.candidates)),
      ],
      [
        "in-process BM25 index: search",
        await repeat(async () => lexicalBuild.value?.search(termList, config.rank.candidates)),
      ],
      [
        "in-process BM25 index: load from disk (a CLI call's first use)",
        await repeat(async () => loadLexicalIndex(cacheDir), Math.min(RUNS, 5)),
      ],
      [
        inProcess ? "openVectorSearch (fingerprint + load from disk)" : "openVectorSearch (checks)",
        await repeat(openSearch, inProcess ? Math.min(RUNS, 10) : RUNS),
      ],
      [
        `vector search k=${config.rank.candidates}`,
        await repeat(() => search.search(query, config.rank.candidates)),
      ],
      [
        "getCachedCvVector",
        await repeat(() => getCachedCvVector(handle.db, LOCAL_USER_ID, model, queryText)),
      ],
      [
        `getJobs (${ids.length} candidates, whole rows; ranking reads fewer columns)`,
        await repeat(() => getJobs(handle.db, ids)),
      ],
    ];
    const unembedded = await repeat(() => countUnembeddedJobs(handle.db, model));
    // The JS scoring's main cost: the skill vocabulary over every candidate's text.
    const candidates = await getJobs(handle.db, ids);
    const texts = candidates.map(jobSkillText);
    pieces.push([
      `extractSkills over the ${texts.length} candidates' texts (saved by stored skills)`,
      await repeat(async () => {
        for (const text of texts) extractSkills(text);
      }),
    ]);
    const sumP50 = pieces.reduce((sum, [, t]) => sum + percentile(t, 50), 0);
    console.log(
      `rankJobs ×${totals.length}: p50 ${ms(percentile(totals, 50))} ms, p95 ${ms(percentile(totals, 95))} ms, ` +
        `CPU ${cpuPerCall.toFixed(0)} ms per call (this process; PGlite runs in it, a server does not)`,
    );
    printTable([
      ["piece", "p50 ms", "p95 ms", "runs"],
      ...pieces.map(([name, t]) => [name, ...stat(t)]),
      ["the rest (p50 total − Σ p50 above)", ms(percentile(totals, 50) - sumP50), "", ""],
      ["rankJobs total", ...stat(totals)],
      ["+ the CLI's countUnembeddedJobs after rankJobs", ...stat(unembedded)],
    ]);
    if (!inProcess) {
      console.log(
        "EXPLAIN ANALYZE of the pgvector query (vector-search.ts), as the app leaves PGlite:",
      );
      for (const line of await explainVectorQuery(handle, query, config.rank.candidates)) {
        console.log(`  | ${line}`);
      }
    }
    console.log("EXPLAIN ANALYZE of bm25Search's statement:");
    for (const line of await explainBm25(handle, termList, config.rank.candidates)) {
      console.log(`  | ${line}`);
    }
    held = null;

    summary.push([
      size.toLocaleString("en"),
      ...stat(totals),
      ...(inProcess ? stat(api) : []),
      ms(first.s * 1000),
      grown.s.toFixed(1),
      index.s.toFixed(1),
      terms.s.toFixed(1),
    ]);
  }
  console.log(`\n${label} summary — ${conditions()}`);
  printTable(summary);
}

try {
  // The server first: its resident-memory figures are then not mixed with PGlite's WASM heap.
  if (ONLY !== "pglite") {
    const skipped = await withServerDatabase("aura_bench", async (url) => {
      const handle = await openDatabase({ url });
      const dir = mkdtempSync(join(tmpdir(), "aura-bench-rank-"));
      try {
        const [version] = resultRows<{ version: string }>(
          await handle.db.execute(sql`SELECT version()`),
        );
        console.log(`\nserver: ${version?.version.split(",")[0]}`);
        await benchTarget({ label: "PostgreSQL", handle, cacheDir: dir });
      } finally {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
    if (skipped) {
      console.log(`\nPostgreSQL: skipped, no server (${skipped}); set AURA_BENCH_DATABASE_URL`);
    }
  }
  if (ONLY !== "postgres") {
    const dir = mkdtempSync(join(tmpdir(), "aura-bench-rank-"));
    const handle = await openDatabase({ dataDir: join(dir, "db") });
    try {
      await benchTarget({ label: "PGlite", handle, cacheDir: dir });
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await embedder.close();
}
