import { DqnPolicy, type PastBatch } from "./dqn.ts";
import {
  evaluateAdapter,
  MIN_DISLIKED_FOR_ADAPTER,
  MIN_LIKED_FOR_ADAPTER,
  saveAdapter,
  trainAdapter,
} from "./embedding-adapter.ts";
import { evaluateOnHeldOut } from "./evaluate-preferences.ts";
import type { RatingEvent } from "./history.ts";
import type { ModelKind } from "./model-store.ts";
import { fitTasteModel, MIN_RATINGS_TO_LEARN } from "./policy.ts";
import {
  MIN_RATINGS_FOR_LSTM,
  type PreferenceStep,
  savePreferenceModel,
  trainPreferenceModel,
} from "./preference-lstm.ts";
import { mixSeed, seededRandom } from "./random.ts";
import type { RatedJob } from "./taste.ts";

/**
 * The middle of training a person's models (train.ts): from what was read of the database,
 * decide what to train and train it, touching no database. Everything in and out is plain
 * data a worker thread can be posted (train-thread.ts).
 */

/** Rated batches a DQN needs: its transitions run from one batch into the next. */
export const MIN_BATCHES_FOR_DQN = 3;

/** What training one person needs, read from the database (train.ts `readTraining`). */
export interface TrainingInput {
  userId: string;
  /** Train even a model whose ratings and outcomes have not changed. */
  force: boolean;
  /** The person's ratings, oldest first, with their outcomes (history.ts `ratedJobs`). */
  events: RatingEvent[];
  /** The rated jobs as the policies learn from them, in the same order. */
  rated: RatedJob[];
  /** What the newest stored model of each kind was trained on (absent: none stored). */
  trainedOn: Partial<Record<ModelKind, string>>;
  /** The person's query vector: read only when the adapter is due and they have a profile. */
  profileQuery: Float32Array | null;
  /** The person's batches, oldest first, each its job ids in the order shown. */
  batches: number[][];
}

/** A trained model, ready to store (model-store.ts `saveModel`). */
export interface FittedModel {
  kind: ModelKind;
  ratings: number;
  trainingMs: number;
  metrics: Record<string, unknown>;
  params: unknown;
}

export interface TrainingOutput {
  ratings: number;
  /** In the order trained: taste bandit, preference LSTM, embedding adapter, batch DQN. */
  models: FittedModel[];
  /** Models not trained, and why (too few ratings, nothing new since the last version). */
  skipped: { kind: ModelKind; reason: string }[];
}

/** What the ratings say of each model: trained, or skipped and why (null: train it). */
export interface TrainingPlan {
  fingerprint: string;
  steps: PreferenceStep[];
  liked: Float32Array[];
  disliked: Float32Array[];
  past: PastBatch[];
  skip: Record<ModelKind, string | null>;
}

const UNCHANGED = "no new ratings or outcomes";

/** Decides what to train from what was read (everything but the profile's vector). */
export function planTraining(input: Omit<TrainingInput, "profileQuery">): TrainingPlan {
  const { events, rated } = input;
  const fingerprint = events.map((e) => `${e.jobId}:${e.stars}:${e.stages.join("+")}`).join(",");
  const unchanged = (kind: ModelKind) => !input.force && input.trainedOn[kind] === fingerprint;
  const skip = (kind: ModelKind, short: string | null) =>
    short ?? (unchanged(kind) ? UNCHANGED : null);

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
  const vectorsOf = (wanted: (stars: number) => boolean) =>
    steps.flatMap((s) => (wanted(s.stars) && s.traits.vector ? [s.traits.vector] : []));
  const liked = vectorsOf((stars) => stars >= 4);
  const disliked = vectorsOf((stars) => stars <= 2);

  // The DQN's transitions: each past batch's rated jobs, in the order shown.
  const byJob = new Map(rated.map((r) => [r.traits.jobId, r]));
  const past: PastBatch[] = input.batches.flatMap((jobIds) => {
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

  return {
    fingerprint,
    steps,
    liked,
    disliked,
    past,
    skip: {
      "taste-bandit": skip(
        "taste-bandit",
        rated.length < MIN_RATINGS_TO_LEARN
          ? `${rated.length} of the ${MIN_RATINGS_TO_LEARN} ratings it needs`
          : null,
      ),
      "preference-lstm": skip(
        "preference-lstm",
        steps.length < MIN_RATINGS_FOR_LSTM
          ? `${steps.length} of the ${MIN_RATINGS_FOR_LSTM} ratings it needs`
          : null,
      ),
      "embedding-adapter": skip(
        "embedding-adapter",
        liked.length < MIN_LIKED_FOR_ADAPTER || disliked.length < MIN_DISLIKED_FOR_ADAPTER
          ? `${liked.length} liked (≥4★) and ${disliked.length} disliked (≤2★) jobs of the ${MIN_LIKED_FOR_ADAPTER} of each it needs`
          : null,
      ),
      "batch-dqn": skip(
        "batch-dqn",
        past.length < MIN_BATCHES_FOR_DQN || rated.length < MIN_RATINGS_TO_LEARN
          ? `${past.length} rated batches of the ${MIN_BATCHES_FOR_DQN} it needs`
          : null,
      ),
    },
  };
}

/**
 * Trains the person's models that are due (the bandit's taste model once they have rated a few
 * jobs; the preference LSTM, with its held-out RMSE against baselines, once they have rated
 * enough; the embedding adapter once they have liked and disliked enough, when they have a
 * profile; the batch DQN once they have rated a few batches) and says why the others were
 * not. Pure compute: it runs as well in a worker thread (train-worker.ts).
 */
export async function fitTraining(input: TrainingInput): Promise<TrainingOutput> {
  const plan = planTraining(input);
  const { fingerprint, steps } = plan;
  const { rated } = input;
  const output: TrainingOutput = { ratings: rated.length, models: [], skipped: [] };
  const skipped = (kind: ModelKind) => {
    const reason = plan.skip[kind];
    if (reason !== null) output.skipped.push({ kind, reason });
    return reason !== null;
  };

  if (!skipped("taste-bandit")) {
    const started = performance.now();
    const { model } = fitTasteModel(rated);
    output.models.push({
      kind: "taste-bandit",
      ratings: rated.length,
      trainingMs: performance.now() - started,
      metrics: { fingerprint, noiseVariance: model.noiseVariance },
      params: { mean: Array.from(model.mean), covariance: Array.from(model.covariance) },
    });
  }

  if (!skipped("preference-lstm")) {
    // Held-out figures first (trained on the older 80%), then the model kept, on everything.
    const held = await evaluateOnHeldOut(steps);
    held.model.model.dispose();
    const trained = await trainPreferenceModel(steps);
    try {
      output.models.push({
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
    } finally {
      trained.model.dispose();
    }
  }

  // Without a profile there is nothing to adapt toward: no adapter, and nothing to say.
  if (!skipped("embedding-adapter") && input.profileQuery) {
    const query = input.profileQuery;
    const held = await evaluateAdapter(query, steps);
    const adapter = await trainAdapter({
      profile: query,
      liked: plan.liked,
      disliked: plan.disliked,
    });
    output.models.push({
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
  }

  if (!skipped("batch-dqn")) {
    const dqn = await fitDqn(rated, plan.past, fingerprint);
    if (dqn) output.models.push(dqn);
  }
  return output;
}

/**
 * The batch DQN, learned from the person's own past batches (each rated job a transition into
 * the next batch), used when `rank.policy` is "dqn".
 */
async function fitDqn(
  rated: readonly RatedJob[],
  past: readonly PastBatch[],
  fingerprint: string,
): Promise<FittedModel | null> {
  const started = performance.now();
  // Seeded by the ratings, so the same history trains the same network.
  const dqn = new DqnPolicy(seededRandom(mixSeed(rated.length, past.length)));
  try {
    const learned = await dqn.learnFromPast(past);
    const params = dqn.save();
    if (!params) return null;
    return {
      kind: "batch-dqn",
      ratings: rated.length,
      trainingMs: performance.now() - started,
      metrics: { fingerprint, batches: past.length, ...learned },
      params,
    };
  } finally {
    dqn.dispose();
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
