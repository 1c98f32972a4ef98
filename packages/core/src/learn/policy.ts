import { dot } from "../shared/vectors.ts";
import {
  fitLinearModel,
  type LinearModel,
  predictMean,
  predictSpread,
  sampleWeights,
} from "./linear-model.ts";
import type { SeededRandom } from "./random.ts";
import { type JobTraits, type RatedJob, TASTE_FEATURES, TasteEvidence } from "./taste.ts";

/**
 * How a batch is chosen. `ranker`: the ranker's best, as before any learning. `bandit`: a
 * Bayesian linear model of the person's rewards over the taste features (taste.ts), with one
 * Thompson-sampled stretch pick per batch. `random`: a baseline for the simulator.
 */
export const POLICY_NAMES = ["random", "ranker", "bandit"] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

/** A job the policy may pick: its traits and the ranker's match (score over its best). */
export interface PoolJob {
  traits: JobTraits;
  rankerMatch: number;
  /** Expected reward above the person's mean from another model (the preference LSTM), if any. */
  bonus?: number;
}

export interface Pick {
  jobId: number;
  /** Chosen to learn (one slot per batch at most), not as one of the best bets. */
  stretch: boolean;
  /** The model's expected reward (0–1 stars scale, more with outcomes), when it has one. */
  predictedReward: number | null;
  /** One line on why the policy picked it, when that is not the ranker's own reason. */
  reason: string | null;
}

export interface SelectBatchInput {
  pool: readonly PoolJob[];
  rated: readonly RatedJob[];
  size: number;
  policy: PolicyName;
  random: SeededRandom;
}

/**
 * The learning policy's pool: the ranker's best, the unseen neighbours of each of the (up to
 * 8) best-rewarded rated jobs, and a random sample of the rest, so a taste the CV never showed
 * can still be met.
 */
export const POOL_FROM_RANKER = 60;
export const POOL_NEAR_EACH_LIKED = 10;
export const POOL_RANDOM = 40;

/** Ratings before the bandit trusts its own model over the ranker, and starts to explore. */
export const MIN_RATINGS_TO_LEARN = 8;

/** Prior: the untrained model ranks as the ranker does, and reads each taste at face value. */
const PRIOR_MEAN: Record<(typeof TASTE_FEATURES)[number], number> = {
  bias: 0.1,
  ranker: 1,
  nearRated: 1,
  skills: 1,
  company: 1,
  workMode: 1,
  level: 1,
  pay: 0,
  payStated: 0,
};
const PRIOR_PRECISION: Record<(typeof TASTE_FEATURES)[number], number> = {
  bias: 1,
  ranker: 4,
  nearRated: 2,
  skills: 2,
  company: 2,
  workMode: 2,
  level: 2,
  pay: 4,
  payStated: 4,
};

/** The bandit's model of one person, fitted on their rated jobs (leave-one-out features). */
export function fitTasteModel(rated: readonly RatedJob[]): {
  evidence: TasteEvidence;
  model: LinearModel;
} {
  const evidence = new TasteEvidence(rated);
  const rows = rated.map((r, i) => evidence.features(r.traits, r.rankerMatch ?? 0.5, i));
  const model = fitLinearModel(
    rows,
    rated.map((r) => r.reward),
    {
      priorMean: TASTE_FEATURES.map((name) => PRIOR_MEAN[name]),
      priorPrecision: TASTE_FEATURES.map((name) => PRIOR_PRECISION[name]),
      noiseVariance: 0.1,
    },
  );
  return { evidence, model };
}

/** Picks `size` jobs of the pool (fewer if the pool is smaller), best bets first. */
export function selectBatch(input: SelectBatchInput): Pick[] {
  const size = Math.max(0, Math.min(input.size, input.pool.length));
  if (size === 0) return [];
  switch (input.policy) {
    case "random": {
      const order = [...input.pool];
      for (let i = order.length - 1; i > 0; i--) {
        const j = input.random.below(i + 1);
        [order[i], order[j]] = [order[j] as PoolJob, order[i] as PoolJob];
      }
      return order.slice(0, size).map((job) => plain(job.traits.jobId));
    }
    case "ranker":
      return [...input.pool]
        .sort((a, b) => b.rankerMatch - a.rankerMatch || a.traits.jobId - b.traits.jobId)
        .slice(0, size)
        .map((job) => plain(job.traits.jobId));
    case "bandit":
      return banditBatch(input, size);
  }
}

function plain(jobId: number): Pick {
  return { jobId, stretch: false, predictedReward: null, reason: null };
}

function banditBatch(input: SelectBatchInput, size: number): Pick[] {
  const { evidence, model } = fitTasteModel(input.rated);
  const learned = input.rated.length >= MIN_RATINGS_TO_LEARN;
  const scored = input.pool.map((job) => {
    const x = evidence.features(job.traits, job.rankerMatch);
    return { job, x, mean: predictMean(model, x) + (job.bonus ?? 0) };
  });
  if (!learned) {
    return input.pool
      .map((job) => job)
      .sort((a, b) => b.rankerMatch - a.rankerMatch || a.traits.jobId - b.traits.jobId)
      .slice(0, size)
      .map((job) => plain(job.traits.jobId));
  }
  scored.sort((a, b) => b.mean - a.mean || a.job.traits.jobId - b.job.traits.jobId);
  const explore = size >= 2;
  const best = scored.slice(0, explore ? size - 1 : size);
  const picks: Pick[] = best.map((s) => ({
    jobId: s.job.traits.jobId,
    stretch: false,
    predictedReward: round(s.mean),
    reason: bestBetReason(evidence, s.job.traits, s.x),
  }));
  if (explore) {
    const rest = scored.slice(size - 1);
    const sampled = sampleWeights(model, input.random);
    let stretch = rest[0];
    let top = Number.NEGATIVE_INFINITY;
    for (const s of rest) {
      const value = dot(sampled, s.x) + (s.job.bonus ?? 0);
      if (value > top) {
        top = value;
        stretch = s;
      }
    }
    // Thompson sampling explores only while the model is unsure: when the sampled weights
    // still prefer the next best bet, the last slot is a best bet too.
    if (stretch && stretch === rest[0]) {
      picks.push({
        jobId: stretch.job.traits.jobId,
        stretch: false,
        predictedReward: round(stretch.mean),
        reason: bestBetReason(evidence, stretch.job.traits, stretch.x),
      });
    } else if (stretch) {
      picks.push({
        jobId: stretch.job.traits.jobId,
        stretch: true,
        predictedReward: round(stretch.mean),
        reason: stretchReason(evidence, stretch.job.traits, predictSpread(model, stretch.x)),
      });
    }
  }
  return picks;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The taste feature that lifted a best bet most, in words. */
function bestBetReason(evidence: TasteEvidence, traits: JobTraits, x: number[]): string | null {
  const taste = [
    { value: x[2] ?? 0, text: "close to jobs you rated highly" },
    { value: x[3] ?? 0, text: "skills you rated highly in other jobs" },
    { value: x[4] ?? 0, text: "a company you rated highly" },
    { value: x[5] ?? 0, text: `${traits.remote} work, which you rated highly` },
    { value: x[6] ?? 0, text: `${traits.seniority} level, which you rated highly` },
  ].sort((a, b) => b.value - a.value)[0];
  if (!taste || taste.value < 0.05 || evidence.rated.length === 0) return null;
  return `Learned from your ratings: ${taste.text}.`;
}

function stretchReason(evidence: TasteEvidence, traits: JobTraits, spread: number): string {
  const parts: string[] = [];
  const skills = evidence.unseenSkills(traits).slice(0, 3);
  if (skills.length > 0) parts.push(`skills you have not rated yet (${skills.join(", ")})`);
  if (traits.remote !== "unknown" && !evidence.hasSeenMode(traits.remote)) {
    parts.push(`${traits.remote} work, which you have not rated yet`);
  }
  const closest = evidence.closestRated(traits.vector);
  if (closest < 0.6) parts.push("unlike the jobs you have rated so far");
  const what = parts.length > 0 ? parts.join("; ") : "a job AURA is unsure about for you";
  return `Stretch pick, chosen to learn your taste: ${what}. Your rating tells AURA whether to show more like it (uncertainty ±${spread.toFixed(2)}).`;
}
