import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateJob } from "../batch/ratings.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { batches, batchJobs, ingestRuns, jobs } from "../db/schema.ts";
import { importPostings } from "../pipeline/import-postings.ts";
import { saveProfile } from "../profile/profile-store.ts";
import { rankTestPostingsJsonl } from "../rank/rank-test-postings.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { recordOutcome } from "../track/outcomes.ts";
import { adminOverview } from "./admin-metrics.ts";

let handle: DatabaseHandle;
let ids: number[] = [];

/** One source's line in an ingest run's summary. */
function sourceStats(name: string, fetched: number, errors = 0, messages: string[] = []) {
  return {
    name,
    fetched,
    new: fetched,
    updated: 0,
    duplicates: 0,
    skipped: 0,
    errors,
    skippedReasons: { invalid: 0, tooOld: 0 },
    messages,
  };
}

function ingestSummary(sources: ReturnType<typeof sourceStats>[], expired = 0) {
  const sum = (key: "fetched" | "new" | "errors") => sources.reduce((n, s) => n + s[key], 0);
  return {
    sources,
    totals: {
      fetched: sum("fetched"),
      new: sum("new"),
      updated: 0,
      duplicates: 0,
      skipped: 0,
      errors: sum("errors"),
    },
    expired,
    offline: false,
    durationMs: 1200,
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const lines = rankTestPostingsJsonl.split("\n");
  const half = Math.ceil(lines.length / 2);
  await importPostings(handle.db, {
    content: lines.slice(0, half).join("\n"),
    fileName: "first.jsonl",
    source: "remotive",
    now: new Date("2026-11-01T08:00:00Z"),
  });
  await importPostings(handle.db, {
    content: lines.slice(half).join("\n"),
    fileName: "second.jsonl",
    now: new Date("2026-11-01T08:00:00Z"),
  });
  ids = (await handle.db.select({ id: jobs.id }).from(jobs).orderBy(jobs.id)).map((r) => r.id);
  // The imports ran "now"; date them so that the ingest runs below are newer.
  await handle.db.execute(
    sql`UPDATE ingest_runs SET started_at = '2026-11-01T08:00:00Z', finished_at = '2026-11-01T08:00:01Z'`,
  );
  const [first] = ids;
  if (!first) throw new Error("no jobs");
  await handle.db.update(jobs).set({ expiredAt: new Date() }).where(eq(jobs.id, first));
  await handle.db.insert(ingestRuns).values([
    {
      startedAt: new Date("2026-11-02T08:00:00Z"),
      finishedAt: new Date("2026-11-02T08:00:02Z"),
      durationMs: 2000,
      summary: ingestSummary([sourceStats("remotive", 10), sourceStats("arbeitnow", 5)], 1),
    },
    {
      startedAt: new Date("2026-11-09T08:00:00Z"),
      finishedAt: new Date("2026-11-09T08:00:03Z"),
      durationMs: 3000,
      summary: ingestSummary([
        sourceStats("remotive", 4),
        sourceStats("arbeitnow", 0, 1, ["HTTP 503 from arbeitnow.com"]),
      ]),
    },
    {
      startedAt: new Date("2026-11-16T08:00:00Z"),
      finishedAt: new Date("2026-11-16T08:00:01Z"),
      durationMs: 1000,
      summary: ingestSummary([
        sourceStats("remotive", 0, 2, ["timed out"]),
        sourceStats("arbeitnow", 0, 1, ["HTTP 500"]),
      ]),
    },
    { startedAt: new Date("2026-11-23T08:00:00Z"), summary: null },
  ]);
});

afterAll(async () => {
  await handle?.close();
});

describe("adminOverview", () => {
  it("is all zeros and empty lists for people on a fresh database", async () => {
    const overview = await adminOverview(handle.db);
    expect(overview.counts).toMatchObject({
      users: 0,
      profilesWithCv: 0,
      batches: 0,
      ratings: 0,
      applications: 0,
    });
    expect(Object.values(overview.counts.outcomes).every((n) => n === 0)).toBe(true);
    expect(overview.users).toEqual([]);
  });

  it("counts every user's figures, the runs, and each source's health", async () => {
    const db = handle.db;
    const [a, b, c] = ids;
    if (!a || !b || !c) throw new Error("no jobs");
    await saveProfile(db, "ana", { cv: { text: "Python and SQL", fileName: "cv.txt" } });
    await saveProfile(db, "bo", {});
    const [batch] = await db
      .insert(batches)
      .values({ userId: "ana", status: "locked" })
      .returning();
    if (!batch) throw new Error("no batch");
    await db.insert(batchJobs).values([
      { batchId: batch.id, jobId: a, position: 1, score: 1 },
      { batchId: batch.id, jobId: b, position: 2, score: 1 },
    ]);
    await db.insert(batches).values({ userId: "bo", status: "open" });
    await rateJob(db, "ana", { jobId: a, stars: 5 });
    await rateJob(db, "ana", { jobId: b, stars: 2 });
    await rateJob(db, "bo", { jobId: c, stars: 4 });
    await recordOutcome(db, "ana", { jobId: a, stage: "applied" });
    await recordOutcome(db, "ana", { jobId: a, stage: "interview1" });
    await recordOutcome(db, "ana", { jobId: b, stage: "applied" });
    await recordOutcome(db, "bo", { jobId: a, stage: "applied" });

    const overview = await adminOverview(db);
    expect(overview.counts).toEqual({
      users: 2,
      profilesWithCv: 1,
      batches: 2,
      ratings: 3,
      applications: 3,
      outcomes: {
        applied: 3,
        interview1: 1,
        interview2: 0,
        offer: 0,
        rejected: 0,
        no_response: 0,
        accepted: 0,
      },
      jobs: { live: ids.length - 1, expired: 1 },
    });

    expect(overview.users).toEqual([
      {
        userId: "ana",
        name: "ana",
        createdAt: expect.any(String),
        hasCv: true,
        batches: 1,
        ratings: 2,
        averageStars: 3.5,
        applications: 2,
      },
      {
        userId: "bo",
        name: "bo",
        createdAt: expect.any(String),
        hasCv: false,
        batches: 1,
        ratings: 1,
        averageStars: 4,
        applications: 1,
      },
    ]);

    // Newest first: the unfinished run, the failed one, the partial one, then the rest.
    const [running, failed, partial, ok, ...imports] = overview.runs;
    expect(running).toMatchObject({ status: "running", finishedAt: null, sources: 0 });
    expect(failed).toMatchObject({ status: "failed", kind: "ingest", errors: 3, sources: 2 });
    expect(failed?.messages).toEqual(["remotive: timed out", "arbeitnow: HTTP 500"]);
    expect(partial).toMatchObject({ status: "partial", fetched: 4, new: 4, errors: 1 });
    expect(partial?.messages).toEqual(["arbeitnow: HTTP 503 from arbeitnow.com"]);
    expect(ok).toMatchObject({
      status: "ok",
      durationMs: 2000,
      fetched: 15,
      new: 15,
      expired: 1,
      startedAt: "2026-11-02T08:00:00.000Z",
      finishedAt: "2026-11-02T08:00:02.000Z",
    });
    expect(imports.map((run) => [run.kind, run.status])).toEqual([
      ["import", "ok"],
      ["import", "ok"],
    ]);
    expect((await adminOverview(db, { runs: 2 })).runs).toHaveLength(2);

    const bySource = Object.fromEntries(overview.sources.map((s) => [s.source, s]));
    const half = Math.ceil(ids.length / 2);
    expect(bySource.remotive).toEqual({
      source: "remotive",
      label: "Remotive",
      liveJobs: half - 1,
      totalJobs: half,
      lastSuccessAt: "2026-11-09T08:00:03.000Z",
      lastRunAt: "2026-11-16T08:00:01.000Z",
      lastError: { at: "2026-11-16T08:00:01.000Z", message: "timed out" },
    });
    expect(bySource.arbeitnow).toMatchObject({
      liveJobs: 0,
      lastSuccessAt: "2026-11-02T08:00:02.000Z",
      lastError: { at: "2026-11-16T08:00:01.000Z", message: "HTTP 500" },
    });
    expect(bySource.import).toMatchObject({
      liveJobs: ids.length - half,
      lastRunAt: null,
      lastError: null,
    });
  });
});
