// `aura worker` killed with SIGKILL in the middle of the shared gathering and of a person's run,
// on a real PostgreSQL server with real worker processes: the next worker finds the dead one's
// task, fails it, the queue runs it again, and nothing is half-done — no batch made twice, no
// posting stored twice, no rating lost.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  configSchema,
  type DatabaseHandle,
  declineApplications,
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
import { dataScienceCv, startTestPostgres, type TestPostgres } from "@aura/core/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../bin/aura.js", import.meta.url));
const server = await startTestPostgres();
/** One board (Arbeitnow, 100 recorded postings): the gathering takes seconds, not minutes. */
const OTHER_BOARDS = [
  "remoteok",
  "remotive",
  "himalayas",
  "jobicy",
  "themuse",
  "weworkremotely",
  "greenhouse",
  "lever",
  "ashby",
  "hackernews",
];

let postgres: TestPostgres;
let handle: DatabaseHandle;
let queue: TaskQueue;
let dir: string;
const workers: ChildProcess[] = [];
const output: string[] = [];

/** `aura worker` in its own process, as an operator starts it. */
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [bin, "worker"], {
    cwd: dir,
    env: {
      ...process.env,
      DATABASE_URL: postgres.url,
      AURA_DATA_DIR: join(dir, "data"),
      AURA_LOG_LEVEL: "info",
      NO_COLOR: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // What the workers said, shown when a wait times out.
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  workers.push(child);
  return child;
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await handle.db.execute(query);
  return ((result as { rows?: T[] }).rows ?? (result as unknown as T[])) as T[];
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) {
      throw new Error(`timed out waiting until ${what}; the workers said:\n${output.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const runsOf = (key: string) =>
  rows<{ status: string; attempt: number; error: string | null }>(
    sql`SELECT status, attempt, error FROM task_runs WHERE key = ${key} ORDER BY id`,
  );

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

beforeAll(async () => {
  if (!server) return;
  postgres = server;
  dir = mkdtempSync(join(tmpdir(), "aura-worker-crash-"));
  // Replay one recorded board; retry a failed task after 1 s.
  writeFileSync(
    join(dir, "aura.config.yaml"),
    [
      "schedule:",
      "  offline: true",
      "  retryDelaySeconds: 1",
      "sources:",
      ...OTHER_BOARDS.map((name) => `  ${name}: false`),
      "",
    ].join("\n"),
  );
  handle = await openDatabase({ url: postgres.url });
  await migrateDatabase(handle);
  queue = await openTaskQueue({
    databaseUrl: postgres.url,
    config: configSchema.parse({ schedule: { retryDelaySeconds: 1 } }),
    log: silentLogger,
  });
}, 60_000);

afterAll(async () => {
  for (const child of workers.filter(running)) child.kill("SIGKILL");
  await queue?.stop();
  await handle?.close();
  await postgres?.close();
});

describe.skipIf(!server)("a worker killed mid-task (SIGKILL, real PostgreSQL)", () => {
  it("gathers again after a kill mid-ingest, with no posting stored twice", async () => {
    const first = startWorker();
    expect(await queue.enqueue({ task: "gather", key: "gather:crash-test" })).toBe(true);
    // Killed once the gathering runs and has stored some postings, before it finished.
    await until("the gathering has stored postings", async () => {
      const [row] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM job_sources`);
      return (row?.n ?? 0) > 0;
    });
    await kill(first);
    expect((await runsOf("gather:crash-test")).map((r) => r.status)).toEqual(["running"]);

    startWorker();
    await until(
      "the gathering ran again",
      async () => (await runsOf("gather:crash-test")).some((r) => r.status === "done"),
      90_000,
    );
    const runs = await runsOf("gather:crash-test");
    expect(
      runs.map((r) => [r.status, r.attempt]),
      output.join(""),
    ).toEqual([
      ["failed", 1],
      ["done", 2],
    ]);
    expect(runs[0]?.error).toMatch(/process running it ended/);
    const [dupes] = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM (
        SELECT source, external_id FROM job_sources GROUP BY 1, 2 HAVING count(*) > 1) d`);
    expect(dupes?.n).toBe(0);
    const [linked] = await rows<{ jobs: number; unlinked: number }>(sql`
      SELECT count(*)::int AS jobs,
             count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM job_sources s WHERE s.job_id = j.id))::int AS unlinked
      FROM jobs j`);
    expect(linked?.jobs).toBeGreaterThan(90);
    expect(linked?.unlinked).toBe(0);
  }, 150_000);

  it("prepares a person's batch again after a kill mid-run: one batch, every rating kept", async () => {
    // A person with six rated batches: enough ratings for the LSTM, so their run trains a while.
    const userId = "crash-person";
    await handle.db.execute(
      sql`INSERT INTO users (id, name, email) VALUES (${userId}, 'Crash', 'crash@example.org')`,
    );
    await saveProfile(handle.db, userId, {
      cv: { text: dataScienceCv, fileName: "cv.txt" },
      preferences: { roles: ["Data Scientist"], batchSize: 5 },
    });
    const embedder = await openEmbedder(configSchema.parse({}).embed, { inThread: true });
    try {
      for (let b = 0; b < 7; b++) {
        const { batch } = await openBatch(handle.db, embedder, userId, {
          config: configSchema.parse({}).rank,
        });
        for (const [i, item] of batch.jobs.entries()) {
          await rateJob(handle.db, userId, { jobId: item.job.id, stars: ((b + i) % 5) + 1 });
        }
        await lockBatch(handle.db, userId, batch.id);
        // Liked jobs wait for an application before the next batch: they apply to none.
        await declineApplications(handle.db, userId, batch.id);
      }
    } finally {
      await embedder.close();
    }
    const count = async () => {
      const [row] = await rows<{ ratings: number; batches: number }>(sql`
        SELECT (SELECT count(*)::int FROM ratings WHERE user_id = ${userId}) AS ratings,
               (SELECT count(*)::int FROM batches WHERE user_id = ${userId}) AS batches`);
      return row;
    };
    expect(await count()).toEqual({ ratings: 35, batches: 7 });

    const key = `person-run:${userId}:crash-test`;
    const [second] = workers.filter(running);
    expect(second).toBeDefined();
    expect(await queue.enqueue({ task: "person-run", key, userId })).toBe(true);
    await until("the person's run started", async () =>
      (await runsOf(key)).some((r) => r.status === "running"),
    );
    await kill(second as ChildProcess);
    expect((await runsOf(key)).map((r) => r.status)).toEqual(["running"]);

    startWorker();
    await until(
      "the person's run finished",
      async () => (await runsOf(key)).some((r) => r.status === "done"),
      90_000,
    );
    expect((await runsOf(key)).map((r) => [r.status, r.attempt])).toEqual([
      ["failed", 1],
      ["done", 2],
    ]);
    expect(await count()).toEqual({ ratings: 35, batches: 8 });
    const [open] = await rows<{ n: number; jobs: number }>(sql`
      SELECT count(*)::int AS n, (SELECT count(*)::int FROM batch_jobs bj JOIN batches b ON b.id = bj.batch_id
        WHERE b.user_id = ${userId} AND b.status = 'open') AS jobs
      FROM batches WHERE user_id = ${userId} AND status = 'open'`);
    expect(open).toEqual({ n: 1, jobs: 5 });
    const models = await rows<{ kind: string }>(
      sql`SELECT DISTINCT kind FROM learned_models WHERE user_id = ${userId} ORDER BY kind`,
    );
    expect(models.map((m) => m.kind)).toContain("preference-lstm");
  }, 150_000);
});
