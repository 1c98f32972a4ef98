// Helpers shared by the benchmarks: conditions, timing, real job texts and vectors, a server.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import {
  type AuraConfig,
  type Database,
  type Embedder,
  embedJobs,
  loadConfig,
  runIngest,
} from "@aura/core";
import { isNull } from "drizzle-orm";
import pg from "pg";
import { migrateDatabase, openDatabase } from "../packages/core/src/db/client.ts";
import { jobEmbeddings, jobs } from "../packages/core/src/db/schema.ts";
import { jobTextHash } from "../packages/core/src/embed/job-text.ts";
import { createUseLiteEmbedder } from "../packages/core/src/embed/use-lite.ts";
import { seededRandom } from "../packages/core/src/learn/random.ts";

/** The default config (no config file, no environment): what a fresh install runs. */
export function defaultConfig(): AuraConfig {
  return loadConfig({ cwd: tmpdir(), env: {} }).config;
}

/** The code measured: commit, and how many files under packages/ differ from it. */
export function codeVersion(): string {
  try {
    const run = (args: string[]) => execFileSync("git", args, { encoding: "utf8" });
    const head = run(["rev-parse", "--short", "HEAD"]).trim();
    // Not trimmed: each porcelain line starts with two status columns, the first often a space.
    const changed = run(["status", "--porcelain", "--", "packages"]).split("\n").filter(Boolean);
    return changed.length > 0
      ? `commit ${head} + ${changed.length} uncommitted file(s) under packages/ (${changed.map((l) => l.slice(3)).join(", ")})`
      : `commit ${head}`;
  } catch {
    return "commit unknown";
  }
}

/** One line on the machine's state: other people's work moves every figure. */
export function conditions(): string {
  const [one, five, fifteen] = loadavg().map((x) => x.toFixed(2));
  return `${cpus().length} cores (${cpus()[0]?.model.trim()}), load average ${one} / ${five} / ${fifteen} (1/5/15 min), Node ${process.version}`;
}

/** CPU seconds this process used (every thread, user + system): less sensitive to load. */
export function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Times `fn`: wall seconds and this process's CPU seconds. */
export async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; s: number; cpu: number }> {
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  const value = await fn();
  return { value, s: (performance.now() - t0) / 1000, cpu: cpuSeconds() - cpu0 };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** Peak resident memory since the last `resetPeakRss` (Linux VmHWM), in bytes. */
export function peakRss(): number | null {
  try {
    const kb = readFileSync("/proc/self/status", "utf8").match(/VmHWM:\s+(\d+) kB/)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** Resets the kernel's peak-RSS mark (Linux ≥ 4.0); false where not allowed. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** Prints rows as a table with aligned columns (first row is the header). */
export function printTable(rows: (string | number)[][]): void {
  const text = rows.map((row) => row.map(String));
  const widths = text[0]?.map((_, c) => Math.max(...text.map((row) => row[c]?.length ?? 0))) ?? [];
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)));
  const [header, ...body] = text;
  if (!header) return;
  console.log(`  ${line(header).join("  ")}`);
  console.log(`  ${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of body) console.log(`  ${line(row).join("  ")}`);
}

/** The live jobs' embeddable fields, after `runIngest(db, config, { offline: true })`. */
export async function liveJobs(db: Database) {
  return db
    .select({
      id: jobs.id,
      title: jobs.title,
      tags: jobs.tags,
      description: jobs.description,
      contentHash: jobs.contentHash,
    })
    .from(jobs)
    .where(isNull(jobs.expiredAt))
    .orderBy(jobs.id);
}

/** Replays every recorded source (real postings) into `db`: ~1,355 jobs. */
export async function ingestRecorded(db: Database, config: AuraConfig, now = new Date()) {
  return runIngest(db, config, { offline: true, now });
}

/**
 * The "now" of the learn and apply benches: fixed, so which recorded postings are live does
 * not drift with the calendar.
 */
export const RECORDED_NOW = new Date("2026-11-25T12:00:00Z");

const cacheDir = join(tmpdir(), "aura-bench-cache");

function cacheFile(model: string): string {
  return join(cacheDir, `vectors-${model.replace(/[^a-zA-Z0-9.@-]+/g, "_")}.json`);
}

/**
 * Vectors for every live job of `db`: read from a cache in the temp folder (keyed by the
 * job text hash, so a changed recipe or text re-embeds), the rest embedded by the real
 * `embedJobs` with `open()`'s embedder and added to the cache. Only for benchmarks that
 * measure something other than embedding (rank, recall). AURA_BENCH_NO_CACHE=1 skips it.
 */
export async function embedAllCached(
  db: Database,
  model: string,
  dimension: number,
  open: () => Promise<Embedder & { close(): Promise<void> }>,
): Promise<{ fromCache: number; embedded: number; seconds: number }> {
  const useCache = process.env.AURA_BENCH_NO_CACHE !== "1";
  let cache: Record<string, string> = {};
  if (useCache) {
    try {
      cache = JSON.parse(readFileSync(cacheFile(model), "utf8"));
    } catch {
      cache = {};
    }
  }
  const rows = await liveJobs(db);
  const hits = rows.filter((row) => cache[jobTextHash(row.contentHash)]);
  for (let i = 0; i < hits.length; i += 200) {
    const values = hits.slice(i, i + 200).map((row) => {
      const hash = jobTextHash(row.contentHash);
      const bytes = Buffer.from(cache[hash] ?? "", "base64");
      const vector = new Float32Array(bytes.buffer, bytes.byteOffset, dimension);
      return { jobId: row.id, model, textHash: hash, embedding: Array.from(vector) };
    });
    await db.insert(jobEmbeddings).values(values);
  }
  let embedded = 0;
  let seconds = 0;
  if (hits.length < rows.length) {
    const embedder = await open();
    try {
      const summary = await embedJobs(db, embedder);
      embedded = summary.embedded;
      seconds = summary.durationMs / 1000;
    } finally {
      await embedder.close();
    }
    if (useCache) {
      const stored = await db
        .select({ textHash: jobEmbeddings.textHash, embedding: jobEmbeddings.embedding })
        .from(jobEmbeddings);
      for (const row of stored) {
        cache[row.textHash] = Buffer.from(Float32Array.from(row.embedding).buffer).toString(
          "base64",
        );
      }
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(cacheFile(model), JSON.stringify(cache));
    }
  }
  return { fromCache: hits.length, embedded, seconds };
}

/** A PostgreSQL server: AURA_BENCH_DATABASE_URL, or one started by scripts/start-test-postgres.sh. */
export function serverUrl(): { url: string; stop?: () => void; why?: string } | { why: string } {
  if (process.env.AURA_BENCH_DATABASE_URL) return { url: process.env.AURA_BENCH_DATABASE_URL };
  const started = spawnSync("scripts/start-test-postgres.sh", { encoding: "utf8" });
  if (started.status !== 0) return { why: started.stderr.trim() || "the script failed" };
  // The script names the stop command on stderr.
  const stop = started.stderr.match(/\(stop: (.*)\)/)?.[1];
  return {
    url: started.stdout.trim(),
    stop: stop
      ? () => execFileSync("sh", ["-c", `${stop} -m immediate`], { stdio: "ignore" })
      : undefined,
  };
}

/**
 * Runs `fn` with the URL of a fresh database on the PostgreSQL server (see `serverUrl`), dropped
 * afterwards. Returns why it was skipped when there is no server, else null.
 */
export async function withServerDatabase(
  prefix: string,
  fn: (url: string) => Promise<void>,
): Promise<string | null> {
  const server = serverUrl();
  if (!("url" in server)) return server.why;
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  try {
    await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    server.stop?.();
  }
  return null;
}

/** A deterministic PRNG (mulberry32): the one core uses. */
export const rng = seededRandom;

/** Mix weight of a second real vector, and noise per dimension, in `syntheticVector`. */
export const MIX = 0.25;
export const NOISE = 0.02;

/**
 * Synthetic copy number `k` of real vectors `base` (row-major, `count` × `dim`): copy `k` of
 * real job `k % count` is normalize(v + MIX·w + ε), w another real job's vector chosen at
 * random, ε ~ N(0, NOISE²) per dimension. Deterministic in `k`. Real vectors stay on the
 * encoder's manifold; exact copies would make HNSW meet thousands of ties.
 */
export function syntheticVector(base: Float32Array, count: number, dim: number, k: number) {
  const random = rng(k * 2654435761 + 1);
  const i = k % count;
  const j = Math.floor(random.next() * count);
  const out = new Float32Array(dim);
  let sum = 0;
  for (let d = 0; d < dim; d++) {
    const x = (base[i * dim + d] ?? 0) + MIX * (base[j * dim + d] ?? 0) + NOISE * random.normal();
    out[d] = x;
    sum += x * x;
  }
  const scale = 1 / Math.sqrt(sum);
  for (let d = 0; d < dim; d++) out[d] = (out[d] ?? 0) * scale;
  return out;
}

/**
 * An in-memory database holding the bundled real postings, each with its USE-lite vector
 * (from the cache when it has them), and that encoder: the world the learn and apply benches
 * measure in.
 */
export async function embeddedSample() {
  const config = defaultConfig();
  const handle = await openDatabase({ dataDir: "memory://" });
  await migrateDatabase(handle);
  await ingestRecorded(handle.db, config, RECORDED_NOW);
  const embedder = await createUseLiteEmbedder();
  await embedAllCached(handle.db, embedder.modelId, embedder.dimension, async () => ({
    ...embedder,
    close: async () => {},
  }));
  return { config, handle, embedder };
}

/** Signs a new person up by better-auth's e-mail sign-up at `url`: their session cookie. */
export async function signUpCookie(
  url: string,
  person: { name: string; email: string; password: string },
): Promise<string> {
  const up = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(person),
  });
  if (up.status !== 201) throw new Error(`sign-up: ${up.status} ${await up.text()}`);
  return up.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
