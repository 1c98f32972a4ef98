import { describe, expect, it } from "vitest";
import {
  loadPreferenceModel,
  type PreferenceStep,
  predictStars,
  ratingVector,
  savePreferenceModel,
  trainPreferenceModel,
} from "./preference-lstm.ts";
import { seededRandom } from "./random.ts";

/** Jobs in 64 dimensions; the person's stars follow the job's first coordinate, plus noise. */
function history(count: number, seed: number): PreferenceStep[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: 64 }, () => random.normal());
    const norm = Math.hypot(...v);
    for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / norm;
    const taste = (v[0] ?? 0) * 8; // about ±1
    const stars = Math.min(5, Math.max(1, Math.round(3 + 1.6 * taste + 0.3 * random.normal())));
    return { vector: v, stars, aspects: [null, stars * 2, null, null] };
  });
}

describe("rating vectors", () => {
  it("scale stars and details to -1..1 and read missing details from the stars", () => {
    expect(ratingVector({ stars: 5, aspects: [10, 1, null, null] })).toEqual([1, 1, -1, 1, 1]);
    expect(ratingVector({ stars: 3, aspects: [] })).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("the preference LSTM", () => {
  it("learns a taste from the job vectors, beats the mean, and survives being stored", async () => {
    const steps = history(200, 4);
    const train = steps.slice(0, 160);
    const test = steps.slice(160);
    const trained = await trainPreferenceModel(train);
    const predicted = predictStars(
      trained,
      test.map((s) => s.vector),
    );
    const mean = train.reduce((sum, s) => sum + s.stars, 0) / train.length;
    const rmse = (values: number[]) =>
      Math.sqrt(
        values.reduce((sum, v, i) => sum + (v - (test[i]?.stars ?? 0)) ** 2, 0) / test.length,
      );
    expect(rmse(predicted)).toBeLessThan(0.8 * rmse(test.map(() => mean)));
    for (const stars of predicted) {
      expect(stars).toBeGreaterThanOrEqual(1);
      expect(stars).toBeLessThanOrEqual(5);
    }

    const saved = JSON.parse(JSON.stringify(savePreferenceModel(trained)));
    const loaded = await loadPreferenceModel(saved);
    const again = predictStars(
      loaded,
      test.map((s) => s.vector),
      trained.history,
    );
    for (const [i, value] of again.entries()) expect(value).toBeCloseTo(predicted[i] ?? 0, 4);
    trained.model.dispose();
    loaded.model.dispose();
  }, 60_000);
});
