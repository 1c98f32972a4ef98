// API throughput: `aura serve` in its own process(es), autocannon in another, 32 connections,
// signed in with a session cookie (as the web app is).
//
// Per database: the real postings of an offline ingest, embedded (vectors cached across runs,
// see shared.ts), a user signed up with a CV and an open batch; then
//   GET  /api/batches/current   (a read: session check, batch, its jobs and ratings)
//   POST /api/ratings           (a write: session check, validation, upsert)
// for --duration seconds each (default 10). PGlite is one process (the embedded database
// belongs to it); the server runs with --workers (default 2, one per core).
// Writes are rate limited per user in the app; the servers here run with the limit raised
// (AURA_WRITE_LIMIT_PER_MINUTE) so the figure is the server's, not the limit's.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { importPostings, migrateDatabase, openDatabase, openEmbedder } from "@aura/core";
import {
  dataScienceCv,
  rankTestPostingsJsonl,
} from "../packages/core/src/rank/rank-test-postings.ts";
import {
  codeVersion,
  conditions,
  defaultConfig,
  embedAllCached,
  ingestRecorded,
  printTable,
  signUpCookie,
  withServerDatabase,
} from "./shared.ts";

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const DURATION = Number(arg("duration") ?? 10);
const CONNECTIONS = Number(arg("connections") ?? 32);
const WORKERS = Number(arg("workers") ?? 2);
const ONLY = arg("only");
const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "packages/cli/bin/aura.js");
const autocannonBin = join(root, "node_modules/autocannon/autocannon.js");
const config = defaultConfig();

console.log(`AURA API bench — ${conditions()}\n${codeVersion()}`);
console.log(
  `${CONNECTIONS} connections, ${DURATION} s per endpoint, autocannon in a second process`,
);

/** Fills a database: real postings embedded, plus the ranking test postings. */
async function prepare(target: { dataDir: string } | { url: string }) {
  const handle = await openDatabase(target);
  try {
    await migrateDatabase(handle);
    await ingestRecorded(handle.db, config);
    await importPostings(handle.db, { content: rankTestPostingsJsonl, fileName: "jobs.jsonl" });
    const probe = await openEmbedder(config.embed, { inThread: true });
    await probe.close();
    await embedAllCached(handle.db, probe.modelId, probe.dimension, () =>
      openEmbedder(config.embed),
    );
  } finally {
    await handle.close();
  }
}

async function startServe(env: Record<string, string>, port: number, workers: number) {
  const child = spawn(
    "node",
    [bin, "serve", "--port", String(port), ...(workers > 1 ? ["--workers", String(workers)] : [])],
    {
      cwd: mkdtempSync(join(tmpdir(), "aura-bench-api-cwd-")),
      env: { ...process.env, ...env, AURA_WRITE_LIMIT_PER_MINUTE: "100000000" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const started = Date.now();
  while (!output.includes("AURA API on")) {
    if (child.exitCode !== null) throw new Error(`aura serve exited: ${output}`);
    if (Date.now() - started > 60_000) throw new Error(`aura serve did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

async function signedInUser(base: string) {
  const cookie = await signUpCookie(`${base}/auth/sign-up/email`, {
    name: "Bench",
    email: `bench-${Date.now()}@example.com`,
    password: "bench password",
  });
  const form = new FormData();
  form.set("file", new File([dataScienceCv], "cv.txt"));
  const cv = await fetch(`${base}/cv`, { method: "PUT", headers: { cookie }, body: form });
  if (cv.status !== 200) throw new Error(`cv: ${cv.status} ${await cv.text()}`);
  const batch = await fetch(`${base}/batches`, { method: "POST", headers: { cookie } });
  if (batch.status !== 201) throw new Error(`batch: ${batch.status} ${await batch.text()}`);
  const body = (await batch.json()) as { jobs: { job: { id: number } }[] };
  return { cookie, jobId: body.jobs[0]?.job.id ?? 1 };
}

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

function cannon(url: string, cookie: string, method = "GET", body?: string): CannonResult {
  const args = [
    autocannonBin,
    "-c",
    String(CONNECTIONS),
    "-d",
    String(DURATION),
    "-j",
    "-H",
    `cookie=${cookie}`,
  ];
  if (body) args.push("-m", method, "-H", "content-type=application/json", "-b", body);
  args.push(url);
  const run = spawnSync("node", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`autocannon failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as CannonResult;
}

const table: (string | number)[][] = [
  ["database", "processes", "endpoint", "req/s", "p50 ms", "p99 ms", "non-2xx", "errors"],
];

async function measure(
  label: string,
  processes: number,
  env: Record<string, string>,
  port: number,
) {
  let child: ChildProcess | null = null;
  try {
    child = await startServe(env, port, processes);
    const base = `http://127.0.0.1:${port}/api`;
    const { cookie, jobId } = await signedInUser(base);
    // Warm-up: connections, JIT, caches.
    cannon(`${base}/batches/current`, cookie).requests;
    for (const [name, run] of [
      ["GET /api/batches/current", () => cannon(`${base}/batches/current`, cookie)],
      [
        "POST /api/ratings",
        () =>
          cannon(`${base}/ratings`, cookie, "POST", JSON.stringify({ jobId, stars: 4, fit: 7 })),
      ],
    ] as const) {
      const r = run();
      table.push([
        label,
        processes,
        name,
        r.requests.average.toFixed(0),
        r.latency.p50.toFixed(1),
        r.latency.p99.toFixed(1),
        r.non2xx,
        r.errors + r.timeouts,
      ]);
      console.log(
        `  ${label} ${name}: ${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms — ${conditions()}`,
      );
    }
  } finally {
    child?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
  }
}

if (ONLY !== "postgres") {
  const dir = mkdtempSync(join(tmpdir(), "aura-bench-api-"));
  try {
    await prepare({ dataDir: dir });
    await measure("PGlite", 1, { AURA_DATA_DIR: dir }, 3971);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (ONLY !== "pglite") {
  const skipped = await withServerDatabase("aura_bench_api", async (url) => {
    await prepare({ url });
    await measure("PostgreSQL", 1, { DATABASE_URL: url }, 3972);
    if (WORKERS > 1) await measure("PostgreSQL", WORKERS, { DATABASE_URL: url }, 3973);
  });
  if (skipped) console.log(`PostgreSQL: skipped (${skipped})`);
}

console.log();
printTable(table);
console.log(`\n  After: ${conditions()}`);
