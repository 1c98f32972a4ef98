import { mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateJob } from "../batch/ratings.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { batches, batchJobs, jobs } from "../db/schema.ts";
import { STAGE_REWARD, starReward } from "../learn/reward.ts";
import { importPostings } from "../pipeline/import-postings.ts";
import { saveProfile } from "../profile/profile-store.ts";
import { rankTestPostingsJsonl } from "../rank/rank-test-postings.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { recordOutcome } from "../track/outcomes.ts";
import { userMetrics, weekOf, writeMetricsFile } from "./user-metrics.ts";

let handle: DatabaseHandle;
let ids: number[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  await importPostings(handle.db, { content: rankTestPostingsJsonl, fileName: "jobs.jsonl" });
  ids = (await handle.db.select({ id: jobs.id }).from(jobs).orderBy(jobs.id)).map((r) => r.id);
  await saveProfile(handle.db, "wei", {});
});

afterAll(async () => {
  await handle?.close();
});

describe("weekOf", () => {
  it("is the Monday of the week, in UTC", () => {
    expect(weekOf(new Date("2026-12-06T23:30:00Z"))).toBe("2026-11-30"); // a Sunday
    expect(weekOf(new Date("2026-11-30T00:00:00Z"))).toBe("2026-11-30"); // the Monday
    expect(weekOf(new Date("2026-12-01T12:00:00Z"))).toBe("2026-11-30");
  });
});

describe("userMetrics", () => {
  it("reports each week's batches, stars, match and reward, and the reward so far", async () => {
    const db = handle.db;
    const [a, b, c] = ids;
    if (!a || !b || !c) throw new Error("no jobs");
    // Week 1: a batch of two jobs, rated 5★ and 2★.
    const [first] = await db
      .insert(batches)
      .values({ userId: "wei", status: "locked", createdAt: new Date("2026-11-17T09:00:00Z") })
      .returning();
    if (!first) throw new Error("no batch");
    await db.insert(batchJobs).values([
      { batchId: first.id, jobId: a, position: 1, score: 4, why: { match: 0.8 } },
      { batchId: first.id, jobId: b, position: 2, score: 3, why: { match: 0.6 } },
    ]);
    await rateJob(db, "wei", { jobId: a, stars: 5 });
    await rateJob(db, "wei", { jobId: b, stars: 2 });
    await db.execute(
      sql`UPDATE ratings SET updated_at = '2026-11-18T10:00:00Z' WHERE user_id = 'wei'`,
    );
    // Week 2: a 4★ rating; the 5★ job's application reaches a first interview, then is
    // rejected (which adds nothing on top of the interview).
    await rateJob(db, "wei", { jobId: c, stars: 4 });
    await db.execute(
      sql`UPDATE ratings SET updated_at = '2026-11-25T10:00:00Z' WHERE user_id = 'wei' AND job_id = ${c}`,
    );
    await recordOutcome(db, "wei", {
      jobId: a,
      stage: "applied",
      occurredAt: "2026-11-24T10:00:00Z",
    });
    await recordOutcome(db, "wei", {
      jobId: a,
      stage: "interview1",
      occurredAt: "2026-11-26T10:00:00Z",
    });
    await recordOutcome(db, "wei", {
      jobId: a,
      stage: "rejected",
      occurredAt: "2026-11-27T10:00:00Z",
    });

    const metrics = await userMetrics(db, "wei");
    expect(metrics.ratings).toEqual({ count: 3, averageStars: 3.667 });
    expect(metrics.outcomes).toEqual({ applied: 1, interview1: 1, rejected: 1 });
    expect(metrics.weeks.map((w) => w.week)).toEqual(["2026-11-16", "2026-11-23"]);
    const [w1, w2] = metrics.weeks;
    expect(w1).toMatchObject({ batches: 1, ratings: 2, averageStars: 3.5, averageMatch: 0.7 });
    expect(w1?.reward).toBeCloseTo(starReward(5) + starReward(2), 6);
    expect(w2).toMatchObject({ batches: 0, ratings: 1, averageStars: 4, averageMatch: null });
    expect(w2?.reward).toBeCloseTo(starReward(4) + STAGE_REWARD.interview1, 6);
    expect(w2?.cumulativeReward).toBeCloseTo((w1?.reward ?? 0) + (w2?.reward ?? 0), 6);
    // No CV: every skill of the liked jobs is missing from it.
    expect(w1?.skillGapIndex).toBe(1);
    expect(w2?.skillGapIndex).toBe(1);
    expect(metrics.weeks.map((w) => w.skillGapMeasured)).toEqual([true, true]);
    // Per batch: the 5★ and 2★ jobs of the first batch (the 4★ job was in none).
    expect(metrics.perBatch).toEqual([
      {
        batchId: first.id,
        number: 1,
        createdAt: "2026-11-17T09:00:00.000Z",
        status: "locked",
        jobs: 2,
        rated: 2,
        averageStars: 3.5,
        shareHigh: 0.5,
        averageMatch: 0.7,
      },
    ]);
    // The one application reached an interview before its rejection.
    expect(metrics.funnel).toEqual({ applied: 1, interview: 1, offer: 0 });
  });

  it("writes every user's metrics to metrics.json", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aura-metrics-"));
    const file = await writeMetricsFile(handle.db, dir);
    expect(file).toBe(path.join(dir, "metrics.json"));
    const written = JSON.parse(await readFile(file, "utf8"));
    expect(written.users.map((u: { userId: string }) => u.userId)).toEqual(["wei"]);
    expect(written.users[0].weeks).toHaveLength(2);
    expect(Date.parse(written.generatedAt)).not.toBeNaN();
  });

  it("counts each application once at the furthest step it reached, and every batch", async () => {
    const db = handle.db;
    const [a, b, c, d] = ids;
    if (!a || !b || !c || !d) throw new Error("no jobs");
    await saveProfile(db, "zoe", {});
    const [older, newer] = await db
      .insert(batches)
      .values([
        { userId: "zoe", status: "locked", createdAt: new Date("2026-11-10T09:00:00Z") },
        { userId: "zoe", status: "open", createdAt: new Date("2026-11-20T09:00:00Z") },
      ])
      .returning();
    if (!older || !newer) throw new Error("no batches");
    await db.insert(batchJobs).values([
      { batchId: older.id, jobId: a, position: 1, score: 4, why: { match: 0.9 } },
      { batchId: older.id, jobId: b, position: 2, score: 3, why: { match: 0.5 } },
      { batchId: older.id, jobId: c, position: 3, score: 2, why: null },
      { batchId: newer.id, jobId: d, position: 1, score: 4, why: { match: 0.4 } },
    ]);
    await rateJob(db, "zoe", { jobId: a, stars: 5 });
    await rateJob(db, "zoe", { jobId: b, stars: 4 });
    await rateJob(db, "zoe", { jobId: c, stars: 1 });
    // a: applied only; b: applied → second interview → offer; c: accepted at once (still an
    // application and an offer); d: applied, then silence.
    const stages: [number, string][] = [
      [a, "applied"],
      [b, "applied"],
      [b, "interview2"],
      [b, "offer"],
      [c, "accepted"],
      [d, "applied"],
      [d, "no_response"],
    ];
    for (const [jobId, stage] of stages) await recordOutcome(db, "zoe", { jobId, stage });

    const metrics = await userMetrics(db, "zoe");
    expect(metrics.funnel).toEqual({ applied: 4, interview: 2, offer: 2 });
    expect(metrics.outcomes).toMatchObject({ applied: 3, offer: 1, accepted: 1, no_response: 1 });
    expect(metrics.perBatch.map((batch) => batch.batchId)).toEqual([older.id, newer.id]);
    expect(metrics.perBatch.map((batch) => batch.number)).toEqual([1, 2]);
    const [first, second] = metrics.perBatch;
    expect(first).toMatchObject({
      status: "locked",
      jobs: 3,
      rated: 3,
      averageStars: 3.333,
      shareHigh: 0.667,
      averageMatch: 0.7,
    });
    // The open batch's one job is not rated yet: no stars, no share, but its match.
    expect(second).toMatchObject({
      status: "open",
      jobs: 1,
      rated: 0,
      averageStars: null,
      shareHigh: null,
      averageMatch: 0.4,
    });
    // Someone with nothing yet gets empty lists and a zero funnel.
    // The batches' weeks have no rating: no liked job to measure the gap on. This week has.
    const byWeek = new Map(metrics.weeks.map((w) => [w.week, w]));
    expect(byWeek.get("2026-11-09")).toMatchObject({ skillGapMeasured: false, skillGapIndex: 0 });
    expect(byWeek.get(weekOf(new Date()))).toMatchObject({ skillGapMeasured: true, ratings: 3 });
    const nobody = await userMetrics(db, "nobody");
    expect(nobody.perBatch).toEqual([]);
    expect(nobody.funnel).toEqual({ applied: 0, interview: 0, offer: 0 });
  });
});
