import { sql } from "drizzle-orm";
import type { RankConfig } from "../config/config.ts";
import { type Database, resultRows } from "../db/client.ts";
import type { Embedder } from "../embed/embedder.ts";
import { getProfile } from "../profile/profile-store.ts";
import { profileQueryVector } from "../rank/rank-jobs.ts";
import {
  evaluateAdapter,
  MIN_DISLIKED_FOR_ADAPTER,
  MIN_LIKED_FOR_ADAPTER,
  saveAdapter,
  trainAdapter,
} from "./embedding-adapter.ts";
import { evaluateOnHeldOut, type HistoryStep } from "./evaluate-preferences.ts";
import { ratedJobs } from "./history.ts";
import { latestModel, type ModelKind, saveModel } from "./model-store.ts";
import { fitTasteModel, MIN_RATINGS_TO_LEARN } from "./policy.ts";
import {
  MIN_RATINGS_FOR_LSTM,
  savePreferenceModel,
  trainPreferenceModel,
} from "./preference-lstm.ts";

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
  const unchanged = async (kind: ModelKind) => {
    const last = await latestModel(db, userId, kind);
    return !options.force && last?.metrics.fingerprint === fingerprint;
  };

  if (rated.length < MIN_RATINGS_TO_LEARN) {
    result.skipped.push({
      kind: "taste-bandit",
      reason: `${rated.length} of the ${MIN_RATINGS_TO_LEARN} ratings it needs`,
    });
  } else if (await unchanged("taste-bandit")) {
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

  const steps: HistoryStep[] = rated.flatMap((r) => {
    const event = events.find((e) => e.jobId === r.traits.jobId);
    if (!r.traits.vector || !event) return [];
    return [
      {
        vector: r.traits.vector,
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
  } else if (await unchanged("preference-lstm")) {
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
  const liked = steps.filter((s) => s.stars >= 4).map((s) => s.vector);
  const disliked = steps.filter((s) => s.stars <= 2).map((s) => s.vector);
  if (liked.length < MIN_LIKED_FOR_ADAPTER || disliked.length < MIN_DISLIKED_FOR_ADAPTER) {
    result.skipped.push({
      kind: "embedding-adapter",
      reason: `${liked.length} liked (≥4★) and ${disliked.length} disliked (≤2★) jobs of the ${MIN_LIKED_FOR_ADAPTER} of each it needs`,
    });
  } else if (await unchanged("embedding-adapter")) {
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
  return result;
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
