import { sql } from "drizzle-orm";
import type { RankConfig } from "../config/config.ts";
import { type Database, resultRows } from "../db/client.ts";
import type { Embedder } from "../embed/embedder.ts";
import { getProfile } from "../profile/profile-store.ts";
import { profileQueryVector } from "../rank/rank-jobs.ts";
import { DqnPolicy, type PastBatch } from "./dqn.ts";
import {
  evaluateAdapter,
  MIN_DISLIKED_FOR_ADAPTER,
  MIN_LIKED_FOR_ADAPTER,
  saveAdapter,
  trainAdapter,
} from "./embedding-adapter.ts";
import { evaluateOnHeldOut } from "./evaluate-preferences.ts";
import { batchHistory, ratedJobs } from "./history.ts";
import { latestModels, MODEL_KINDS, type ModelKind, saveModel } from "./model-store.ts";
import { fitTasteModel, MIN_RATINGS_TO_LEARN } from "./policy.ts";
import {
  MIN_RATINGS_FOR_LSTM,
  type PreferenceStep,
  savePreferenceModel,
  trainPreferenceModel,
} from "./preference-lstm.ts";
import { mixSeed, seededRandom } from "./random.ts";
import type { RatedJob } from "./taste.ts";

export interface TrainedModelSummary {
  kind: ModelKind;
  version: number;
  ratings: number;
  trainingMs: number;
  metrics: Record<string, unknown>;
}

export interface UserTraining {
  userId: string;
  ratings: number;
  trained: TrainedModelSummary[];
  /** Models not trained, and why (too few ratings, nothing new since the last version). */
  skipped: { kind: ModelKind; reason: string }[];
}

/**
 * Trains a user's models from their ratings and outcomes, each stored as a new version: the
 * bandit's taste model (a snapshot; batches refit it as they are made) once they have rated a
 * few jobs, and the preference LSTM once they have rated enough, with its held-out RMSE
 * against baselines. A model already trained on the same ratings is kept unless `force`.
 */
export async function trainUser(
  db: Database,
  embedder: Embedder,
  userId: string,
  config: RankConfig,
  options: { force?: boolean } = {},
): Promise<UserTraining> {
  const { events, rated } = await ratedJobs(db, userId, embedder, config.weights);
  const result: UserTraining = { userId, ratings: rated.length, trained: [], skipped: [] };
  const fingerprint = events.map((e) => `${e.jobId}:${e.stars}:${e.stages.join("+")}`).join(",");
  // What each stored model was trained on (their parameters are not needed to tell).
  const last = await latestModels(db, userId, MODEL_KINDS, { params: false });
  const unchanged = (kind: ModelKind) =>
    !options.force && last.get(kind)?.metrics.fingerprint === fingerprint;

  if (rated.length < MIN_RATINGS_TO_LEARN) {
    result.skipped.push({
      kind: "taste-bandit",
      reason: `${rated.length} of the ${MIN_RATINGS_TO_LEARN} ratings it needs`,
    });
  } else if (unchanged("taste-bandit")) {
    result.skipped.push({ kind: "taste-bandit", reason: "no new ratings or outcomes" });
  } else {
    const started = performance.now();
    const { model } = fitTasteModel(rated);
    const stored = await saveModel(db, userId, {
      kind: "taste-bandit",
      ratings: rated.length,
      trainingMs: performance.now() - started,
      metrics: { fingerprint, noiseVariance: model.noiseVariance },
      params: { mean: Array.from(model.mean), covariance: Array.from(model.covariance) },
    });
    result.trained.push(summary(stored));
  }

  const steps: PreferenceStep[] = rated.flatMap((r) => {
    const event = events.find((e) => e.jobId === r.traits.jobId);
    if (!r.traits.vector || !event) return [];
    return [
      {
        stars: event.stars,
        aspects: event.aspects,
        traits: r.traits,
        rankerMatch: r.rankerMatch,
      },
    ];
  });
  if (steps.length < MIN_RATINGS_FOR_LSTM) {
    result.skipped.push({
      kind: "preference-lstm",
      reason: `${steps.length} of the ${MIN_RATINGS_FOR_LSTM} ratings it needs`,
    });
  } else if (unchanged("preference-lstm")) {
    result.skipped.push({ kind: "preference-lstm", reason: "no new ratings or outcomes" });
  } else {
    // Held-out figures first (trained on the older 80%), then the model kept, on everything.
    const held = await evaluateOnHeldOut(steps);
    held.model.model.dispose();
    const trained = await trainPreferenceModel(steps);
    const stored = await saveModel(db, userId, {
      kind: "preference-lstm",
      ratings: steps.length,
      trainingMs: trained.trainingMs,
      metrics: {
        fingerprint,
        heldOut: held.heldOut,
        trust: round(trained.trust),
        rmse: {
          lstm: round(held.lstm),
          userMean: round(held.userMean),
          linearOnSimilarity: round(held.linearOnSimilarity),
          tasteModel: round(held.tasteModel),
        },
      },
      params: savePreferenceModel(trained),
    });
    trained.model.dispose();
    result.trained.push(summary(stored));
  }
  const vectorsOf = (wanted: (stars: number) => boolean) =>
    steps.flatMap((s) => (wanted(s.stars) && s.traits.vector ? [s.traits.vector] : []));
  const liked = vectorsOf((stars) => stars >= 4);
  const disliked = vectorsOf((stars) => stars <= 2);
  if (liked.length < MIN_LIKED_FOR_ADAPTER || disliked.length < MIN_DISLIKED_FOR_ADAPTER) {
    result.skipped.push({
      kind: "embedding-adapter",
      reason: `${liked.length} liked (≥4★) and ${disliked.length} disliked (≤2★) jobs of the ${MIN_LIKED_FOR_ADAPTER} of each it needs`,
    });
  } else if (unchanged("embedding-adapter")) {
    result.skipped.push({ kind: "embedding-adapter", reason: "no new ratings or outcomes" });
  } else {
    const profile = await getProfile(db, userId);
    if (profile) {
      const query = await profileQueryVector(db, embedder, profile);
      const held = await evaluateAdapter(query, steps);
      const adapter = await trainAdapter({ profile: query, liked, disliked });
      const stored = await saveModel(db, userId, {
        kind: "embedding-adapter",
        ratings: steps.length,
        trainingMs: adapter.trainingMs,
        metrics: {
          fingerprint,
          heldOutReciprocalRank: held
            ? { before: round(held.before), after: round(held.after) }
            : null,
        },
        params: saveAdapter(adapter),
      });
      result.trained.push(summary(stored));
    }
  }
  await trainDqn(db, userId, rated, fingerprint, result, unchanged);
  return result;
}

/** Rated batches a DQN needs: its transitions run from one batch into the next. */
export const MIN_BATCHES_FOR_DQN = 3;

/**
 * The batch DQN, learned from the person's own past batches (each rated job a transition into
 * the next batch), used when `rank.policy` is "dqn".
 */
async function trainDqn(
  db: Database,
  userId: string,
  rated: readonly RatedJob[],
  fingerprint: string,
  result: UserTraining,
  unchanged: (kind: ModelKind) => boolean,
): Promise<void> {
  const byJob = new Map(rated.map((r) => [r.traits.jobId, r]));
  const past: PastBatch[] = (await batchHistory(db, userId)).flatMap((jobIds) => {
    const jobs = jobIds.flatMap((id) => {
      const r = byJob.get(id);
      return r ? [r] : [];
    });
    if (jobs.length === 0) return [];
    return [
      {
        jobs: jobs.map((r) => ({ traits: r.traits, rankerMatch: r.rankerMatch ?? 0.5 })),
        rewards: new Map(jobs.map((r) => [r.traits.jobId, r.reward])),
      },
    ];
  });
  if (past.length < MIN_BATCHES_FOR_DQN || rated.length < MIN_RATINGS_TO_LEARN) {
    result.skipped.push({
      kind: "batch-dqn",
      reason: `${past.length} rated batches of the ${MIN_BATCHES_FOR_DQN} it needs`,
    });
    return;
  }
  if (unchanged("batch-dqn")) {
    result.skipped.push({ kind: "batch-dqn", reason: "no new ratings or outcomes" });
    return;
  }
  const started = performance.now();
  // Seeded by the ratings, so the same history trains the same network.
  const dqn = new DqnPolicy(seededRandom(mixSeed(rated.length, past.length)));
  try {
    const learned = await dqn.learnFromPast(past);
    const params = dqn.save();
    if (!params) return;
    const stored = await saveModel(db, userId, {
      kind: "batch-dqn",
      ratings: rated.length,
      trainingMs: performance.now() - started,
      metrics: { fingerprint, batches: past.length, ...learned },
      params,
    });
    result.trained.push(summary(stored));
  } finally {
    dqn.dispose();
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function summary(stored: {
  kind: ModelKind;
  version: number;
  ratings: number;
  trainingMs: number;
  metrics: Record<string, unknown>;
}): TrainedModelSummary {
  const { fingerprint: _fingerprint, ...metrics } = stored.metrics;
  return {
    kind: stored.kind,
    version: stored.version,
    ratings: stored.ratings,
    trainingMs: stored.trainingMs,
    metrics,
  };
}

/** Trains every user who has rated a job (or only `userIds`). */
export async function trainUsers(
  db: Database,
  embedder: Embedder,
  config: RankConfig,
  options: {
    userIds?: readonly string[];
    force?: boolean;
    onUser?: (done: number, total: number) => void;
  } = {},
): Promise<UserTraining[]> {
  const ids =
    options.userIds ??
    resultRows<{ user_id: string }>(
      await db.execute(sql`SELECT DISTINCT user_id FROM ratings ORDER BY user_id`),
    ).map((row) => row.user_id);
  const results: UserTraining[] = [];
  for (const userId of ids) {
    results.push(await trainUser(db, embedder, userId, config, { force: options.force }));
    options.onUser?.(results.length, ids.length);
  }
  return results;
}
