// The admin page's view of the agent, over task_runs rows written directly: the newest runs
// first, failures with their errors (and whether a later attempt went through), each task's
// figures over the window, the schedules from config when no agent answers, and who is due.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configSchema } from "../config/config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { batches, profiles, taskRuns } from "../db/schema.ts";
import { ensureUser, saveProfile } from "../profile/profile-store.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { agentOverview } from "./agent-overview.ts";
import { agentOverviewSchema } from "./agent-overview-schema.ts";
import type { AgentStatus } from "./agent-schema.ts";

const NOW = new Date("2026-11-10T12:00:00Z");
const DAY = 86_400_000;
const at = (msBeforeNow: number) => new Date(NOW.getTime() - msBeforeNow);
const config = configSchema.parse({ dataDir: "/tmp/aura-agent-overview-test" });

let handle: DatabaseHandle;

/** One attempt, as the runner records it: finished `durationMs` after it started unless running. */
function run(
  fields: Pick<typeof taskRuns.$inferInsert, "task" | "key" | "status"> & {
    startedAt: Date;
    userId?: string;
    attempt?: number;
    durationMs?: number;
    result?: Record<string, unknown>;
    error?: string;
  },
): typeof taskRuns.$inferInsert {
  const finished = fields.status !== "running";
  const durationMs = fields.durationMs ?? 1000;
  return {
    task: fields.task,
    key: fields.key,
    userId: fields.userId ?? null,
    status: fields.status,
    attempt: fields.attempt ?? 1,
    startedAt: fields.startedAt,
    finishedAt: finished ? new Date(fields.startedAt.getTime() + durationMs) : null,
    durationMs: finished ? durationMs : null,
    result: fields.result ?? {},
    error: fields.error ?? null,
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await ensureUser(handle.db, "ana", "Ana");
  await ensureUser(handle.db, "bo", "Bo");
  await ensureUser(handle.db, "cy", "Cy");
  await handle.db.insert(taskRuns).values([
    // Nine days ago: outside the 7-day window, counted only as the newest gathering before.
    run({
      task: "gather",
      key: "gather:old",
      status: "done",
      startedAt: at(9 * DAY),
      durationMs: 90_000,
    }),
    run({
      task: "gather",
      key: "gather:a",
      status: "done",
      startedAt: at(3 * DAY),
      durationMs: 10_000,
      result: { new: 12, fetched: 40 },
    }),
    run({
      task: "gather",
      key: "gather:b",
      status: "done",
      startedAt: at(2 * DAY),
      durationMs: 30_000,
      result: { new: 3, fetched: 35 },
    }),
    run({
      task: "gather",
      key: "gather:c",
      status: "failed",
      startedAt: at(1 * DAY),
      durationMs: 20_000,
      error: "remotive answered 503",
    }),
    // Ana's batch failed twice, then went through.
    run({
      task: "person-run",
      key: "person-run:ana:first",
      userId: "ana",
      status: "failed",
      attempt: 1,
      startedAt: at(5 * 3_600_000),
      durationMs: 400,
      error: "the embedder could not load",
    }),
    run({
      task: "person-run",
      key: "person-run:ana:first",
      userId: "ana",
      status: "failed",
      attempt: 2,
      startedAt: at(4 * 3_600_000),
      durationMs: 600,
      error: "the embedder could not load",
    }),
    run({
      task: "person-run",
      key: "person-run:ana:first",
      userId: "ana",
      status: "done",
      attempt: 3,
      startedAt: at(3 * 3_600_000),
      durationMs: 2000,
      result: { batchId: 1, jobs: 5 },
    }),
    // Bo's failed for good (its newest attempt failed).
    run({
      task: "person-run",
      key: "person-run:bo:first",
      userId: "bo",
      status: "failed",
      startedAt: at(2 * 3_600_000),
      durationMs: 800,
      error: "no CV text",
    }),
    run({
      task: "train-person",
      key: "train-person:ana:1",
      userId: "ana",
      status: "skipped",
      startedAt: at(3_600_000),
      durationMs: 50,
      result: { reason: "nothing new to learn" },
    }),
    // Running now.
    run({ task: "gather", key: "gather:d", status: "running", startedAt: at(60_000) }),
  ]);

  // Ana's batch was made two days ago and locked (weekly: due in 5 days); Bo has none yet (due
  // since his profile was set up); Cy's batch waits to be rated.
  await saveProfile(handle.db, "ana", { preferences: { roles: ["Data Scientist"] } });
  await saveProfile(handle.db, "bo", { preferences: { roles: ["Nurse"] } });
  await saveProfile(handle.db, "cy", { preferences: { roles: ["Teacher"] } });
  await handle.db
    .update(profiles)
    .set({ createdAt: at(DAY) })
    .where(eq(profiles.userId, "bo"));
  await handle.db.insert(batches).values([
    { userId: "ana", status: "locked", createdAt: at(2 * DAY) },
    { userId: "cy", status: "open", createdAt: at(DAY) },
  ]);
});

afterAll(async () => {
  await handle?.close();
});

describe("agentOverview", () => {
  it("lists the newest runs first, with the person's name, and answers the contract", async () => {
    const overview = await agentOverview(handle.db, { config, now: NOW, limit: 4 });
    expect(() => agentOverviewSchema.parse(overview)).not.toThrow();
    expect(overview.generatedAt).toBe(NOW.toISOString());
    expect(overview.runs.map((r) => [r.task, r.key, r.status])).toEqual([
      ["gather", "gather:d", "running"],
      ["train-person", "train-person:ana:1", "skipped"],
      ["person-run", "person-run:bo:first", "failed"],
      ["person-run", "person-run:ana:first", "done"],
    ]);
    const [running, skipped, failed] = overview.runs;
    expect(running).toMatchObject({
      userId: null,
      userName: null,
      finishedAt: null,
      durationMs: null,
      result: {},
      error: null,
    });
    expect(skipped).toMatchObject({
      userId: "ana",
      userName: "Ana",
      attempt: 1,
      durationMs: 50,
      result: { reason: "nothing new to learn" },
      startedAt: at(3_600_000).toISOString(),
      finishedAt: new Date(at(3_600_000).getTime() + 50).toISOString(),
    });
    expect(failed).toMatchObject({ userName: "Bo", error: "no CV text" });
    expect(overview.runs[3]?.result).toEqual({ batchId: 1, jobs: 5 });
  });

  it("lists the failures newest first with their errors, and which ones a retry fixed", async () => {
    const overview = await agentOverview(handle.db, { config, now: NOW });
    expect(
      overview.failures.map((f) => [f.key, f.attempt, f.error, f.recovered, f.userName]),
    ).toEqual([
      ["person-run:bo:first", 1, "no CV text", false, "Bo"],
      ["person-run:ana:first", 2, "the embedder could not load", true, "Ana"],
      ["person-run:ana:first", 1, "the embedder could not load", true, "Ana"],
      ["gather:c", 1, "remotive answered 503", false, null],
    ]);
    expect(overview.failures.every((f) => f.status === "failed")).toBe(true);
    const two = await agentOverview(handle.db, { config, now: NOW, failures: 2 });
    expect(two.failures).toHaveLength(2);
  });

  it("counts each task's attempts, failures and durations over the window", async () => {
    const overview = await agentOverview(handle.db, { config, now: NOW });
    expect(overview.windowDays).toBe(7);
    expect(overview.tasks).toEqual([
      {
        task: "gather",
        runs: 4,
        done: 2,
        skipped: 0,
        failed: 1,
        running: 1,
        // 10 s, 20 s, 30 s finished in the window; the 90 s run is older.
        p50DurationMs: 20_000,
        maxDurationMs: 30_000,
        lastStartedAt: at(60_000).toISOString(),
        lastStatus: "running",
      },
      {
        task: "person-run",
        runs: 4,
        done: 1,
        skipped: 0,
        failed: 3,
        running: 0,
        // 400, 600, 800, 2000: the median between 600 and 800.
        p50DurationMs: 700,
        maxDurationMs: 2000,
        lastStartedAt: at(2 * 3_600_000).toISOString(),
        lastStatus: "failed",
      },
      {
        task: "train-person",
        runs: 1,
        done: 0,
        skipped: 1,
        failed: 0,
        running: 0,
        p50DurationMs: 50,
        maxDurationMs: 50,
        lastStartedAt: at(3_600_000).toISOString(),
        lastStatus: "skipped",
      },
    ]);
    const wider = await agentOverview(handle.db, { config, now: NOW, windowDays: 30 });
    expect(wider.tasks[0]).toMatchObject({ runs: 5, done: 3, maxDurationMs: 90_000 });
  });

  it("without an agent, takes the schedules from config and the queue from task_runs", async () => {
    const overview = await agentOverview(handle.db, { config, now: NOW });
    expect(overview.status).toEqual({
      runner: "in-process",
      schedules: [
        { name: "gather", pattern: "0 4 * * *", nextRunAt: "2026-11-11T04:00:00.000Z" },
        { name: "sweep", pattern: "*/15 * * * *", nextRunAt: "2026-11-10T12:15:00.000Z" },
      ],
      // One attempt running; gather:c and Bo's run failed last (Ana's went through).
      queue: { waiting: 0, running: 1, failed: 2 },
    });

    const off = configSchema.parse({ dataDir: "/tmp/x", schedule: { enabled: false } });
    const stopped = await agentOverview(handle.db, { config: off, now: NOW });
    expect(stopped.status.schedules.map((s) => s.nextRunAt)).toEqual([null, null]);
  });

  it("takes the running agent's status when it has one", async () => {
    const status: AgentStatus = {
      runner: "postgres-queue",
      schedules: [
        { name: "gather", pattern: "0 5 * * *", nextRunAt: "2026-11-11T05:00:00.000Z" },
        { name: "sweep", pattern: "*/5 * * * *", nextRunAt: "2026-11-10T12:05:00.000Z" },
      ],
      queue: { waiting: 7, running: 2, failed: 1 },
    };
    const overview = await agentOverview(handle.db, { config, now: NOW, status });
    expect(overview.status).toEqual(status);
  });

  it("says who is due now, whose batch waits to be rated, and when the next is due", async () => {
    const overview = await agentOverview(handle.db, { config, now: NOW });
    expect(overview.people).toEqual({
      scheduled: 3,
      dueNow: 1,
      waitingForRatings: 1,
      nextDueAt: new Date(at(2 * DAY).getTime() + 7 * DAY).toISOString(),
    });
  });

  it("shows an empty agent when nothing has run", async () => {
    const empty = await createTestDatabase();
    try {
      const overview = await agentOverview(empty.db, { config, now: NOW });
      expect(overview.runs).toEqual([]);
      expect(overview.failures).toEqual([]);
      expect(overview.tasks.map((t) => [t.task, t.runs, t.p50DurationMs, t.lastStatus])).toEqual([
        ["gather", 0, null, null],
        ["person-run", 0, null, null],
        ["train-person", 0, null, null],
      ]);
      expect(overview.status.queue).toEqual({ waiting: 0, running: 0, failed: 0 });
      expect(overview.people).toEqual({
        scheduled: 0,
        dueNow: 0,
        waitingForRatings: 0,
        nextDueAt: null,
      });
    } finally {
      await empty.close();
    }
  });
});
