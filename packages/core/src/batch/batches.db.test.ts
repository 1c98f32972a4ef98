import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declineApplications } from "../apply/applications.ts";
import { configSchema } from "../config/config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { batches, ratings } from "../db/schema.ts";
import type { Embedder } from "../embed/embedder.ts";
import { createUseLiteEmbedder } from "../embed/use-lite.ts";
import { AppError } from "../errors.ts";
import { embedAndIndex } from "../pipeline/embed-and-index.ts";
import { importPostings } from "../pipeline/import-postings.ts";
import { saveProfile } from "../profile/profile-store.ts";
import { dataScienceCv, rankTestPostingsJsonl, salesCv } from "../rank/rank-test-postings.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { listOutcomes, recordOutcome } from "../track/outcomes.ts";
import { currentBatch, getBatch, listBatches, lockBatch, openBatch } from "./batches.ts";
import { listRatings, rateJob } from "./ratings.ts";

let handle: DatabaseHandle;
let embedder: Embedder;
const config = configSchema.parse({}).rank;
const now = new Date("2026-11-25T12:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  embedder = await createUseLiteEmbedder();
  await importPostings(handle.db, { content: rankTestPostingsJsonl, fileName: "jobs.jsonl", now });
  await embedAndIndex(handle.db, embedder);
  await saveProfile(handle.db, "ana", {
    cv: { text: dataScienceCv, fileName: "cv.txt" },
    preferences: { batchSize: 3 },
  });
  await saveProfile(handle.db, "bo", {
    cv: { text: salesCv, fileName: "cv.txt" },
    preferences: { batchSize: 2 },
  });
});

afterAll(async () => {
  await handle?.close();
});

async function openBatchOf(userId: string) {
  const batch = await currentBatch(handle.db, userId);
  if (!batch) throw new Error(`${userId} has no open batch`);
  return batch;
}

async function jobInBatch(userId: string, index: number): Promise<number> {
  const id = (await openBatchOf(userId)).jobs[index]?.job.id;
  if (id === undefined) throw new Error(`${userId}'s batch has no job #${index}`);
  return id;
}

async function expectAppError(promise: Promise<unknown>, code: string, field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (field !== undefined) expect((error as AppError).field).toBe(field);
}

describe("batches", () => {
  it("opens one batch of the preferences' size with the ranker's best jobs, and returns it again", async () => {
    const first = await openBatch(handle.db, embedder, "ana", { config, now });
    expect(first.created).toBe(true);
    expect(first.batch.jobs.map((j) => j.position)).toEqual([1, 2, 3]);
    expect(first.batch.jobs[0]?.job.title).toBe("Senior Data Scientist");
    expect(first.batch.complete).toBe(false);
    // The ranker's reasons are kept with the batch, and read back with it.
    expect(first.batch.jobs[0]?.why?.matchedSkills).toEqual(expect.arrayContaining(["Python"]));
    const again = await openBatch(handle.db, embedder, "ana", { config, now });
    expect(again.created).toBe(false);
    expect(again.batch.id).toBe(first.batch.id);
    expect(again.batch.jobs[0]?.why).toEqual(first.batch.jobs[0]?.why);
    expect((await currentBatch(handle.db, "ana"))?.id).toBe(first.batch.id);
  });

  it("makes one batch when two requests race", async () => {
    const [a, b] = await Promise.all([
      openBatch(handle.db, embedder, "bo", { config, now }),
      openBatch(handle.db, embedder, "bo", { config, now }),
    ]);
    expect(a.batch.id).toBe(b.batch.id);
    const [open] = await handle.db
      .select({ n: count() })
      .from(batches)
      .where(eq(batches.userId, "bo"));
    expect(open?.n).toBe(1);
  });

  it("locks only when every job is rated, then the next batch leaves rated jobs out", async () => {
    const batch = await openBatchOf("ana");
    const [j1, j2, j3] = batch.jobs.map((j) => j.job.id);
    await rateJob(handle.db, "ana", { jobId: j1, stars: 5, fit: 9 });
    await rateJob(handle.db, "ana", { jobId: j2, stars: 2 });
    await expectAppError(lockBatch(handle.db, "ana", batch.id), "conflict", "ratings");
    expect((await getBatch(handle.db, "ana", batch.id)).status).toBe("open");
    await rateJob(handle.db, "ana", { jobId: j3, stars: 4, comment: "good team" });
    const locked = await lockBatch(handle.db, "ana", batch.id);
    expect(locked.status).toBe("locked");
    expect(locked.complete).toBe(true);
    expect((await lockBatch(handle.db, "ana", batch.id)).lockedAt).toBe(locked.lockedAt);
    expect(await currentBatch(handle.db, "ana")).toBeNull();

    // Two jobs were liked: the next batch waits until an application is confirmed or declined.
    await expectAppError(
      openBatch(handle.db, embedder, "ana", { config, now }),
      "conflict",
      "applications",
    );
    await declineApplications(handle.db, "ana", batch.id);
    const next = await openBatch(handle.db, embedder, "ana", { config, now });
    expect(next.created).toBe(true);
    const nextIds = next.batch.jobs.map((j) => j.job.id);
    expect(nextIds).toHaveLength(3);
    for (const id of [j1, j2, j3]) expect(nextIds).not.toContain(id);
    expect((await listBatches(handle.db, "ana")).map((b) => b.status)).toEqual(["open", "locked"]);
  });

  it("keeps users apart: another user's batch is not found and cannot be locked", async () => {
    const anas = await openBatchOf("ana");
    await expectAppError(getBatch(handle.db, "bo", anas.id), "not_found");
    await expectAppError(lockBatch(handle.db, "bo", anas.id), "not_found");
    expect((await getBatch(handle.db, "ana", anas.id)).status).toBe("open");
  });

  it("asks for a profile before the first batch", async () => {
    await expectAppError(
      openBatch(handle.db, embedder, "nobody", { config, now }),
      "conflict",
      "cv",
    );
  });
});

describe("ratings", () => {
  it("upserts one rating per user and job", async () => {
    const before = await listRatings(handle.db, "bo");
    const jobId = await jobInBatch("bo", 0);
    await rateJob(handle.db, "bo", { jobId, stars: 1 });
    const updated = await rateJob(handle.db, "bo", { jobId, stars: 4, interest: 7 });
    expect(updated).toMatchObject({ jobId, stars: 4, interest: 7, fit: null });
    const after = await listRatings(handle.db, "bo");
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((r) => r.jobId === jobId)?.stars).toBe(4);
  });

  it("rejects bad ratings naming the field, writing nothing", async () => {
    const jobId = await jobInBatch("bo", 1);
    const [{ n: before } = { n: 0 }] = await handle.db.select({ n: count() }).from(ratings);
    await expectAppError(rateJob(handle.db, "bo", { jobId, stars: 0 }), "invalid_input", "stars");
    await expectAppError(rateJob(handle.db, "bo", { jobId, stars: 6 }), "invalid_input", "stars");
    await expectAppError(rateJob(handle.db, "bo", { jobId, stars: 3.5 }), "invalid_input", "stars");
    await expectAppError(rateJob(handle.db, "bo", { jobId, stars: "5" }), "invalid_input", "stars");
    await expectAppError(rateJob(handle.db, "bo", { stars: 3 }), "invalid_input", "jobId");
    await expectAppError(
      rateJob(handle.db, "bo", { jobId, stars: 3, fit: 11 }),
      "invalid_input",
      "fit",
    );
    await expectAppError(
      rateJob(handle.db, "bo", { jobId, stars: 3, mood: "x" }),
      "invalid_input",
      "mood",
    );
    await expectAppError(
      rateJob(handle.db, "bo", { jobId: 999999, stars: 3 }),
      "not_found",
      "jobId",
    );
    const [{ n: after } = { n: 0 }] = await handle.db.select({ n: count() }).from(ratings);
    expect(after).toBe(before);
  });
});

describe("outcomes", () => {
  it("records the stages of an application, newest first, per user", async () => {
    const jobId = await jobInBatch("bo", 0);
    await recordOutcome(handle.db, "bo", {
      jobId,
      stage: "applied",
      occurredAt: "2026-11-20T09:00:00Z",
    });
    await recordOutcome(handle.db, "bo", {
      jobId,
      stage: "interview1",
      notes: "call with the hiring manager",
      occurredAt: "2026-11-24T15:00:00Z",
    });
    const list = await listOutcomes(handle.db, "bo", { jobId });
    expect(list.map((o) => o.stage)).toEqual(["interview1", "applied"]);
    expect(list[0]?.notes).toBe("call with the hiring manager");
    expect(await listOutcomes(handle.db, "ana", { jobId })).toEqual([]);
  });

  it("rejects an unknown stage or date, naming the field", async () => {
    const jobId = await jobInBatch("bo", 0);
    await expectAppError(
      recordOutcome(handle.db, "bo", { jobId, stage: "hired" }),
      "invalid_input",
      "stage",
    );
    await expectAppError(
      recordOutcome(handle.db, "bo", { jobId, stage: "offer", occurredAt: "yesterday" }),
      "invalid_input",
      "occurredAt",
    );
  });
});
