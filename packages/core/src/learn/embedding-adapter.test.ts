import { describe, expect, it } from "vitest";
import { adapt, reciprocalRankOfLiked, trainAdapter } from "./embedding-adapter.ts";
import { seededRandom } from "./random.ts";

function unit(values: ArrayLike<number>): Float32Array {
  const v = Float32Array.from(values);
  const norm = Math.hypot(...v) || 1;
  for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / norm;
  return v;
}

describe("the embedding adapter", () => {
  // 48 dimensions. The profile points along dimension 0; the jobs the person likes share a
  // direction the profile does not show (dimension 1), the disliked ones are closer to it.
  const random = seededRandom(11);
  const noise = () => Array.from({ length: 48 }, () => 0.25 * random.normal());
  const job = (axis: number, profileShare: number) =>
    unit(noise().map((n, i) => n + (i === axis ? 1 : 0) + (i === 0 ? profileShare : 0)));
  const profile = unit(Array.from({ length: 48 }, (_, i) => (i === 0 ? 1 : 0)));
  const liked = Array.from({ length: 12 }, () => job(1, 0.3));
  const disliked = Array.from({ length: 20 }, () => job(2, 0.6));

  it("changes nothing before training, and brings liked jobs above disliked after", async () => {
    const untrained = {
      dimension: 48,
      rank: 16,
      u: new Float32Array(48 * 16),
      v: Float32Array.from({ length: 48 * 16 }, () => random.normal()),
    };
    const [same] = adapt(untrained, [liked[0] as Float32Array]);
    for (const [i, value] of (same ?? []).entries())
      expect(value).toBeCloseTo(liked[0]?.[i] ?? 0, 5);

    const adapter = await trainAdapter({
      profile,
      liked: liked.slice(0, 8),
      disliked: disliked.slice(0, 14),
    });
    // Held out: 4 liked and 6 disliked jobs never seen in training.
    const heldOut = [
      ...liked.slice(8).map((vector) => ({ vector, liked: true })),
      ...disliked.slice(14).map((vector) => ({ vector, liked: false })),
    ];
    const before = reciprocalRankOfLiked(profile, heldOut);
    const [query] = adapt(adapter, [profile]);
    const adapted = adapt(
      adapter,
      heldOut.map((j) => j.vector),
    ).map((vector, i) => ({ vector, liked: heldOut[i]?.liked ?? false }));
    const after = reciprocalRankOfLiked(query as Float32Array, adapted);
    expect(before).toBeLessThan(0.5);
    expect(after).toBe(1);
    expect(adapter.trainingMs).toBeGreaterThan(0);
  }, 60_000);
});
