import { describe, expect, it } from "vitest";
import { topK } from "./lexical-index.ts";

describe("topK", () => {
  const byScoreThenId = (a: { score: number; id: number }, b: { score: number; id: number }) =>
    b.score - a.score || a.id - b.id;

  it("keeps the first k as a full sort orders them, ties broken the same way", () => {
    // A fixed linear congruential sequence: the same items on every run.
    let state = 7;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    for (const [n, k] of [
      [0, 5],
      [3, 5],
      [50, 10],
      [2_000, 100],
      [500, 500],
    ] as const) {
      // Few distinct scores: many ties.
      const items = Array.from({ length: n }, (_, id) => ({
        id,
        score: Math.floor(random() * 20),
      }));
      const expected = [...items].sort(byScoreThenId).slice(0, k);
      expect(topK(items, k, byScoreThenId)).toEqual(expected);
    }
  });

  it("returns nothing for k ≤ 0", () => {
    expect(topK([{ id: 1, score: 1 }], 0, byScoreThenId)).toEqual([]);
  });
});
