import type { OutcomeStage } from "../db/schema.ts";

/**
 * The reward scale of the learning loop, in one place. A rating gives 0 (1★) to 1 (5★) in
 * even steps. What happened to the application then counts on top, by the furthest stage it
 * reached: an interview is worth more than any rating, an offer most. A rejection or silence
 * adds nothing (the stars already said what the person thought of the job); applying adds a
 * little, since people apply to jobs they want.
 */
export const STAR_REWARD: Readonly<Record<1 | 2 | 3 | 4 | 5, number>> = {
  1: 0,
  2: 0.25,
  3: 0.5,
  4: 0.75,
  5: 1,
};

export const STAGE_REWARD: Readonly<Record<OutcomeStage, number>> = {
  applied: 0.25,
  interview1: 1.5,
  interview2: 2,
  offer: 3,
  accepted: 3,
  rejected: 0,
  no_response: 0,
};

export function starReward(stars: number): number {
  const whole = Math.min(5, Math.max(1, Math.round(stars))) as 1 | 2 | 3 | 4 | 5;
  return STAR_REWARD[whole];
}

/** The outcome part of a job's reward: the best stage reached (stages build on each other). */
export function outcomeReward(stages: readonly OutcomeStage[]): number {
  return stages.reduce((best, stage) => Math.max(best, STAGE_REWARD[stage]), 0);
}

/** A shown job's whole reward: its stars and the furthest stage its application reached. */
export function jobReward(stars: number, stages: readonly OutcomeStage[] = []): number {
  return starReward(stars) + outcomeReward(stages);
}

/** The star part of the scale for a predicted (fractional) number of stars, 1–5. */
export function expectedStarReward(stars: number): number {
  return (Math.min(5, Math.max(1, stars)) - 1) / 4;
}
