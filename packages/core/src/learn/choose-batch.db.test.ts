import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declineApplications } from "../apply/applications.ts";
import { type Batch, lockBatch, openBatch } from "../batch/batches.ts";
import { listRatings, rateJob } from "../batch/ratings.ts";
import { type AuraConfig, configSchema, type RankConfig } from "../config/config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import type { Embedder } from "../embed/embedder.ts";
import { createUseLiteEmbedder } from "../embed/use-lite.ts";
import { embedAndIndex } from "../pipeline/embed-and-index.ts";
import { runIngest } from "../pipeline/run-ingest.ts";
import { getProfile, saveProfile } from "../profile/profile-store.ts";
import { rankJobs } from "../rank/rank-jobs.ts";
import { dataScienceCv } from "../rank/rank-test-postings.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { recordOutcome } from "../track/outcomes.ts";
import { loadJobTraits } from "./job-traits.ts";
import { latestModel } from "./model-store.ts";
import { trainUsers } from "./train.ts";

let handle: DatabaseHandle;
let embedder: Embedder;
const config: AuraConfig = configSchema.parse({});
const now = new Date("2026-11-25T12:00:00Z");
/** The skill the simulated person loves, which their CV never mentions (chosen from the data). */
let lovedSkill = "";

beforeAll(async () => {
  handle = await createTestDatabase();
  embedder = await createUseLiteEmbedder();
  await runIngest(handle.db, config, {
    sources: ["remoteok", "remotive", "jobicy"],
    offline: true,
    now,
  });
  await embedAndIndex(handle.db, embedder);
  for (const user of ["learner", "fixed"]) {
    await saveProfile(handle.db, user, {
      cv: { text: dataScienceCv, fileName: "cv.txt" },
      preferences: { batchSize: 5 },
    });
  }
  // The most common skill among the jobs the ranker does not put near the top for this CV.
  const profile = await getProfile(handle.db, "learner");
  if (!profile) throw new Error("no profile");
  const ranked = await rankJobs(handle.db, embedder, profile, {
    config: config.rank,
    top: 25,
    now,
  });
  const top = new Set(ranked.jobs.map((r) => r.job.id));
  const counts = new Map<string, number>();
  for (const job of await loadJobTraits(handle.db, embedder)) {
    if (top.has(job.jobId)) continue;
    for (const skill of job.skills) counts.set(skill, (counts.get(skill) ?? 0) + 1);
  }
  lovedSkill = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
}, 180_000);

afterAll(async () => {
  await handle?.close();
});

/** Rates every job of the batch: 5★ when it asks for the loved skill, else 1★; then locks. */
async function rateAndLock(user: string, batch: Batch): Promise<number> {
  let loved = 0;
  for (const { job } of batch.jobs) {
    const likes = job.skills.includes(lovedSkill);
    if (likes) loved++;
    await rateJob(handle.db, user, { jobId: job.id, stars: likes ? 5 : 1 });
  }
  await lockBatch(handle.db, user, batch.id);
  // The simulated person applies nowhere; saying so lets the next batch open.
  await declineApplications(handle.db, user, batch.id);
  return loved;
}

async function runCycles(user: string, rank: RankConfig, cycles: number) {
  const batches: Batch[] = [];
  const loved: number[] = [];
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const { batch } = await openBatch(handle.db, embedder, user, {
      config: rank,
      now,
      seed: cycle,
    });
    batches.push(batch);
    loved.push(await rateAndLock(user, batch));
  }
  return { batches, loved };
}

describe("the bandit batch policy", () => {
  it("learns a taste the CV never stated, where the ranker alone does not", async () => {
    expect(lovedSkill).not.toBe("");
    const cycles = 8;
    const learner = await runCycles("learner", { ...config.rank, policy: "bandit" }, cycles);
    const fixed = await runCycles("fixed", { ...config.rank, policy: "ranker" }, cycles);

    // Before any rating both see the ranker's best, and say so.
    expect(learner.batches[0]?.jobs.map((j) => j.job.id)).toEqual(
      fixed.batches[0]?.jobs.map((j) => j.job.id),
    );
    expect(learner.batches[0]?.jobs[0]?.why?.pick).toMatchObject({
      policy: "ranker",
      stretch: false,
    });

    // From the third batch on the learner is shown more jobs with the skill it loves.
    const later = (loved: number[]) => loved.slice(2).reduce((a, b) => a + b, 0);
    expect(later(learner.loved)).toBeGreaterThan(later(fixed.loved) + 3);
    expect(learner.batches.at(-1)?.jobs[0]?.why?.pick).toMatchObject({ policy: "bandit" });

    // At most one stretch pick per batch, each explained.
    for (const batch of learner.batches) {
      const stretches = batch.jobs.filter((j) => j.why?.pick?.stretch);
      expect(stretches.length).toBeLessThanOrEqual(1);
      for (const s of stretches) expect(s.why?.pick?.reason).toMatch(/^Stretch pick/);
    }
    // Never a job twice.
    const shown = learner.batches.flatMap((b) => b.jobs.map((j) => j.job.id));
    expect(new Set(shown).size).toBe(shown.length);
  }, 120_000);

  it("trains versioned models from the ratings, keeps them while nothing changes, and uses them", async () => {
    const first = await trainUsers(handle.db, embedder, config.rank, { userIds: ["learner"] });
    const [learner] = first;
    expect(learner?.ratings).toBe(40);
    expect(learner?.trained.map((m) => [m.kind, m.version])).toEqual([
      ["taste-bandit", 1],
      ["preference-lstm", 1],
      ["embedding-adapter", 1],
      ["batch-dqn", 1],
    ]);
    const dqn = learner?.trained.find((m) => m.kind === "batch-dqn");
    // 8 rated batches of 5: a transition per rated job, replayed.
    expect(dqn?.metrics).toMatchObject({ batches: 8, transitions: 40, updates: 200 });
    const adapter = learner?.trained.find((m) => m.kind === "embedding-adapter");
    const rr = adapter?.metrics.heldOutReciprocalRank as { before: number; after: number } | null;
    if (rr) {
      for (const value of [rr.before, rr.after]) {
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
    const lstm = learner?.trained.find((m) => m.kind === "preference-lstm");
    const rmse = lstm?.metrics.rmse as Record<string, number>;
    for (const name of ["lstm", "userMean", "linearOnSimilarity", "tasteModel"]) {
      expect(rmse[name]).toBeGreaterThan(0);
      expect(rmse[name]).toBeLessThan(4);
    }
    expect(lstm?.metrics.heldOut).toBe(8);

    // Nothing new: both kept. An outcome is new: both trained again, as version 2.
    const again = await trainUsers(handle.db, embedder, config.rank, { userIds: ["learner"] });
    expect(again[0]?.trained).toEqual([]);
    expect(again[0]?.skipped.map((s) => s.reason)).toEqual([
      "no new ratings or outcomes",
      "no new ratings or outcomes",
      "no new ratings or outcomes",
      "no new ratings or outcomes",
    ]);
    const liked = (await listRatings(handle.db, "learner")).find((r) => r.stars === 5);
    if (!liked) throw new Error("no liked job");
    await recordOutcome(handle.db, "learner", { jobId: liked.jobId, stage: "interview1" });
    const third = await trainUsers(handle.db, embedder, config.rank, { userIds: ["learner"] });
    expect(third[0]?.trained.map((m) => m.version)).toEqual([2, 2, 2, 2]);
    expect((await latestModel(handle.db, "learner", "preference-lstm"))?.version).toBe(2);

    // Too few ratings: nothing trained, and the reason said.
    await saveProfile(handle.db, "newcomer", { cv: { text: dataScienceCv, fileName: "cv.txt" } });
    const [newcomer] = await trainUsers(handle.db, embedder, config.rank, {
      userIds: ["newcomer"],
    });
    expect(newcomer?.trained).toEqual([]);
    expect(newcomer?.skipped[0]?.reason).toMatch(/0 of the 8 ratings/);

    // The next batch is made with the trained models loaded.
    const { batch } = await openBatch(handle.db, embedder, "learner", {
      config: config.rank,
      now,
      seed: 99,
    });
    expect(batch.jobs).toHaveLength(5);
    expect(batch.jobs[0]?.why?.pick?.policy).toBe("bandit");
  }, 120_000);

  it("chooses with the person's trained DQN under the dqn policy, and with the bandit until one is trained", async () => {
    const rank = { ...config.rank, policy: "dqn" as const };
    await saveProfile(handle.db, "dqn-learner", {
      cv: { text: dataScienceCv, fileName: "cv.txt" },
      preferences: { batchSize: 5 },
    });
    const { batches } = await runCycles("dqn-learner", rank, 4);
    expect(batches[0]?.jobs[0]?.why?.pick?.policy).toBe("ranker");
    // Rated, but no DQN trained yet: the bandit chooses.
    expect(batches[3]?.jobs[0]?.why?.pick?.policy).toBe("bandit");

    const [trained] = await trainUsers(handle.db, embedder, rank, { userIds: ["dqn-learner"] });
    expect(trained?.trained.find((m) => m.kind === "batch-dqn")?.metrics).toMatchObject({
      batches: 4,
      transitions: 20,
    });
    const { batch } = await openBatch(handle.db, embedder, "dqn-learner", {
      config: rank,
      now,
      seed: 7,
    });
    expect(batch.jobs).toHaveLength(5);
    for (const { why } of batch.jobs) expect(why?.pick?.policy).toBe("dqn");
    const shown = new Set(batches.flatMap((b) => b.jobs.map((j) => j.job.id)));
    for (const { job } of batch.jobs) expect(shown.has(job.id)).toBe(false);
    expect(batch.jobs.filter((j) => j.why?.pick?.stretch).length).toBeLessThanOrEqual(1);
  }, 120_000);
});
