import { fitLinearModel, predictMean } from "./linear-model.ts";
import { fitTasteModel } from "./policy.ts";
import {
  type PreferenceStep,
  predictEachStep,
  type TrainedPreferenceModel,
  trainPreferenceModel,
} from "./preference-lstm.ts";
import { starReward } from "./reward.ts";
import type { RatedJob } from "./taste.ts";

export interface HeldOutRmse {
  /** Ratings trained on and held out (the last share, in the order given). */
  trained: number;
  heldOut: number;
  /** Root mean squared error in stars of each predictor on the held-out ratings. */
  lstm: number;
  userMean: number;
  linearOnSimilarity: number;
  /** The bandit's Bayesian taste model (for comparison). */
  tasteModel: number;
  trainingMs: number;
}

/** Root mean square of prediction errors. */
export const rmse = (errors: readonly number[]) =>
  Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0) / Math.max(1, errors.length));
const clampStars = (value: number) => Math.min(5, Math.max(1, value));

/**
 * Trains the preference model on the first (1 − `heldOutShare`) of a history and scores each
 * later rating from the ratings before it, against simple baselines: the person's mean, and a
 * linear model of stars on the ranker's match (its similarity to the profile).
 */
export async function evaluateOnHeldOut(
  steps: readonly PreferenceStep[],
  options: { heldOutShare?: number; epochs?: number } = {},
): Promise<HeldOutRmse & { model: TrainedPreferenceModel }> {
  const cut = Math.max(1, Math.round(steps.length * (1 - (options.heldOutShare ?? 0.2))));
  const train = steps.slice(0, cut);
  const test = steps.slice(cut);
  const model = await trainPreferenceModel(train, { epochs: options.epochs });

  const meanStars = train.reduce((sum, s) => sum + s.stars, 0) / train.length;
  const matchOf = (s: PreferenceStep) => s.rankerMatch ?? 0.5;
  const linear = fitLinearModel(
    train.map((s) => [1, matchOf(s)]),
    train.map((s) => s.stars),
    { priorMean: [meanStars, 0], priorPrecision: [0.01, 0.01] },
  );
  const errors = {
    lstm: [] as number[],
    mean: [] as number[],
    linear: [] as number[],
    taste: [] as number[],
  };
  const predicted = predictEachStep(model, steps, cut);
  test.forEach((step, i) => {
    const before: RatedJob[] = steps.slice(0, cut + i).map((s) => ({
      traits: s.traits,
      reward: starReward(s.stars),
      rankerMatch: s.rankerMatch,
    }));
    const { evidence, model: taste } = fitTasteModel(before);
    // The taste model predicts reward on the 0–1 star scale: back to stars.
    const tasteStars = 1 + 4 * predictMean(taste, evidence.features(step.traits, matchOf(step)));
    errors.lstm.push((predicted[i] ?? meanStars) - step.stars);
    errors.mean.push(meanStars - step.stars);
    errors.linear.push(clampStars(predictMean(linear, [1, matchOf(step)])) - step.stars);
    errors.taste.push(clampStars(tasteStars) - step.stars);
  });
  return {
    trained: train.length,
    heldOut: test.length,
    lstm: rmse(errors.lstm),
    userMean: rmse(errors.mean),
    linearOnSimilarity: rmse(errors.linear),
    tasteModel: rmse(errors.taste),
    trainingMs: model.trainingMs,
    model,
  };
}
