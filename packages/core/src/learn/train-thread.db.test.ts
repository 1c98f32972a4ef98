// Training off the request path: one person's models trained in the training thread are the
// models trained inline (the deterministic ones to the number), while this thread's event loop
// keeps turning; a failure in the thread comes back as a rejection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declineApplications } from "../apply/applications.ts";
import { lockBatch, openBatch } from "../batch/batches.ts";
import { rateJob } from "../batch/ratings.ts";
import { type AuraConfig, configSchema } from "../config/config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { type Embedder, normalizeInPlace } from "../embed/embedder.ts";
import { listJobs } from "../jobs/store/list-jobs.ts";
import { embedAndIndex } from "../pipeline/embed-and-index.ts";
import { importPostings } from "../pipeline/import-postings.ts";
import { saveProfile } from "../profile/profile-store.ts";
import { dataScienceCv } from "../rank/rank-test-postings.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { MIN_DISLIKED_FOR_ADAPTER, MIN_LIKED_FOR_ADAPTER } from "./embedding-adapter.ts";
import { latestModel } from "./model-store.ts";
import { MIN_RATINGS_TO_LEARN } from "./policy.ts";
import { MIN_RATINGS_FOR_LSTM } from "./preference-lstm.ts";
import { readTraining, trainUser } from "./train.ts";
import { MIN_BATCHES_FOR_DQN, planTraining, type TrainingInput } from "./train-fit.ts";
import { closeTrainingThread, fitTrainingInThread } from "./train-thread.ts";

let handle: DatabaseHandle;

/** Worker threads this process runs now (its diagnostic report lists them). */
function workerThreads(): number {
  return (process.report.getReport() as { workers: unknown[] }).workers.length;
}
/**
 * Words hashed into 64 signed buckets: vectors that put like postings together, with no model
 * to load, and small enough that the training here takes seconds.
 */
const embedder: Embedder = {
  modelId: "test-hashing-64",
  dimension: 64,
  async embed(texts) {
    return texts.map((text) => {
      const vector = new Float32Array(64);
      for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
        let hash = 2166136261;
        for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
        vector[(hash >>> 1) % 64] = (vector[(hash >>> 1) % 64] ?? 0) + (hash & 1 ? 1 : -1);
      }
      return normalizeInPlace(vector);
    });
  },
};
const config: AuraConfig = configSchema.parse({});
const now = new Date("2026-11-25T12:00:00Z");
const USER = "threaded";

/**
 * Four kinds of work: the person loves data work, dislikes nursing and sales. Few loved jobs
 * keep the adapter's training (pairs of them) short.
 */
const themes = [
  {
    name: "data",
    count: 8,
    stars: 5,
    titles: ["Data Scientist", "Machine Learning Engineer", "Analytics Engineer"],
    text: "Build machine learning models in Python with pandas and SQL; run A/B tests and forecasts.",
  },
  {
    name: "nursing",
    count: 12,
    stars: 1,
    titles: ["Registered Nurse", "ICU Nurse", "Clinical Nurse"],
    text: "Provide patient care as a licensed RN; document visits in Epic EHR and follow HIPAA.",
  },
  {
    name: "sales",
    count: 12,
    stars: 2,
    titles: ["Account Executive", "Sales Representative", "Sales Manager"],
    text: "Own the sales cycle: prospecting, demos, negotiation and closing; manage Salesforce.",
  },
  {
    name: "design",
    count: 12,
    stars: 3,
    titles: ["Product Designer", "UX Designer", "Visual Designer"],
    text: "Design interfaces in Figma, run user research and build a design system.",
  },
];
const postings = themes.flatMap((theme) =>
  Array.from({ length: theme.count }, (_, i) => ({
    title: `${theme.titles[i % 3]} ${i + 1}`,
    company: `${theme.name} company ${i}`,
    url: `https://example.org/jobs/${theme.name}-${i}`,
    description: `${theme.text} Team ${i} of ${theme.name}, site ${i % 4}.`,
    location: i % 2 ? "Remote" : "Berlin, Germany",
    remote: i % 2 ? "remote" : "hybrid",
    ...(i % 3 === 0 ? { salaryMin: 60_000 + i * 5000, salaryMax: 80_000 + i * 5000 } : {}),
    currency: "USD",
    postedAt: `2026-11-${String(10 + (i % 10)).padStart(2, "0")}`,
  })),
);
const starsOf = (url: string) => themes.find((t) => url.includes(`/${t.name}-`))?.stars ?? 3;

beforeAll(async () => {
  handle = await createTestDatabase();
  await importPostings(handle.db, {
    content: postings.map((p) => JSON.stringify(p)).join("\n"),
    fileName: "jobs.jsonl",
  });
  await embedAndIndex(handle.db, embedder);
  await saveProfile(handle.db, USER, {
    cv: { text: dataScienceCv, fileName: "cv.txt" },
    preferences: { batchSize: 5 },
  });
  // Batches, each rated and locked (what the DQN learns from)...
  const batchJobs = new Set<number>();
  for (let cycle = 1; cycle <= MIN_BATCHES_FOR_DQN + 1; cycle++) {
    const { batch } = await openBatch(handle.db, embedder, USER, {
      config: config.rank,
      now,
      seed: cycle,
    });
    for (const { job } of batch.jobs) {
      batchJobs.add(job.id);
      await rateJob(handle.db, USER, { jobId: job.id, stars: starsOf(job.url) });
    }
    await lockBatch(handle.db, USER, batch.id);
    await declineApplications(handle.db, USER, batch.id);
  }
  // ...and jobs rated elsewhere, enough for the LSTM and the adapter.
  const { jobs } = await listJobs(handle.db, { limit: 100 });
  for (const job of jobs.filter((j) => !batchJobs.has(j.id)).slice(0, 12)) {
    await rateJob(handle.db, USER, { jobId: job.id, stars: starsOf(job.url) });
  }
}, 60_000);

/** A value's shape: each number array by its length, each object by its keys. */
function structure(value: unknown): unknown {
  if (Array.isArray(value) && value.every((v) => typeof v === "number")) return value.length;
  if (Array.isArray(value)) return value.map(structure);
  if (ArrayBuffer.isView(value)) return (value as Float32Array).length;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structure(v)]));
  }
  return typeof value;
}

afterAll(async () => {
  await closeTrainingThread();
  await handle?.close();
});

describe("training in a worker thread", () => {
  it("stores the models training inline stores, while the event loop keeps turning", async () => {
    const input = await readTraining(handle.db, embedder, USER, config.rank);
    expect(input.rated.length).toBeGreaterThanOrEqual(
      Math.max(MIN_RATINGS_FOR_LSTM, MIN_RATINGS_TO_LEARN),
    );
    const plan = planTraining(input);
    expect(plan.liked.length).toBeGreaterThanOrEqual(MIN_LIKED_FOR_ADAPTER);
    expect(plan.disliked.length).toBeGreaterThanOrEqual(MIN_DISLIKED_FOR_ADAPTER);
    expect(plan.past.length).toBeGreaterThanOrEqual(MIN_BATCHES_FOR_DQN);
    expect(input.profileQuery).toBeInstanceOf(Float32Array);
    const inline = await trainUser(handle.db, embedder, USER, config.rank);
    const kinds = ["taste-bandit", "preference-lstm", "embedding-adapter", "batch-dqn"] as const;
    expect(inline.trained.map((m) => m.kind)).toEqual(kinds);
    const inlineModels = await Promise.all(kinds.map((kind) => latestModel(handle.db, USER, kind)));

    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const threaded = await trainUser(handle.db, embedder, USER, config.rank, {
      force: true,
      inThread: true,
    });
    clearInterval(ticker);
    // While the thread trained, this thread's timers kept firing.
    expect(ticks).toBeGreaterThan(10);

    expect(threaded.ratings).toBe(inline.ratings);
    expect(threaded.skipped).toEqual(inline.skipped);
    expect(threaded.trained.map((m) => [m.kind, m.version])).toEqual(
      kinds.map((kind) => [kind, 2]),
    );
    const threadedModels = await Promise.all(
      kinds.map((kind) => latestModel(handle.db, USER, kind)),
    );
    for (const i of kinds.keys()) {
      const before = inlineModels[i];
      const after = threadedModels[i];
      expect(after?.ratings).toBe(before?.ratings);
      expect(after?.metrics.fingerprint).toBe(before?.metrics.fingerprint);
      expect(structure(after?.params)).toEqual(structure(before?.params));
    }
    // The bandit's model is exact and the adapter seeded: the same numbers. The LSTM's and the
    // DQN's initial weights come from TF.js's unseeded initializers (the DQN's replay draws are
    // seeded: the same transitions and updates).
    for (const kind of ["taste-bandit", "embedding-adapter"] as const) {
      const i = kinds.indexOf(kind);
      expect(threadedModels[i]?.params).toEqual(inlineModels[i]?.params);
      expect(threaded.trained[i]?.metrics).toEqual(inline.trained[i]?.metrics);
    }
    expect(threaded.trained[3]?.metrics).toEqual(inline.trained[3]?.metrics);

    // Nothing new since: every model is kept, and no thread is started to find that out.
    await closeTrainingThread();
    const threadsBefore = workerThreads();
    const again = await trainUser(handle.db, embedder, USER, config.rank, { inThread: true });
    expect(workerThreads()).toBe(threadsBefore);
    expect(again.trained).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(
      kinds.map(() => "no new ratings or outcomes"),
    );
  }, 60_000);

  it("rejects with the thread's error, and when the thread stops before it answers", async () => {
    await expect(fitTrainingInThread({} as TrainingInput)).rejects.toThrow(/undefined/);

    const input = await readTraining(handle.db, embedder, USER, config.rank, { force: true });
    const stopped = fitTrainingInThread(input);
    await closeTrainingThread();
    await expect(stopped).rejects.toThrow(/training thread stopped/);

    // The next call starts another thread.
    const few: TrainingInput = { ...input, rated: input.rated.slice(0, 3), batches: [] };
    const output = await fitTrainingInThread(few);
    expect(output.models).toEqual([]);
    expect(output.skipped[0]?.reason).toMatch(/3 of the 8 ratings/);
  }, 30_000);
});
