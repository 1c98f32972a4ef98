// npm run bench -- schedule [--only prepare,train,api,memory] [--people N] [--jobs N] …: the
// agent's scheduled work at scale (issue 16's targets), on a PostgreSQL server with real
// `aura worker` processes taking the tasks from the queue, as an operator runs them.
//
// The world (once per run): the recorded real postings of an offline ingest, embedded (vectors
// cached across runs, see shared.ts), grown to --jobs live jobs (20,000) with ScaledJobs
// (bench/scale.ts), indexed as the gathering leaves them (embedAndIndex into the workers' data
// folder: the in-process vector index, since the server has no pgvector, skills, BM25 terms and
// the in-process BM25 index). Then eight template people, each a real CV (eval/personas and the
// bundled test CVs) with a role, made by the real path: seven batches of five opened, rated
// (stars from a hash of the job id), locked and answered "no applications", then their models
// trained (taste bandit, preference LSTM, embedding adapter, batch DQN). Every bench person is
// a copy of one template's rows (profile with its cached CV vector, batches, batch jobs,
// ratings; with or without the trained models), made in SQL: building 1,000 histories through
// the real path would take hours, and each copy's run does exactly the work a real person with
// that history would cost.
//
// prepare: --people (1,000) people due at once with no new ratings. --state returning (the
//   default): their newest batch was locked 30 days ago (frequency 7 days) and their models are
//   trained on every rating, so training is skipped and the bandit prepares the batch; --state
//   first: a profile (a unique CV, not yet embedded) and no batch. The scheduler's sweep queues
//   them all; two `aura worker --concurrency 1` processes (--workers) take them. Wall time from
//   the sweep until the last person-run finished, per-person p50/p95/max of task_runs'
//   durationMs, batches made, failures, each worker's peak RSS (VmHWM) and CPU seconds, the CPU
//   a person cost the workers and PostgreSQL, and the machine's CPU use. Also one such person's
//   run timed piece by piece in this process.
// train: --train-people (200) people with new ratings (35 over 7 locked batches, no model yet:
//   each model trains on all of them, as after any new rating); train-person queued for each;
//   people per minute with two workers, per-person durations, peak memory per worker, and the
//   median training time of each model (learned_models.training_ms).
// api: `aura serve` (its schedules off, schedule.workers: 0: it takes no tasks) and four
//   signed-in people with a history and an open batch; the reads GET /api/batches/current,
//   /api/jobs?limit=20, /api/metrics and /api/applications. First the CPU each costs `aura
//   serve` and PostgreSQL (30 requests one at a time). Then, with nothing else running and again
//   while two workers prepare the batches of --api-people (300) due people, --duration seconds
//   (30) of each: one request at a time, the reads in turn (latency without queueing behind
//   each other); all four at --rate requests/s each (5) arriving at random (Poisson, as
//   independent people's requests do); and at the same rate by autocannon (--connections each,
//   in their own processes; 0: as fast as they answer), whose rate releases each second's
//   requests together: bursts of twenty. --reads a,b,c: other paths.
// memory: `aura start` (embedded database, a temp data folder with the sample embedded and one
//   person with a CV and no batch, so due at once): AURA_SCHEDULE=off and on with a sweep
//   pattern that does not fire, twice each in turn; off while a person signs up, uploads the
//   same CV and opens their first batch through the API; on with the sweep every minute until
//   it ran that person. RSS 10 s after startup and one request, then a minute later (medians
//   of a sample a second), or right after the first batch and 40 s later. What the scheduler
//   adds: idle, on − off; after a batch, the sweep's − the API's (the same work either way). `aura serve` stands
//   in when the web app's build is not current (a build would write into apps/web while others
//   work there), or with --memory-command serve.
// --cpu-prof DIR: the workers (and `aura serve`, in DIR/serve) write V8 CPU profiles there.
//
// Every child process and the server database are stopped at the end, also on error or Ctrl+C.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  type AuraConfig,
  type ClosableEmbedder,
  createScheduler,
  type Database,
  declineApplications,
  embedAndIndex,
  loadConfig,
  lockBatch,
  migrateDatabase,
  openBatch,
  openDatabase,
  openEmbedder,
  openTaskQueue,
  rateJob,
  saveProfile,
  silentLogger,
  type TaskQueue,
} from "@aura/core";
import { sql } from "drizzle-orm";
import pg from "pg";
import { resultRows } from "../packages/core/src/db/client.ts";
import { batches } from "../packages/core/src/db/schema.ts";
import { openVectorSearch, vectorsFingerprint } from "../packages/core/src/embed/vector-search.ts";
import { trainUser } from "../packages/core/src/learn/train.ts";
import { dataScienceCv, salesCv } from "../packages/core/src/rank/rank-test-postings.ts";
import { personTaskKey } from "../packages/core/src/tasks/task-requests.ts";
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
  signUpCookie,
  timed,
  withServerDatabase,
} from "./shared.ts";

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    /** Sections to run, comma-separated: prepare, train, api, memory (default: all). */
    only: { type: "string", default: "prepare,train,api,memory" },
    people: { type: "string", default: "1000" },
    jobs: { type: "string", default: "20000" },
    "train-people": { type: "string", default: "200" },
    "api-people": { type: "string", default: "300" },
    /** prepare's people: "returning" (a locked batch 30 days old, models trained) or "first". */
    state: { type: "string", default: "returning" },
    workers: { type: "string", default: "2" },
    /** Seconds a section's workers get before the figures so far are reported. */
    timeout: { type: "string", default: "1800" },
    /** api: seconds of reads per phase, requests/s per endpoint (0: as fast as it answers). */
    duration: { type: "string", default: "30" },
    rate: { type: "string", default: "5" },
    connections: { type: "string", default: "4" },
    /** api: the paths read, comma-separated. */
    reads: {
      type: "string",
      default: "/api/batches/current,/api/jobs?limit=20,/api/metrics,/api/applications",
    },
    "memory-command": { type: "string", default: "auto" },
    /** A folder: the workers and serve write V8 CPU profiles there (node --cpu-prof). */
    "cpu-prof": { type: "string" },
  },
});
const sections = new Set(values.only.split(",").map((s) => s.trim()));
const PEOPLE = Number(values.people);
const JOBS = Number(values.jobs);
const TRAIN_PEOPLE = Number(values["train-people"]);
const API_PEOPLE = Number(values["api-people"]);
const STATE = values.state === "first" ? "first" : "returning";
const WORKERS = Number(values.workers);
const TIMEOUT_S = Number(values.timeout);
const DURATION = Number(values.duration);
const RATE = Number(values.rate);
const CONNECTIONS = Number(values.connections);

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "packages/cli/bin/aura.js");
const autocannonBin = join(root, "node_modules/autocannon/autocannon.js");
const persona = (name: string) => readFileSync(join(root, "eval/personas", `${name}.md`), "utf8");

/** The template people: a real CV each, and the role they look for. */
const TEMPLATES = [
  { cv: dataScienceCv, role: "Data Scientist" },
  { cv: salesCv, role: "Account Executive" },
  { cv: persona("developer"), role: "Software Engineer" },
  { cv: persona("marketing"), role: "Marketing Manager" },
  { cv: persona("design"), role: "Product Designer" },
  { cv: persona("finance"), role: "Financial Analyst" },
  { cv: persona("customer-service"), role: "Customer Support Specialist" },
  { cv: persona("operations"), role: "Operations Manager" },
];
const TEMPLATE_BATCHES = 7;

/** Figures of every section, printed together at the end with the targets beside them. */
const summary: (string | number)[][] = [["figure", "measured", "target"]];
const notes: string[] = [];

// ---------------------------------------------------------------------------------------------
// Processes: every child is tracked and ended on the way out, whatever happens.

const children = new Set<ChildProcess>();
const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function killAll() {
  for (const child of children) if (running(child)) child.kill("SIGKILL");
}
process.once("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

interface Spawned {
  child: ChildProcess;
  pid: number;
  output: () => string;
}

function spawnAura(
  args: string[],
  cwd: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Spawned {
  const child = spawn(process.execPath, [...nodeArgs, bin, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", SMTP_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  if (child.pid === undefined) throw new Error(`could not start aura ${args.join(" ")}`);
  return { child, pid: child.pid, output: () => output };
}

/** SIGTERM (the running task finishes), then SIGKILL after `graceMs`. */
async function stopChild(spawned: Spawned, graceMs = 35_000): Promise<void> {
  const { child } = spawned;
  if (!running(child)) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process now and its peak (VmRSS, VmHWM), in bytes; null once gone. */
function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1]);
    return { rss: kb("VmRSS") * 1024, hwm: kb("VmHWM") * 1024 };
  } catch {
    return null;
  }
}

/** CPU seconds a process used so far (user + system, every thread). */
function cpuOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of the line (11 and 12 after the command name), in
    // clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The machine's busy and total CPU time (jiffies), to tell how loaded it was over a span. */
function machineCpu(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const ticks = line.split(/\s+/).slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** The bench server's postmaster (the parent of a backend), when it runs on this machine. */
let postmaster: number | null = null;

async function findPostmaster(db: Database): Promise<void> {
  const [row] = resultRows<{ pid: number }>(await db.execute(sql`SELECT pg_backend_pid() AS pid`));
  try {
    const fields = readFileSync(`/proc/${row?.pid}/stat`, "utf8").split(") ")[1]?.split(" ");
    postmaster = Number(fields?.[1]) || null;
  } catch {
    postmaster = null; // Another machine's server: its CPU is not counted.
  }
}

/** CPU seconds used so far by each process of the bench's PostgreSQL server, by pid. */
function postgresCpu(): Map<number, number> {
  const used = new Map<number, number>();
  if (postmaster === null) return used;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]?.split(" ");
      if (Number(name) === postmaster || Number(fields?.[1]) === postmaster) {
        used.set(Number(name), cpuOf(Number(name)) ?? 0);
      }
    } catch {
      // The process ended meanwhile.
    }
  }
  return used;
}

/** CPU seconds PostgreSQL used since `from` (a backend that ended meanwhile is not counted). */
function postgresCpuSince(from: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of postgresCpu()) total += seconds - (from.get(pid) ?? 0);
  return total;
}

function busyPercent(from: { busy: number; total: number }): string {
  const to = machineCpu();
  const share = (to.busy - from.busy) / Math.max(1, to.total - from.total);
  return `${(share * 100).toFixed(0)}%`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// Workers: `aura worker --concurrency 1` processes on the bench database, sampled twice a second.

interface WorkerPool {
  workers: Spawned[];
  /** Highest VmRSS seen and the last VmHWM read, per worker. */
  peaks: { rss: number; hwm: number }[];
  cpuAtStart: number[];
  stop(): Promise<{ readyRss: number; peakRss: number; cpuSeconds: number }[]>;
}

async function startWorkers(
  db: Database,
  count: number,
  cwd: string,
  env: Record<string, string>,
): Promise<WorkerPool> {
  const workers: Spawned[] = [];
  const peaks: { rss: number; hwm: number }[] = [];
  const sample = () => {
    workers.forEach((worker, i) => {
      const memory = memoryOf(worker.pid);
      const peak = peaks[i];
      if (!memory || !peak) return;
      peak.rss = Math.max(peak.rss, memory.rss);
      peak.hwm = Math.max(peak.hwm, memory.hwm);
    });
  };
  const sampler = setInterval(sample, 500);
  // One after the other, each ready once it holds its worker lease (taken when it starts taking
  // tasks); their start is not measured.
  try {
    for (let i = 0; i < count; i++) {
      const worker = spawnAura(
        ["worker", "--concurrency", "1"],
        cwd,
        env,
        values["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", values["cpu-prof"]] : [],
      );
      workers.push(worker);
      peaks.push({ rss: 0, hwm: 0 });
      await until(
        "the worker takes tasks",
        async () => {
          if (!running(worker.child)) {
            throw new Error(`a worker exited: ${worker.output().slice(-2000)}`);
          }
          const [row] = resultRows<{ n: number }>(
            await db.execute(sql`
              SELECT count(*)::int AS n FROM task_leases
              WHERE name LIKE 'worker:%' AND expires_at > now()
                AND split_part(holder, ':', 2) = ${String(worker.pid)}`),
          );
          return (row?.n ?? 0) > 0;
        },
        120_000,
      );
    }
  } catch (error) {
    clearInterval(sampler);
    for (const worker of workers) await stopChild(worker, 1000);
    throw error;
  }
  const cpuAtStart = workers.map((w) => cpuOf(w.pid) ?? 0);
  const readyRss = workers.map((w) => memoryOf(w.pid)?.rss ?? 0);
  return {
    workers,
    peaks,
    cpuAtStart,
    async stop() {
      sample();
      const figures = workers.map((worker, i) => ({
        readyRss: readyRss[i] ?? 0,
        peakRss: Math.max(peaks[i]?.rss ?? 0, peaks[i]?.hwm ?? 0),
        cpuSeconds: (cpuOf(worker.pid) ?? 0) - (cpuAtStart[i] ?? 0),
      }));
      clearInterval(sampler);
      await Promise.all(workers.map((worker) => stopChild(worker)));
      return figures;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// People: templates made by the real path, copies of them made in SQL.

/** Stars that do not depend on the code measured: a fixed hash of the job and the person. */
function starsOf(jobId: number, person: number): number {
  return ((Math.imul(jobId + 7919 * person, 2654435761) >>> 0) % 5) + 1;
}

async function buildTemplates(
  db: Database,
  embedder: ClosableEmbedder,
  config: AuraConfig,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [t, template] of TEMPLATES.entries()) {
    const userId = `bench-template-${t}`;
    await saveProfile(db, userId, {
      cv: { text: template.cv, fileName: "cv.md" },
      preferences: { roles: [template.role], batchSize: 5, searchFrequencyDays: 7 },
    });
    for (let b = 0; b < TEMPLATE_BATCHES; b++) {
      const { batch } = await openBatch(db, embedder, userId, {
        config: config.rank,
        cacheDir: config.dataDir,
      });
      for (const { job } of batch.jobs) {
        await rateJob(db, userId, { jobId: job.id, stars: starsOf(job.id, t) });
      }
      await lockBatch(db, userId, batch.id);
      // Liked jobs wait for an application before the next batch: they apply to none.
      await declineApplications(db, userId, batch.id);
    }
    await trainUser(db, embedder, userId, config.rank);
    ids.push(userId);
  }
  return ids;
}

const textArray = (ids: readonly string[]) => `{${ids.join(",")}}`;

/**
 * Copies `template`'s profile (the CV and its cached vector), batches, their jobs and its
 * ratings to each of `ids` (users made where missing), every time `shiftDays` earlier; with
 * `models`, its trained models too. Ids are plain (letters, digits, dashes).
 */
async function cloneHistory(
  db: Database,
  template: string,
  ids: readonly string[],
  options: { models: boolean; shiftDays: number },
): Promise<void> {
  const list = textArray(ids);
  const shift = sql.raw(`interval '${Math.floor(options.shiftDays)} days'`);
  await db.execute(sql`
    INSERT INTO users (id, name) SELECT u, u FROM unnest(${list}::text[]) u
    ON CONFLICT (id) DO NOTHING`);
  await db.execute(sql`
    INSERT INTO profiles (user_id, cv_text, cv_file_name, preferences, cv_model, cv_text_hash,
      cv_embedding, created_at, updated_at)
    SELECT u, p.cv_text, p.cv_file_name, p.preferences, p.cv_model, p.cv_text_hash,
      p.cv_embedding, p.created_at - ${shift}, p.updated_at - ${shift}
    FROM unnest(${list}::text[]) u CROSS JOIN profiles p WHERE p.user_id = ${template}
    ON CONFLICT (user_id) DO UPDATE SET cv_text = excluded.cv_text,
      cv_file_name = excluded.cv_file_name, preferences = excluded.preferences,
      cv_model = excluded.cv_model, cv_text_hash = excluded.cv_text_hash,
      cv_embedding = excluded.cv_embedding`);
  await db.execute(sql`
    INSERT INTO batches (user_id, status, created_at, locked_at, no_applications_at)
    SELECT u, b.status, b.created_at - ${shift}, b.locked_at - ${shift},
      b.no_applications_at - ${shift}
    FROM unnest(${list}::text[]) u CROSS JOIN batches b WHERE b.user_id = ${template}
    ORDER BY u, b.id`);
  // Each copy's batch is the template's with the same (shifted) creation time.
  await db.execute(sql`
    INSERT INTO batch_jobs (batch_id, job_id, position, score, why)
    SELECT nb.id, bj.job_id, bj.position, bj.score, bj.why
    FROM batches tb JOIN batch_jobs bj ON bj.batch_id = tb.id
    JOIN batches nb ON nb.user_id = ANY(${list}::text[]) AND nb.created_at = tb.created_at - ${shift}
    WHERE tb.user_id = ${template}`);
  await db.execute(sql`
    INSERT INTO ratings (user_id, job_id, stars, fit, interest, prestige, location, comment,
      created_at, updated_at)
    SELECT u, r.job_id, r.stars, r.fit, r.interest, r.prestige, r.location, r.comment,
      r.created_at - ${shift}, r.updated_at - ${shift}
    FROM unnest(${list}::text[]) u CROSS JOIN ratings r WHERE r.user_id = ${template}`);
  if (options.models) {
    await db.execute(sql`
      INSERT INTO learned_models (user_id, kind, version, ratings, training_ms, metrics, params,
        trained_at)
      SELECT u, m.kind, m.version, m.ratings, m.training_ms, m.metrics, m.params,
        m.trained_at - ${shift}
      FROM unnest(${list}::text[]) u CROSS JOIN learned_models m WHERE m.user_id = ${template}`);
  }
}

/** `count` people named `prefix-<t>-<i>`, spread evenly over the templates. */
async function makePeople(
  db: Database,
  templates: readonly string[],
  prefix: string,
  count: number,
  options: { models: boolean; shiftDays: number },
): Promise<string[]> {
  const all: string[] = [];
  for (const [t, template] of templates.entries()) {
    const ids: string[] = [];
    for (let i = t; i < count; i += templates.length) ids.push(`${prefix}-${t}-${i}`);
    for (let from = 0; from < ids.length; from += 100) {
      await cloneHistory(db, template, ids.slice(from, from + 100), options);
    }
    all.push(...ids);
  }
  const [check] = resultRows<{ batches: number; jobs: number; ratings: number }>(
    await db.execute(sql`
      SELECT (SELECT count(*)::int FROM batches WHERE user_id LIKE ${`${prefix}-%`}) AS batches,
             (SELECT count(*)::int FROM batch_jobs bj JOIN batches b ON b.id = bj.batch_id
               WHERE b.user_id LIKE ${`${prefix}-%`}) AS jobs,
             (SELECT count(*)::int FROM ratings WHERE user_id LIKE ${`${prefix}-%`}) AS ratings`),
  );
  const expected = count * TEMPLATE_BATCHES;
  if (
    check?.batches !== expected ||
    check.jobs !== expected * 5 ||
    check.ratings !== expected * 5
  ) {
    throw new Error(`copies of the templates are incomplete: ${JSON.stringify(check)}`);
  }
  return all;
}

/** `count` newcomers: a profile with a CV of their own (never embedded) and a role, no batch. */
async function makeNewcomers(db: Database, prefix: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = i % TEMPLATES.length;
    const template = TEMPLATES[t];
    if (!template) continue;
    const userId = `${prefix}-${t}-${i}`;
    await saveProfile(db, userId, {
      // A line of its own, so every CV is a new text to embed, as every person's is.
      cv: { text: `${template.cv}\n\nApplicant reference ${userId}`, fileName: "cv.md" },
      preferences: { roles: [template.role], batchSize: 5, searchFrequencyDays: 7 },
    });
    ids.push(userId);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// A section's run: tasks queued, workers take them, figures from task_runs.

interface RunFigures {
  queued: number;
  finished: number;
  failed: number;
  wallS: number;
  timedOut: boolean;
  durations: number[];
  /** Between a task's end and the next start on the same worker, ms. */
  gaps: number[];
  workerFigures: { readyRss: number; peakRss: number; cpuSeconds: number }[];
  busy: string;
  /** CPU seconds PostgreSQL spent meanwhile. */
  postgresS: number;
}

/** Waits until every run of the `prefix` people's `task` finished (or the timeout). */
async function watchRuns(
  db: Database,
  queue: TaskQueue,
  task: string,
  prefix: string,
  queued: number,
  startedMs: number,
  label: string,
): Promise<{ timedOut: boolean }> {
  let lastPrint = 0;
  for (;;) {
    const [row] = resultRows<{ finished: number; failed: number; running: number }>(
      await db.execute(sql`
        SELECT count(*) FILTER (WHERE status IN ('done', 'skipped'))::int AS finished,
               count(*) FILTER (WHERE status = 'failed')::int AS failed,
               count(*) FILTER (WHERE status = 'running')::int AS running
        FROM task_runs WHERE task = ${task} AND user_id LIKE ${`${prefix}-%`}`),
    );
    const finished = row?.finished ?? 0;
    const elapsed = (Date.now() - startedMs) / 1000;
    if (Date.now() - lastPrint > 15_000) {
      lastPrint = Date.now();
      console.log(
        `  ${label}: ${finished}/${queued} finished, ${row?.failed ?? 0} failed attempts, ${elapsed.toFixed(0)} s`,
      );
    }
    if (finished >= queued) return { timedOut: false };
    if (finished + (row?.failed ?? 0) > 0 && (row?.running ?? 0) === 0) {
      const depth = await queue.depth();
      if (depth.waiting + depth.running === 0) return { timedOut: false };
    }
    if (elapsed > TIMEOUT_S) return { timedOut: true };
    await sleep(500);
  }
}

async function runFigures(
  db: Database,
  task: string,
  prefix: string,
  startedMs: number,
): Promise<Pick<RunFigures, "finished" | "failed" | "durations" | "wallS" | "gaps">> {
  const rows = resultRows<{
    status: string;
    duration_ms: number | null;
    finished_at: Date;
    gap_ms: number | null;
  }>(
    await db.execute(sql`
      SELECT status, duration_ms, finished_at,
        (extract(epoch FROM started_at - lag(finished_at) OVER (
          PARTITION BY worker ORDER BY started_at)) * 1000)::float8 AS gap_ms
      FROM task_runs
      WHERE task = ${task} AND user_id LIKE ${`${prefix}-%`} AND status <> 'running'`),
  );
  const finished = rows.filter((r) => r.status === "done" || r.status === "skipped");
  const last = Math.max(...finished.map((r) => new Date(r.finished_at).getTime()), startedMs);
  return {
    finished: finished.length,
    failed: rows.filter((r) => r.status === "failed").length,
    durations: finished.map((r) => r.duration_ms ?? 0),
    gaps: rows.flatMap((r) => (r.gap_ms === null ? [] : [Number(r.gap_ms)])),
    wallS: (last - startedMs) / 1000,
  };
}

/** Drops tasks still waiting in the queue (after a timeout), so the next section starts empty. */
async function purgeQueue(db: Database) {
  await db.execute(sql`DELETE FROM pgboss.job WHERE name LIKE 'aura-%' AND state < 'active'`);
}

const s = (ms: number) => (ms / 1000).toFixed(2);

function durationRow(label: string, durations: number[]): (string | number)[] {
  return [
    label,
    durations.length,
    s(percentile(durations, 50)),
    s(percentile(durations, 95)),
    s(Math.max(...durations, 0)),
  ];
}

/** CPU seconds a finished task cost: the workers' (every thread) and PostgreSQL's. */
function cpuPerTask(result: RunFigures): { workers: number; postgres: number } {
  const people = Math.max(1, result.finished);
  const workers = result.workerFigures.reduce((sum, w) => sum + w.cpuSeconds, 0);
  return { workers: workers / people, postgres: result.postgresS / people };
}

function cpuLine(result: RunFigures): string {
  const cpu = cpuPerTask(result);
  return `CPU a person: workers ${(cpu.workers * 1000).toFixed(0)} ms, PostgreSQL ${(cpu.postgres * 1000).toFixed(0)} ms`;
}

/** What the CPU a task cost allows on this machine's cores with nothing else running. */
function onFreeCores(result: RunFigures): { cpuS: number; seconds: number } {
  const cpu = cpuPerTask(result);
  const cpuS = cpu.workers + cpu.postgres;
  return { cpuS, seconds: (result.queued * cpuS) / Math.min(WORKERS, cpus().length) };
}

function workerLines(figures: RunFigures["workerFigures"]): string {
  return figures
    .map(
      (w, i) =>
        `worker ${i + 1}: RSS ${mb(w.readyRss)} when ready, peak ${mb(w.peakRss)}, ${w.cpuSeconds.toFixed(0)} CPU s`,
    )
    .join("; ");
}

// ---------------------------------------------------------------------------------------------
// The server sections, on one database.

interface World {
  db: Database;
  url: string;
  config: AuraConfig;
  embedder: ClosableEmbedder;
  cwd: string;
  dataDir: string;
  workerEnv: Record<string, string>;
  templates: string[];
}

async function buildWorld(url: string, db: Database): Promise<World> {
  await findPostmaster(db);
  const cwd = mkdtempSync(join(tmpdir(), "aura-bench-schedule-"));
  const dataDir = join(cwd, "data");
  // The workers' config: recorded responses only, no mail; the serve process takes no tasks.
  writeFileSync(
    join(cwd, "aura.config.yaml"),
    ["schedule:", "  offline: true", "  workers: 0", ""].join("\n"),
  );
  const { config } = loadConfig({ cwd, env: { DATABASE_URL: url, AURA_DATA_DIR: dataDir } });
  const workerEnv = { DATABASE_URL: url, AURA_DATA_DIR: dataDir, AURA_LOG_LEVEL: "warn" };
  const embedder = await openEmbedder(config.embed, { inThread: true });
  const ingest = await timed(() => ingestRecorded(db, config));
  const cached = await timed(() =>
    embedAllCached(db, embedder.modelId, embedder.dimension, async () => ({
      ...embedder,
      close: async () => {},
    })),
  );
  console.log(
    `world: ${ingest.value.totals.new} real jobs from the offline ingest (${ingest.s.toFixed(0)} s); vectors: ${cached.value.fromCache} from the cache, ${cached.value.embedded} embedded (${cached.s.toFixed(0)} s)`,
  );
  const scaled = await ScaledJobs.prepare(db, embedder.modelId, embedder.dimension);
  const grown = await timed(() => scaled.grow(JOBS));
  await db.execute(sql`ANALYZE`);
  const indexed = await timed(() => embedAndIndex(db, embedder, { cacheDir: dataDir }));
  console.log(
    `world: ${scaled.live} live jobs (${scaled.realLive} real + ${scaled.copies} copies, ${grown.s.toFixed(0)} s); embedAndIndex into the workers' data folder: ${indexed.value.vectorIndex} vector index, ${indexed.value.indexedJobs} jobs in the term statistics (${indexed.s.toFixed(0)} s)`,
  );
  if (indexed.value.vectorIndex === "in-process") {
    notes.push(
      "The PostgreSQL server has no pgvector: vectors are searched in process (usearch; an exact scan up to 20,000 live jobs), from the index saved in the workers' data folder.",
    );
  }
  const built = await timed(() => buildTemplates(db, embedder, config));
  const [models] = resultRows<{ kinds: string; bytes: number }>(
    await db.execute(sql`
      SELECT string_agg(DISTINCT kind, ', ') AS kinds,
        (sum(pg_column_size(params)) / count(DISTINCT user_id))::int AS bytes
      FROM learned_models WHERE user_id LIKE 'bench-template-%'`),
  );
  console.log(
    `templates: ${built.value.length} people, ${TEMPLATE_BATCHES} batches of 5 rated each, models trained: ${models?.kinds} (${((models?.bytes ?? 0) / 1024).toFixed(0)} kB of parameters a person) (${built.s.toFixed(0)} s)`,
  );
  return { db, url, config, embedder, cwd, dataDir, workerEnv, templates: built.value };
}

/** One due person's run in this process, piece by piece (median of 3; the batch is deleted). */
async function pieces(world: World, userId: string): Promise<void> {
  const { db, embedder, config, dataDir } = world;
  const names = {
    train: "trainUser (nothing new)",
    load: "openVectorSearch (the saved vector index, as openBatch loads it)",
    fingerprint: "  of which: the vectors' fingerprint (vector-search.ts, its SQL)",
    open: "openBatch (the load above included)",
  };
  const times: Record<string, number[]> = Object.fromEntries(
    Object.values(names).map((name) => [name, []]),
  );
  for (let run = 0; run < 4; run++) {
    const train = await timed(() => trainUser(db, embedder, userId, config.rank));
    const load = await timed(() =>
      openVectorSearch(db, embedder.modelId, embedder.dimension, { cacheDir: dataDir }),
    );
    const fingerprint = await timed(() => vectorsFingerprint(db, embedder.modelId));
    const opened = await timed(() =>
      openBatch(db, embedder, userId, { config: config.rank, cacheDir: dataDir }),
    );
    await db.delete(batches).where(sql`${batches.id} = ${opened.value.batch.id}`);
    if (run === 0) continue; // warm-up
    times[names.train]?.push(train.s * 1000);
    times[names.load]?.push(load.s * 1000);
    times[names.fingerprint]?.push(fingerprint.s * 1000);
    times[names.open]?.push(opened.s * 1000);
  }
  console.log(`  one due person's run in this process (median of 3 after a warm-up):`);
  printTable([
    ["piece", "median ms"],
    ...Object.entries(times).map(([name, ms]) => [name, percentile(ms, 50).toFixed(0)]),
  ]);
  // What that run asks the server: each statement's time (sent until answered) and rows.
  const tally = await tallyStatements(async () => {
    await trainUser(db, embedder, userId, config.rank);
    const opened = await openBatch(db, embedder, userId, {
      config: config.rank,
      cacheDir: dataDir,
    });
    await db.delete(batches).where(sql`${batches.id} = ${opened.batch.id}`);
  });
  console.log(
    `  its statements: ${tally.reduce((n, t) => n + t.count, 0)}, ${tally.reduce((ms, t) => ms + t.ms, 0).toFixed(0)} ms in all (the delete of the batch included)`,
  );
  printTable([
    ["statement (its start)", "count", "ms", "rows"],
    ...tally.slice(0, 12).map((t) => [t.text, String(t.count), t.ms.toFixed(1), String(t.rows)]),
  ]);
}

/** The statements `work` sends through node-postgres, grouped by their text, slowest first. */
async function tallyStatements(
  work: () => Promise<void>,
): Promise<{ text: string; count: number; ms: number; rows: number }[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const byText = new Map<string, { text: string; count: number; ms: number; rows: number }>();
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const raw = typeof first === "string" ? first : (first?.text ?? "?");
    const text = raw.replace(/\s+/g, " ").trim().slice(0, 70);
    const entry = byText.get(text) ?? { text, count: 0, ms: 0, rows: 0 };
    byText.set(text, entry);
    const started = performance.now();
    entry.count++;
    const done = (answer: { rowCount?: number } | undefined) => {
      entry.ms += performance.now() - started;
      entry.rows += answer?.rowCount ?? 0;
    };
    // pg.Pool passes a callback; drizzle's transactions await the promise.
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (error: unknown, answer: { rowCount?: number }) => {
        done(answer);
        return callback(error, answer);
      };
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      void (result as Promise<{ rowCount?: number }>).then(done, () => {});
    }
    return result;
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return [...byText.values()].sort((a, b) => b.ms - a.ms);
}

async function prepareSection(world: World): Promise<void> {
  const { db, config } = world;
  const prefix = "bench-due";
  console.log(
    `\n== prepare: ${PEOPLE} people due at once (${STATE === "returning" ? "returning: newest batch locked 30 days ago, models trained on every rating" : "first batch: a CV of their own, no batch yet"}), ${JOBS} jobs, ${WORKERS} workers`,
  );
  const made = await timed(async () =>
    STATE === "returning"
      ? makePeople(db, world.templates, prefix, PEOPLE, { models: true, shiftDays: 30 })
      : makeNewcomers(db, prefix, PEOPLE),
  );
  console.log(`  people made in ${made.s.toFixed(0)} s`);
  if (STATE === "returning" && made.value[0]) await pieces(world, made.value[0]);
  const result = await runSection(world, "person-run", prefix, async (queue) => {
    const scheduler = createScheduler(
      { db, config, embedder: async () => world.embedder, log: silentLogger, runner: queue },
      { start: false },
    );
    const swept = await timed(() => scheduler.sweep());
    console.log(`  sweep: ${swept.value} people queued in ${swept.s.toFixed(1)} s`);
    return swept.value;
  });
  const [made2] = resultRows<{ n: number }>(
    await db.execute(sql`
      SELECT count(*)::int AS n FROM batches WHERE user_id LIKE ${`${prefix}-%`} AND status = 'open'`),
  );
  console.log();
  printTable([
    ["person-run", "people", "p50 s", "p95 s", "max s"],
    durationRow("per person (task_runs.duration_ms)", result.durations),
    durationRow("a worker idle between two tasks", result.gaps),
  ]);
  console.log(
    `  ${result.finished}/${result.queued} finished in ${result.wallS.toFixed(0)} s${result.timedOut ? " (timed out)" : ""}; ${made2?.n ?? 0} batches made; ${result.failed} failed attempts; machine CPU busy ${result.busy}; ${cpuLine(result)}; ${workerLines(result.workerFigures)}`,
  );
  const rate = result.finished / Math.max(1, result.wallS);
  summary.push(
    [
      `prepare: ${PEOPLE} people (${STATE}), ${JOBS} jobs, ${WORKERS} workers: wall time`,
      result.timedOut
        ? `${result.finished} done in ${result.wallS.toFixed(0)} s; all: ~${(result.queued / rate).toFixed(0)} s at that rate`
        : `${result.wallS.toFixed(0)} s`,
      "≤ 120 s",
    ],
    [
      `prepare: CPU a person (workers + PostgreSQL) → all ${result.queued} on ${Math.min(WORKERS, cpus().length)} free cores`,
      `${(onFreeCores(result).cpuS * 1000).toFixed(0)} ms → ${onFreeCores(result).seconds.toFixed(0)} s`,
      "≤ 120 s",
    ],
    [
      "prepare: per person p50 / p95",
      `${s(percentile(result.durations, 50))} s / ${s(percentile(result.durations, 95))} s`,
      "report",
    ],
    [
      "prepare: a worker idle between two tasks, p50 / p95",
      `${s(percentile(result.gaps, 50))} s / ${s(percentile(result.gaps, 95))} s`,
      "report",
    ],
    [
      "prepare: batches made, failed attempts",
      `${made2?.n ?? 0}, ${result.failed}`,
      `${PEOPLE}, 0`,
    ],
    [
      "prepare: peak RSS per worker",
      result.workerFigures.map((w) => mb(w.peakRss)).join(", "),
      "report",
    ],
  );
}

async function trainSection(world: World): Promise<void> {
  const { db } = world;
  const prefix = "bench-train";
  console.log(
    `\n== train: ${TRAIN_PEOPLE} people with new ratings (35 over 7 locked batches, no model yet), ${WORKERS} workers`,
  );
  const made = await timed(() =>
    makePeople(db, world.templates, prefix, TRAIN_PEOPLE, { models: false, shiftDays: 0 }),
  );
  console.log(`  people made in ${made.s.toFixed(0)} s`);
  const result = await runSection(world, "train-person", prefix, async (queue) => {
    let queued = 0;
    const now = new Date();
    for (const userId of made.value) {
      const key = personTaskKey("train-person", userId, "locked", now);
      if (await queue.enqueue({ task: "train-person", key, userId })) queued++;
    }
    return queued;
  });
  const models = resultRows<{ kind: string; n: number; p50: number; p95: number }>(
    await db.execute(sql`
      SELECT kind, count(*)::int AS n,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY training_ms) AS p50,
        percentile_disc(0.95) WITHIN GROUP (ORDER BY training_ms) AS p95
      FROM learned_models WHERE user_id LIKE ${`${prefix}-%`} GROUP BY kind ORDER BY kind`),
  );
  const perMinute = (result.finished / Math.max(1, result.wallS)) * 60;
  console.log();
  printTable([
    ["train-person", "people", "p50 s", "p95 s", "max s"],
    durationRow("per person (task_runs.duration_ms)", result.durations),
    durationRow("a worker idle between two tasks", result.gaps),
    ...models.map((m) => [
      `  of which ${m.kind} (learned_models.training_ms)`,
      m.n,
      s(m.p50),
      s(m.p95),
      "",
    ]),
  ]);
  console.log(
    `  ${result.finished}/${result.queued} trained in ${result.wallS.toFixed(0)} s${result.timedOut ? " (timed out)" : ""}: ${perMinute.toFixed(1)} people a minute; ${result.failed} failed attempts; machine CPU busy ${result.busy}; ${cpuLine(result)}; ${workerLines(result.workerFigures)}`,
  );
  summary.push(
    [
      `train: ${TRAIN_PEOPLE} people with new ratings, ${WORKERS} workers: throughput`,
      `${perMinute.toFixed(1)} people/min (${result.finished} in ${result.wallS.toFixed(0)} s)`,
      "report",
    ],
    [
      `train: CPU a person (workers + PostgreSQL) → people/min on ${Math.min(WORKERS, cpus().length)} free cores`,
      `${onFreeCores(result).cpuS.toFixed(1)} s → ${((60 * result.queued) / Math.max(1, onFreeCores(result).seconds)).toFixed(1)}`,
      "report",
    ],
    [
      "train: per person p50 / p95",
      `${s(percentile(result.durations, 50))} s / ${s(percentile(result.durations, 95))} s`,
      "report",
    ],
    [
      "train: peak RSS per worker",
      result.workerFigures.map((w) => mb(w.peakRss)).join(", "),
      "report",
    ],
  );
}

/** Starts the workers, queues the section's tasks, waits for them, and reads the figures. */
/** The bench's own handle on the server's task queue (it queues; the workers take). */
function openQueue(world: World): Promise<TaskQueue> {
  return openTaskQueue({ databaseUrl: world.url, config: world.config, log: silentLogger });
}

async function runSection(
  world: World,
  task: "person-run" | "train-person",
  prefix: string,
  enqueue: (queue: TaskQueue) => Promise<number>,
): Promise<RunFigures> {
  const { db } = world;
  const queue = await openQueue(world);
  let pool: WorkerPool | null = null;
  try {
    pool = await startWorkers(db, WORKERS, world.cwd, world.workerEnv);
    const cpu0 = machineCpu();
    const pg0 = postgresCpu();
    const startedMs = Date.now();
    const queued = await enqueue(queue);
    const { timedOut } = await watchRuns(db, queue, task, prefix, queued, startedMs, task);
    const busy = busyPercent(cpu0);
    const postgresS = postgresCpuSince(pg0);
    const workerFigures = await pool.stop();
    pool = null;
    if (timedOut) await purgeQueue(db);
    return {
      queued,
      timedOut,
      busy,
      postgresS,
      workerFigures,
      ...(await runFigures(db, task, prefix, startedMs)),
    };
  } finally {
    await pool?.stop();
    await queue.stop();
  }
}

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** autocannon in its own process for `seconds`, at `rate` requests/s (0: unbounded). */
function cannon(url: string, cookie: string, seconds: number): Promise<CannonResult> {
  const args = [autocannonBin, "-c", String(CONNECTIONS), "-d", String(seconds), "-j"];
  if (RATE > 0) args.push("-R", String(RATE));
  args.push("-H", `cookie=${cookie}`, url);
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    err += d;
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      children.delete(child);
      if (code !== 0) reject(new Error(`autocannon failed (${code}): ${err.slice(-2000)}`));
      else resolve(JSON.parse(out) as CannonResult);
    });
  });
}

const READS = values.reads
  .split(",")
  .map((path) => path.trim())
  .filter(Boolean);

async function readAll(base: string, cookies: string[], seconds: number) {
  return Promise.all(
    READS.map((path, i) => cannon(`${base}${path}`, cookies[i % cookies.length] ?? "", seconds)),
  );
}

/** One request at a time, the reads in turn, for `seconds`: each read's latencies (ms). */
async function sequential(base: string, cookies: string[], seconds: number) {
  const latencies: number[][] = READS.map(() => []);
  const end = Date.now() + seconds * 1000;
  for (let turn = 0; Date.now() < end; turn++) {
    const i = turn % READS.length;
    const t0 = performance.now();
    const response = await fetch(`${base}${READS[i]}`, {
      headers: { cookie: cookies[i % cookies.length] ?? "" },
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${READS[i]}: ${response.status}`);
    latencies[i]?.push(performance.now() - t0);
  }
  return latencies;
}

/**
 * Each read at RATE requests/s for `seconds`, arriving as independent people's requests do
 * (Poisson: exponential gaps, each endpoint on its own clock), sent without waiting for the
 * answers: each read's latencies (ms) and failures. autocannon's rate, by contrast, releases
 * each second's requests together, and its processes start together: bursts of all of them.
 */
async function poissonArrivals(base: string, cookies: string[], seconds: number) {
  const latencies: number[][] = READS.map(() => []);
  const failures = READS.map(() => 0);
  const end = Date.now() + seconds * 1000;
  let seed = 0x2f6b_1d3c;
  const uniform = () => {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return (seed + 0.5) / 2 ** 32;
  };
  const inFlight: Promise<void>[] = [];
  await Promise.all(
    READS.map(async (path, i) => {
      const cookie = cookies[i % cookies.length] ?? "";
      for (;;) {
        await sleep((-Math.log(uniform()) / RATE) * 1000);
        if (Date.now() >= end) break;
        const t0 = performance.now();
        inFlight.push(
          fetch(`${base}${path}`, { headers: { cookie } })
            .then(async (response) => {
              await response.arrayBuffer();
              if (response.ok) latencies[i]?.push(performance.now() - t0);
              else failures[i] = (failures[i] ?? 0) + 1;
            })
            .catch(() => {
              failures[i] = (failures[i] ?? 0) + 1;
            }),
        );
      }
    }),
  );
  await Promise.all(inFlight);
  return latencies.map((ms, i) => ({ ms, failures: failures[i] ?? 0 }));
}

async function apiSection(world: World): Promise<void> {
  const { db } = world;
  const prefix = "bench-api";
  console.log(
    `\n== api: reads while ${WORKERS} workers prepare ${API_PEOPLE} people's batches (\`aura serve\`, ${READS.length} endpoints; one request at a time, then ${RATE > 0 ? `${RATE} req/s each` : "as fast as they answer"} with ${CONNECTIONS} connections each; ${DURATION} s per phase)`,
  );
  await makePeople(db, world.templates, prefix, API_PEOPLE, { models: true, shiftDays: 30 });
  const port = 3981;
  // Its schedules off: the bench's sweep queues the people, and it takes no task (workers: 0).
  const serve = spawnAura(
    ["serve", "--port", String(port)],
    world.cwd,
    { ...world.workerEnv, AURA_SCHEDULE: "off", AURA_SIGN_IN_LIMIT_PER_MINUTE: "100000" },
    values["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", join(values["cpu-prof"], "serve")] : [],
  );
  const queue = await openQueue(world);
  let pool: WorkerPool | null = null;
  try {
    await until(
      "aura serve listens",
      () => {
        if (!running(serve.child)) throw new Error(`aura serve exited: ${serve.output()}`);
        return serve.output().includes("AURA API on");
      },
      120_000,
    );
    const base = `http://127.0.0.1:${port}`;
    // Signed-in readers, each with a template's history and an open batch.
    const cookies: string[] = [];
    for (let r = 0; r < 4; r++) {
      const email = `bench-reader-${r}-${Date.now()}@example.com`;
      const cookie = await signUpCookie(`${base}/api/auth/sign-up/email`, {
        name: "Bench reader",
        email,
        password: "bench password",
      });
      const [user] = resultRows<{ id: string }>(
        await db.execute(sql`SELECT id FROM users WHERE email = ${email}`),
      );
      if (!user) throw new Error("the reader was not stored");
      await cloneHistory(db, world.templates[r % world.templates.length] ?? "", [user.id], {
        models: true,
        shiftDays: 0,
      });
      const batch = await fetch(`${base}/api/batches`, { method: "POST", headers: { cookie } });
      if (batch.status !== 201) throw new Error(`batch: ${batch.status} ${await batch.text()}`);
      cookies.push(cookie);
    }
    // Warm-up, then the CPU each read costs the serve process and PostgreSQL (clock ticks of
    // 10 ms, summed over 30 requests one at a time).
    await readAll(base, cookies, 5);
    const cost: (string | number)[][] = [
      ["CPU a request (alone)", "serve CPU ms", "PostgreSQL CPU ms"],
    ];
    for (const [i, path] of READS.entries()) {
      const cookie = cookies[i % cookies.length] ?? "";
      const serve0 = cpuOf(serve.pid) ?? 0;
      const pg0 = postgresCpu();
      const n = 30;
      for (let r = 0; r < n; r++) {
        await (await fetch(`${base}${path}`, { headers: { cookie } })).arrayBuffer();
      }
      cost.push([
        path,
        ((((cpuOf(serve.pid) ?? 0) - serve0) * 1000) / n).toFixed(1),
        ((postgresCpuSince(pg0) * 1000) / n).toFixed(1),
      ]);
    }
    printTable(cost);

    const phase = async (label: string) => {
      const cpu0 = machineCpu();
      const one = await sequential(base, cookies, DURATION);
      const arrivals = RATE > 0 ? await poissonArrivals(base, cookies, DURATION) : [];
      const many = await readAll(base, cookies, DURATION);
      console.log(`  ${label}: machine CPU busy ${busyPercent(cpu0)} — ${conditions()}`);
      return { one, arrivals, many };
    };
    const alone = await phase("reads alone");

    pool = await startWorkers(db, WORKERS, world.cwd, world.workerEnv);
    const scheduler = createScheduler(
      {
        db,
        config: world.config,
        embedder: async () => world.embedder,
        log: silentLogger,
        runner: queue,
      },
      { start: false },
    );
    const queued = await scheduler.sweep();
    await until(
      "the workers run people",
      async () => {
        const [row] = resultRows<{ n: number }>(
          await db.execute(sql`
            SELECT count(*)::int AS n FROM task_runs WHERE user_id LIKE ${`${prefix}-%`}`),
        );
        return (row?.n ?? 0) >= WORKERS;
      },
      60_000,
    );
    const windowStart = new Date();
    const loaded = await phase("reads with the workers busy");
    const [ran] = resultRows<{ n: number; running: number }>(
      await db.execute(sql`
        SELECT count(*) FILTER (WHERE status IN ('done', 'skipped'))::int AS n,
               count(*) FILTER (WHERE status = 'running')::int AS running
        FROM task_runs WHERE user_id LIKE ${`${prefix}-%`}
          AND (finished_at >= ${windowStart.toISOString()}::timestamptz OR status = 'running')`),
    );
    await pool.stop();
    pool = null;
    await purgeQueue(db);

    const rows: (string | number)[][] = [
      ["endpoint", "load", "phase", "requests", "p50 ms", "p99 ms", "max ms", "errors"],
    ];
    const worst = {
      one: { alone: 0, loaded: 0 },
      arrivals: { alone: 0, loaded: 0 },
      many: { alone: 0, loaded: 0 },
    };
    for (const [name, results] of [
      ["alone", alone],
      [`${WORKERS} workers busy`, loaded],
    ] as const) {
      const key = name === "alone" ? "alone" : "loaded";
      results.one.forEach((ms, i) => {
        rows.push([
          READS[i] ?? "",
          "one at a time",
          name,
          ms.length,
          percentile(ms, 50).toFixed(1),
          percentile(ms, 99).toFixed(1),
          Math.max(...ms).toFixed(0),
          0,
        ]);
        worst.one[key] = Math.max(worst.one[key], percentile(ms, 99));
      });
      results.arrivals.forEach(({ ms, failures }, i) => {
        rows.push([
          READS[i] ?? "",
          `${RATE}/s, Poisson`,
          name,
          ms.length,
          percentile(ms, 50).toFixed(1),
          percentile(ms, 99).toFixed(1),
          Math.max(...ms).toFixed(0),
          failures,
        ]);
        worst.arrivals[key] = Math.max(worst.arrivals[key], percentile(ms, 99));
      });
      results.many.forEach((r, i) => {
        rows.push([
          READS[i] ?? "",
          RATE > 0 ? `${RATE}/s × ${CONNECTIONS} conn` : `max × ${CONNECTIONS} conn`,
          name,
          r.requests.total,
          r.latency.p50.toFixed(1),
          r.latency.p99.toFixed(1),
          r.latency.max.toFixed(0),
          r.non2xx + r.errors + r.timeouts,
        ]);
        worst.many[key] = Math.max(worst.many[key], r.latency.p99);
      });
    }
    console.log();
    printTable(rows);
    console.log(
      `  while the reads ran beside them: ${ran?.n ?? 0} of the ${queued} queued people's batches prepared (${ran?.running ?? 0} running at the end)`,
    );
    summary.push(
      [
        `api: worst p99 of ${READS.length} reads, one at a time, ${WORKERS} workers busy (alone)`,
        `${worst.one.loaded.toFixed(0)} ms (${worst.one.alone.toFixed(0)} ms)`,
        "≤ 100 ms",
      ],
      [
        `api: worst p99 at ${RATE} req/s each arriving at random (Poisson), ${WORKERS} workers busy (alone)`,
        `${worst.arrivals.loaded.toFixed(0)} ms (${worst.arrivals.alone.toFixed(0)} ms)`,
        "≤ 100 ms",
      ],
      [
        `api: worst p99 at ${RATE > 0 ? `${RATE} req/s` : "full speed"} × ${CONNECTIONS} connections each in bursts (autocannon), ${WORKERS} workers busy (alone)`,
        `${worst.many.loaded.toFixed(0)} ms (${worst.many.alone.toFixed(0)} ms)`,
        "≤ 100 ms",
      ],
    );
  } finally {
    await pool?.stop();
    await queue.stop();
    await stopChild(serve, 5000);
  }
}

// ---------------------------------------------------------------------------------------------
// memory: `aura start` on the embedded database, schedules off and on.

interface MemoryRun {
  label: string;
  schedule: "on" | "off";
  /** The sweep's cron pattern: every minute, or one that does not fire during the run. */
  sweep: string;
  /**
   * A first batch is made: by the sweep for the due person, or through the API for a person
   * who signs up, uploads the same CV and opens it (what the scheduler spares them).
   */
  person: "sweep" | "api" | null;
}

const OFF: MemoryRun = { label: "off", schedule: "off", sweep: "* * * * *", person: null };
const ON_IDLE: MemoryRun = {
  label: "on, idle (sweep not due)",
  schedule: "on",
  sweep: "0 4 29 2 *",
  person: null,
};
/** Idle twice each, alternating (a heap's RSS wanders by tens of MB), then on with a run. */
const MEMORY_RUNS: MemoryRun[] = [
  OFF,
  ON_IDLE,
  OFF,
  ON_IDLE,
  {
    label: "off, a person opened one via the API",
    schedule: "off",
    sweep: "* * * * *",
    person: "api",
  },
  { label: "on, sweep ran the person", schedule: "on", sweep: "* * * * *", person: "sweep" },
];

/** Signs a person up on `base`, uploads `cv` and preferences, and opens their first batch. */
async function openFirstBatchThroughApi(base: string, cv: string): Promise<void> {
  const cookie = await signUpCookie(`${base}/api/auth/sign-up/email`, {
    name: "Bench person",
    email: `bench-memory-${Date.now()}@example.com`,
    password: "bench password",
  });
  const form = new FormData();
  form.set("file", new Blob([cv], { type: "text/plain" }), "cv.txt");
  const put = await fetch(`${base}/api/cv`, { method: "PUT", headers: { cookie }, body: form });
  if (!put.ok) throw new Error(`cv: ${put.status} ${await put.text()}`);
  const prefs = await fetch(`${base}/api/preferences`, {
    method: "PUT",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ roles: ["Data Scientist"], batchSize: 5 }),
  });
  if (!prefs.ok) throw new Error(`preferences: ${prefs.status} ${await prefs.text()}`);
  const batch = await fetch(`${base}/api/batches`, { method: "POST", headers: { cookie } });
  if (batch.status !== 201) throw new Error(`batch: ${batch.status} ${await batch.text()}`);
}

/** The median VmRSS of `pid` sampled every second for `seconds`. */
async function medianRss(pid: number, seconds: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < seconds; i++) {
    samples.push(memoryOf(pid)?.rss ?? 0);
    await sleep(1000);
  }
  return percentile(samples, 50);
}

async function memorySection(): Promise<void> {
  const wanted = values["memory-command"];
  const command =
    wanted === "start" || wanted === "serve"
      ? wanted
      : (await import("@aura/web/server")).webBuildIsCurrent()
        ? "start"
        : "serve";
  console.log(
    `\n== memory: \`aura ${command}\` on the embedded database (the sample embedded, one person with a CV and no batch, so due at once): AURA_SCHEDULE=off; on with a sweep that is not due; on with the sweep every minute`,
  );
  if (command === "serve" && wanted !== "serve") {
    notes.push(
      "memory: `aura serve` stood in for `aura start`: the web app's build is older than its sources, and `aura start` would rebuild it in apps/web. Both run the same scheduler (serveOne); start adds the web handler and its boot-time ingest.",
    );
  }
  const config = defaultConfig();
  const prepared = mkdtempSync(join(tmpdir(), "aura-bench-schedule-mem-"));
  const rows: (string | number)[][] = [
    [
      "AURA_SCHEDULE",
      "RSS at 10 s",
      "RSS at 60–80 s",
      "RSS 0–5 s after the run",
      "RSS 35–45 s after",
      "peak (VmHWM)",
    ],
  ];
  const late: Record<string, number[]> = {};
  const afterBatch: Partial<Record<"sweep" | "api", { just: number; later: number }>> = {};
  try {
    const handle = await openDatabase({ dataDir: prepared });
    try {
      await migrateDatabase(handle);
      await ingestRecorded(handle.db, config);
      const embedder = await openEmbedder(config.embed, { inThread: true });
      try {
        await embedAllCached(handle.db, embedder.modelId, embedder.dimension, async () => ({
          ...embedder,
          close: async () => {},
        }));
        await embedAndIndex(handle.db, embedder, { cacheDir: prepared });
      } finally {
        await embedder.close();
      }
      await saveProfile(handle.db, "bench-memory-person", {
        cv: { text: dataScienceCv, fileName: "cv.txt" },
        preferences: { roles: ["Data Scientist"], batchSize: 5 },
      });
    } finally {
      await handle.close();
    }
    for (const [i, run] of MEMORY_RUNS.entries()) {
      const cwd = mkdtempSync(join(tmpdir(), "aura-bench-schedule-mem-cwd-"));
      writeFileSync(
        join(cwd, "aura.config.yaml"),
        ["schedule:", "  offline: true", `  sweep: "${run.sweep}"`, ""].join("\n"),
      );
      const dataDir = join(cwd, "data");
      cpSync(prepared, dataDir, { recursive: true });
      const port = 3990 + i;
      const args =
        command === "start"
          ? ["start", "--offline", "--port", String(port)]
          : ["serve", "--port", String(port)];
      const server = spawnAura(args, cwd, {
        AURA_DATA_DIR: dataDir,
        AURA_SCHEDULE: run.schedule,
        AURA_LOG_LEVEL: "info",
        DATABASE_URL: "",
      });
      try {
        const ready = command === "start" ? "AURA is ready" : "AURA API on";
        await until(
          `aura ${command} is ready`,
          () => {
            if (!running(server.child)) {
              throw new Error(`aura ${command} exited: ${server.output()}`);
            }
            return server.output().includes(ready);
          },
          600_000,
        );
        const readyAt = Date.now();
        await sleep(5000);
        const health = await fetch(`http://127.0.0.1:${port}/api/healthz`);
        if (!health.ok) throw new Error(`healthz: ${health.status}`);
        await sleep(5000);
        const early = memoryOf(server.pid)?.rss ?? 0;
        const row: (string | number)[] = [run.label, mb(early)];
        if (run.person) {
          if (run.person === "api") {
            await openFirstBatchThroughApi(`http://127.0.0.1:${port}`, dataScienceCv);
          } else {
            await until(
              "the sweep ran the due person",
              () => server.output().includes("person-run done"),
              150_000,
            );
          }
          const just = await medianRss(server.pid, 5);
          await sleep(30_000);
          const later = await medianRss(server.pid, 10);
          afterBatch[run.person] = { just, later };
          row.push("", mb(just), mb(later));
        } else {
          await sleep(Math.max(0, readyAt + 60_000 - Date.now()));
          const rss = await medianRss(server.pid, 20);
          late[run.label] = [...(late[run.label] ?? []), rss];
          row.push(mb(rss), "", "");
        }
        row.push(mb(memoryOf(server.pid)?.hwm ?? 0));
        rows.push(row);
      } finally {
        await stopChild(server, 10_000);
        rmSync(cwd, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(prepared, { recursive: true, force: true });
  }
  console.log();
  printTable(rows);
  const mean = (xs: number[] = []) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const off = mean(late[OFF.label]);
  const idle = mean(late[ON_IDLE.label]);
  console.log(
    "  RSS figures are medians of one sample a second; differences below use the mean of the two idle runs of each; the training thread stops 30 s after its last person (train-thread.ts IDLE_MS).",
  );
  const { sweep, api } = afterBatch;
  summary.push([
    `memory: the scheduler in \`aura ${command}\`, idle (on − off)`,
    mb(idle - off),
    "≤ 30 MB",
  ]);
  summary.push([
    "memory: a first batch made by the sweep − by the person through the API: just after; 35–45 s after",
    sweep && api ? `${mb(sweep.just - api.just)}; ${mb(sweep.later - api.later)}` : "?",
    "≤ 30 MB",
  ]);
  summary.push([
    "memory: after a first batch, over idle with the schedules off: by the sweep; through the API (35–45 s after)",
    `${sweep ? mb(sweep.later - off) : "?"}; ${api ? mb(api.later - off) : "?"}`,
    "report",
  ]);
}

// ---------------------------------------------------------------------------------------------

console.log(`AURA schedule bench — ${conditions()}\n${codeVersion()}`);
const serverSections = ["prepare", "train", "api"].filter((name) => sections.has(name));
try {
  if (serverSections.length > 0) {
    const skipped = await withServerDatabase("aura_bench_schedule", async (url) => {
      const handle = await openDatabase({ url });
      let world: World | null = null;
      try {
        await migrateDatabase(handle);
        world = await buildWorld(url, handle.db);
        if (sections.has("prepare")) await prepareSection(world);
        if (sections.has("train")) await trainSection(world);
        if (sections.has("api")) await apiSection(world);
      } finally {
        await world?.embedder.close();
        if (world) rmSync(world.cwd, { recursive: true, force: true });
        await handle.close();
      }
    });
    if (skipped) console.log(`PostgreSQL sections skipped: ${skipped}`);
  }
  if (sections.has("memory")) await memorySection();
} catch (error) {
  // Printed here: an uncaught error would be rethrown by the handlers TF.js's WASM backend
  // installs, and printed with its whole one-line source.
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  killAll();
}

console.log(`\nAURA schedule bench — figures (${codeVersion()})`);
printTable(summary);
for (const note of notes) console.log(`  note: ${note}`);
console.log(`  After: ${conditions()}`);
