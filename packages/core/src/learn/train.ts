import { sql } from "drizzle-orm";
import type { RankConfig } from "../config/config.ts";
import { type Database, resultRows } from "../db/client.ts";
import type { Embedder } from "../embed/embedder.ts";
import { getProfile } from "../profile/profile-store.ts";
import { profileQueryVector } from "../rank/rank-jobs.ts";
import { batchHistory, ratedJobs } from "./history.ts";
import { latestModels, MODEL_KINDS, type ModelKind, saveModel } from "./model-store.ts";
import { fitTraining, planTraining, type TrainingInput, type TrainingOutput } from "./train-fit.ts";
import { fitTrainingInThread } from "./train-thread.ts";

export { MIN_BATCHES_FOR_DQN } from "./train-fit.ts";

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

export interface TrainUserOptions {
  /** Train even a model whose ratings and outcomes have not changed. */
  force?: boolean;
  /**
   * Train in a worker thread (train-thread.ts), so this thread's event loop keeps serving
   * while TF.js computes; the database is read and written here all the same.
   */
  inThread?: boolean;
}

/**
 * Trains a user's models from their ratings and outcomes, each stored as a new version: the
 * bandit's taste model (a snapshot; batches refit it as they are made) once they have rated a
 * few jobs, the preference LSTM once they have rated enough, with its held-out RMSE against
 * baselines, the embedding adapter and the batch DQN (train-fit.ts). A model already trained
 * on the same ratings is kept unless `force`. In three steps: what it needs is read here, the
 * models are trained (here, or in the training thread with `inThread`), and stored here.
 */
/** The models trained with TF.js: worth a thread of their own. */
const TENSOR_MODELS = ["preference-lstm", "embedding-adapter", "batch-dqn"] as const;

export async function trainUser(
  db: Database,
  embedder: Embedder,
  userId: string,
  config: RankConfig,
  options: TrainUserOptions = {},
): Promise<UserTraining> {
  const input = await readTraining(db, embedder, userId, config, options);
  // The thread (and the TF.js engine it starts, ~150 MB until it stops idle) only for a
  // TF.js model that is due; the bandit alone, or nothing new, is quick here.
  const skip = planTraining(input).skip;
  const tensorModelDue = TENSOR_MODELS.some((kind) => skip[kind] === null);
  const output =
    options.inThread && tensorModelDue
      ? await fitTrainingInThread(input)
      : await fitTraining(input);
  return saveTraining(db, userId, output);
}

/**
 * What training a user's models needs, as plain data (a worker thread can be posted it): their
 * rated jobs and ratings, what their stored models were trained on, their batches, and their
 * profile's query vector when the embedding adapter is due.
 */
export async function readTraining(
  db: Database,
  embedder: Embedder,
  userId: string,
  config: RankConfig,
  options: { force?: boolean } = {},
): Promise<TrainingInput> {
  const { events, rated } = await ratedJobs(db, userId, embedder, config.weights);
  // What each stored model was trained on (their parameters are not needed to tell).
  const last = await latestModels(db, userId, MODEL_KINDS, { params: false });
  const trainedOn: TrainingInput["trainedOn"] = {};
  for (const [kind, model] of last) {
    const fingerprint = model.metrics.fingerprint;
    if (typeof fingerprint === "string") trainedOn[kind] = fingerprint;
  }
  const input: TrainingInput = {
    userId,
    force: options.force ?? false,
    events,
    rated,
    trainedOn,
    profileQuery: null,
    batches: await batchHistory(db, userId),
  };
  if (planTraining(input).skip["embedding-adapter"] === null) {
    const profile = await getProfile(db, userId);
    if (profile) input.profileQuery = await profileQueryVector(db, embedder, profile);
  }
  return input;
}

/** Stores each trained model as its next version, and sums up what was trained and skipped. */
export async function saveTraining(
  db: Database,
  userId: string,
  output: TrainingOutput,
): Promise<UserTraining> {
  const result: UserTraining = {
    userId,
    ratings: output.ratings,
    trained: [],
    skipped: output.skipped,
  };
  for (const model of output.models) {
    result.trained.push(summary(await saveModel(db, userId, model)));
  }
  return result;
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
    inThread?: boolean;
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
    results.push(
      await trainUser(db, embedder, userId, config, {
        force: options.force,
        inThread: options.inThread,
      }),
    );
    options.onUser?.(results.length, ids.length);
  }
  return results;
}
