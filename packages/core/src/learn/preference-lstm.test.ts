import { describe, expect, it } from "vitest";
import {
  loadPreferenceModel,
  type PreferenceStep,
  predictEachStep,
  predictStars,
  principalAxes,
  ratingVector,
  type SavedPreferenceModel,
  savePreferenceModel,
  trainPreferenceModel,
} from "./preference-lstm.ts";
import { seededRandom } from "./random.ts";

function unitVector(random: ReturnType<typeof seededRandom>, size = 64): Float32Array {
  const v = Float32Array.from({ length: size }, () => random.normal());
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

function step(jobId: number, vector: Float32Array, stars: number): PreferenceStep {
  return {
    traits: {
      jobId,
      vector,
      skills: [],
      companyKey: `company-${jobId}`,
      remote: "unknown",
      seniority: null,
      salaryUsd: null,
    },
    rankerMatch: 0.5,
    stars,
    aspects: [null, stars * 2, null, null],
  };
}

/**
 * A person whose stars follow their previous one, not the job: after a high rating a low
 * one and after a low one a high one (a contrast effect), with a random rating now and then.
 * No feature of the job says anything; only the order of ratings does.
 */
function contrastHistory(count: number, seed: number): PreferenceStep[] {
  const random = seededRandom(seed);
  const steps: PreferenceStep[] = [];
  let previous = 1 + random.below(5);
  for (let i = 0; i < count; i++) {
    const stars = random.next() < 0.1 ? 1 + random.below(5) : 6 - previous;
    steps.push(step(i + 1, unitVector(random), stars));
    previous = stars;
  }
  return steps;
}

const rmse = (predicted: readonly number[], actual: readonly number[]) =>
  Math.sqrt(predicted.reduce((sum, p, i) => sum + (p - (actual[i] ?? 0)) ** 2, 0) / actual.length);

describe("rating vectors", () => {
  it("scale stars and details to -1..1 and read missing details from the stars", () => {
    expect(ratingVector({ stars: 5, aspects: [10, 1, null, null] })).toEqual([1, 1, -1, 1, 1]);
    expect(ratingVector({ stars: 3, aspects: [] })).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("principal axes", () => {
  it("find the direction the vectors spread along first", () => {
    const random = seededRandom(3);
    const vectors = Array.from({ length: 60 }, () => {
      const v = Float32Array.from({ length: 16 }, () => 0.1 * random.normal());
      v[5] = 3 * random.normal();
      return v;
    });
    const { axes } = principalAxes(vectors, 2);
    expect(Math.abs(axes[0]?.[5] ?? 0)).toBeGreaterThan(0.99);
    expect(Math.abs(axes[1]?.[5] ?? 1)).toBeLessThan(0.1);
  });
});

describe("the preference LSTM", () => {
  it("learns what the order of ratings says, where the bandit's estimate cannot, and survives being stored", async () => {
    const steps = contrastHistory(200, 4);
    const cut = 160;
    const trained = await trainPreferenceModel(steps.slice(0, cut));
    expect(trained.trust).toBeGreaterThan(0.5);
    const predicted = predictEachStep(trained, steps, cut);
    const actual = steps.slice(cut).map((s) => s.stars);
    const mean = steps.slice(0, cut).reduce((sum, s) => sum + s.stars, 0) / cut;
    expect(rmse(predicted, actual)).toBeLessThan(
      0.6 *
        rmse(
          actual.map(() => mean),
          actual,
        ),
    );
    for (const stars of predicted) {
      expect(stars).toBeGreaterThanOrEqual(1);
      expect(stars).toBeLessThanOrEqual(5);
    }

    // After a 5★ the next job is expected low, after a 1★ high, whatever the job.
    const candidate = step(999, unitVector(seededRandom(9)), 3);
    const afterHigh = predictStars(
      trained,
      [candidate],
      [...steps.slice(0, 40), step(1000, unitVector(seededRandom(10)), 5)],
    );
    const afterLow = predictStars(
      trained,
      [candidate],
      [...steps.slice(0, 40), step(1000, unitVector(seededRandom(10)), 1)],
    );
    expect((afterLow[0]?.stars ?? 0) - (afterHigh[0]?.stars ?? 0)).toBeGreaterThan(1.5);

    const saved = JSON.parse(JSON.stringify(savePreferenceModel(trained)));
    const loaded = await loadPreferenceModel(saved);
    if (!loaded) throw new Error("the stored model did not load");
    const again = predictEachStep(loaded, steps, cut);
    for (const [i, value] of again.entries()) expect(value).toBeCloseTo(predicted[i] ?? 0, 4);
    trained.model.dispose();
    loaded.model.dispose();
  }, 60_000);

  it("does not trust a network that only memorized: on noise it predicts as the bandit does", async () => {
    const random = seededRandom(7);
    const steps = Array.from({ length: 120 }, (_, i) =>
      step(i + 1, unitVector(random), 1 + random.below(5)),
    );
    const trained = await trainPreferenceModel(steps);
    expect(trained.trust).toBeLessThan(0.3);
    const candidates = Array.from({ length: 5 }, (_, i) => step(500 + i, unitVector(random), 3));
    for (const { stars, banditStars } of predictStars(trained, candidates)) {
      expect(Math.abs(stars - banditStars)).toBeLessThan(0.3);
    }
    trained.model.dispose();
  }, 60_000);

  it("asks for retraining when a model was stored by an earlier design", async () => {
    const older = { inputDimension: 512, weights: [] } as unknown as SavedPreferenceModel;
    expect(await loadPreferenceModel(older)).toBeNull();
  });
});
