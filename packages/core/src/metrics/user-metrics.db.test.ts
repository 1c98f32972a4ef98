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
});
