// npm run bench -- batch [--runs N] [--ratings N] [--picks] [--trace]: a person's hot paths
// over the bundled real postings, indexed as the pipeline leaves them (vector index, skills,
// the BM25 index in a data folder that every call is given, as the API gives its own), for a
// person who has rated N jobs (20 unless told) through batches and had their models trained:
// opening a batch (bandit, dqn, and a newcomer's ranker batch), ranking (the profile, then
// rankJobs, as `aura rank` and the API do) and `aura train`'s check when nothing is new. Per
// path: median and p90 wall ms, the median CPU ms of the process (the embedded database runs
// in it; less swayed by other work on the machine) and the SQL statements sent per call. Each
// batch is opened with a fixed seed and deleted afterwards, so every run starts from the same
// state; the picks column (a digest of every run's jobs and scores) tells whether two versions
// of the code choose alike (--picks prints the choices, --trace each path's statements).
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import { declineApplications } from "../packages/core/src/apply/applications.ts";
import { type Batch, lockBatch, openBatch } from "../packages/core/src/batch/batches.ts";
import { rateJob } from "../packages/core/src/batch/ratings.ts";
import type { RankConfig } from "../packages/core/src/config/config.ts";
import { batches } from "../packages/core/src/db/schema.ts";
import { seededRandom } from "../packages/core/src/learn/random.ts";
import { trainUser } from "../packages/core/src/learn/train.ts";
import { embedAndIndex } from "../packages/core/src/pipeline/embed-and-index.ts";
import { getProfile, saveProfile } from "../packages/core/src/profile/profile-store.ts";
import { rankJobs } from "../packages/core/src/rank/rank-jobs.ts";
import { dataScienceCv } from "../packages/core/src/rank/rank-test-postings.ts";
import {
  codeVersion,
  conditions,
  cpuSeconds,
  embeddedSample,
  percentile,
  printTable,
  RECORDED_NOW,
} from "./shared.ts";

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    runs: { type: "string", default: "9" },
    ratings: { type: "string", default: "20" },
    /** Print each run's picks (job@score/policy, * a stretch pick). */
    picks: { type: "boolean", default: false },
    /** Print each statement of the first measured run of every path (its first line). */
    trace: { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const ratingCount = Number(values.ratings);

// TensorFlow.js draws initial weights from Math.random: seeded, so that every run of the bench
// trains the same models and two versions of the code can be held to the same picks.
Math.random = seededRandom(7).next;

const { config, handle, embedder } = await embeddedSample();
const db = handle.db;
const cacheDir = mkdtempSync(join(tmpdir(), "aura-batch-bench-"));
await embedAndIndex(db, embedder, { cacheDir });

// Every SQL statement the database is sent, transactions' included.
let statements = 0;
let tracing = false;
const count = (text: unknown) => {
  statements++;
  if (tracing) console.log(`    ${String(text).replace(/\s+/g, " ").slice(0, 150)}`);
};
const client = (db as unknown as { $client: PGlite }).$client;
const query = client.query.bind(client);
client.query = ((...args: Parameters<PGlite["query"]>) => {
  count(args[0]);
  return query(...args);
}) as PGlite["query"];
const transaction = client.transaction.bind(client);
client.transaction = ((fn: Parameters<PGlite["transaction"]>[0]) =>
  transaction((tx) => {
    const txQuery = tx.query.bind(tx);
    tx.query = ((...args: Parameters<typeof tx.query>) => {
      count(args[0]);
      return txQuery(...args);
    }) as typeof tx.query;
    return fn(tx);
  })) as PGlite["transaction"];

/** Stars that do not depend on the code measured: a fixed hash of the job's id. */
function starsOf(jobId: number): number {
  return ((Math.imul(jobId, 2654435761) >>> 0) % 5) + 1;
}

const person = "bench-person";
const newcomer = "bench-newcomer";
for (const userId of [person, newcomer]) {
  await saveProfile(db, userId, {
    cv: { text: dataScienceCv, fileName: "cv.txt" },
    preferences: { batchSize: 5 },
  });
}
for (let cycle = 1; cycle * 5 <= ratingCount; cycle++) {
  const { batch } = await openBatch(db, embedder, person, {
    config: config.rank,
    cacheDir,
    now: RECORDED_NOW,
    seed: cycle,
  });
  for (const { job } of batch.jobs) {
    await rateJob(db, person, { jobId: job.id, stars: starsOf(job.id) });
  }
  await lockBatch(db, person, batch.id);
  await declineApplications(db, person, batch.id);
}
const trained = await trainUser(db, embedder, person, config.rank);

console.log(`batch bench: ${conditions()}`);
console.log(`code: ${codeVersion()}`);
console.log(
  `a person with ${ratingCount} ratings over ${ratingCount / 5} batches, models trained: ${trained.trained.map((m) => m.kind).join(", ") || "none"}; ${runs} runs per path after one warm-up`,
);

async function measure(
  name: string,
  fn: (run: number) => Promise<string>,
): Promise<(string | number)[]> {
  await fn(-1);
  const digest = createHash("sha256");
  const ms: number[] = [];
  const cpu: number[] = [];
  const counts: number[] = [];
  for (let run = 0; run < runs; run++) {
    statements = 0;
    tracing = values.trace === true && run === 0;
    if (tracing) console.log(`  ${name}:`);
    const cpu0 = cpuSeconds();
    const started = performance.now();
    const picks = await fn(run);
    tracing = false;
    ms.push(performance.now() - started);
    cpu.push((cpuSeconds() - cpu0) * 1000);
    counts.push(statements);
    digest.update(`${run}:${picks}\n`);
    if (values.picks) console.log(`  ${name} #${run}: ${picks}`);
  }
  const sorted = [...counts].sort((a, b) => a - b);
  return [
    name,
    percentile(ms, 50).toFixed(0),
    percentile(ms, 90).toFixed(0),
    percentile(cpu, 50).toFixed(0),
    percentile(counts, 50),
    `${sorted[0]}–${sorted.at(-1)}`,
    digest.digest("hex").slice(0, 8),
  ];
}

/** Opens a batch with a fixed seed, then deletes it so the next run starts alike. */
function openAndDelete(userId: string, rank: RankConfig) {
  return async (run: number) => {
    const { batch, created } = await openBatch(db, embedder, userId, {
      config: rank,
      cacheDir,
      now: RECORDED_NOW,
      seed: 1000 + run,
    });
    const picks = batchPicks(batch);
    if (created) {
      const counted = statements;
      const wasTracing = tracing;
      tracing = false;
      await db.delete(batches).where(eq(batches.id, batch.id));
      statements = counted;
      tracing = wasTracing;
    }
    return picks;
  };
}

function batchPicks(batch: Batch): string {
  return batch.jobs
    .map((j) => `${j.job.id}@${j.score}/${j.why?.pick?.policy}${j.why?.pick?.stretch ? "*" : ""}`)
    .join(",");
}

const rows: (string | number)[][] = [
  ["path", "median ms", "p90 ms", "median CPU ms", "SQL / call", "range", "picks"],
];
rows.push(await measure("openBatch, bandit", openAndDelete(person, config.rank)));
rows.push(
  await measure("openBatch, dqn", openAndDelete(person, { ...config.rank, policy: "dqn" })),
);
rows.push(await measure("openBatch, newcomer (ranker)", openAndDelete(newcomer, config.rank)));
rows.push(
  await measure("rank (profile + rankJobs, top 20)", async () => {
    const profile = await getProfile(db, person);
    if (!profile) throw new Error("no profile");
    const ranked = await rankJobs(db, embedder, profile, {
      config: config.rank,
      top: 20,
      cacheDir,
      now: RECORDED_NOW,
    });
    return ranked.jobs.map((r) => `${r.job.id}@${r.score}`).join(",");
  }),
);
rows.push(
  await measure("trainUser, nothing new", async () => {
    const result = await trainUser(db, embedder, person, config.rank);
    return `${result.trained.length}/${result.skipped.map((s) => s.reason).join(";")}`;
  }),
);
printTable(rows);
await handle.close();
rmSync(cacheDir, { recursive: true, force: true });
