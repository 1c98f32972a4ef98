import { describe, expect, it } from "vitest";
import { mean, ndcgAtK, reciprocalRank } from "./metrics.ts";

describe("reciprocalRank", () => {
  it("is 1 / rank of the first relevant item", () => {
    expect(reciprocalRank([true, false, true])).toBe(1);
    expect(reciprocalRank([false, true])).toBe(0.5);
    expect(reciprocalRank([false, false, false, true, true])).toBe(0.25);
  });

  it("is 0 when nothing is relevant, or the list is empty", () => {
    expect(reciprocalRank([false, false])).toBe(0);
    expect(reciprocalRank([])).toBe(0);
  });
});

describe("ndcgAtK", () => {
  it("is 1 for a perfect ranking", () => {
    expect(ndcgAtK([1, 1, 0, 0], 10, 2)).toBe(1);
    expect(ndcgAtK([1, 1, 1], 2, 3)).toBe(1);
  });

  it("matches a hand-computed case", () => {
    // Relevant at ranks 2 and 4, 3 relevant in all, k = 5.
    // DCG  = 1/log2(3) + 1/log2(5)           = 0.63093 + 0.43068 = 1.06161
    // IDCG = 1/log2(2) + 1/log2(3) + 1/log2(4) = 1 + 0.63093 + 0.5 = 2.13093
    expect(ndcgAtK([0, 1, 0, 1, 0], 5, 3)).toBeCloseTo(1.06161 / 2.13093, 5);
    expect(ndcgAtK([0, 1, 0, 1, 0], 5, 3)).toBeCloseTo(0.49819, 5);
  });

  it("caps the ideal at k relevant items", () => {
    // 20 relevant in all, k = 2, ranks 1 and 2 relevant: DCG = IDCG.
    expect(ndcgAtK([1, 1, 0], 2, 20)).toBe(1);
    // Only rank 2 relevant: (1/log2 3) / (1 + 1/log2 3) = 0.63093 / 1.63093.
    expect(ndcgAtK([0, 1], 2, 20)).toBeCloseTo(0.38685, 5);
  });

  it("ignores items past k", () => {
    expect(ndcgAtK([0, 0, 1], 2, 1)).toBe(0);
    // One relevant item, at rank 3 of k = 3: (1/log2 4) / 1 = 0.5.
    expect(ndcgAtK([0, 0, 1, 1], 3, 1)).toBe(0.5);
  });

  it("counts relevant items never ranked in the ideal", () => {
    // Rank 1 relevant, a second relevant item exists but is not in the list.
    expect(ndcgAtK([1], 10, 2)).toBeCloseTo(1 / 1.63093, 5);
  });

  it("is 0 when nothing is relevant, and for an empty list", () => {
    expect(ndcgAtK([0, 0, 0], 10, 0)).toBe(0);
    expect(ndcgAtK([], 10, 3)).toBe(0);
  });

  it("rejects a k that is not a positive integer", () => {
    expect(() => ndcgAtK([1], 0, 1)).toThrow(RangeError);
    expect(() => ndcgAtK([1], 1.5, 1)).toThrow(RangeError);
  });
});

describe("mean", () => {
  it("averages", () => {
    expect(mean([1, 0.5, 0])).toBe(0.5);
    expect(mean([0.25])).toBe(0.25);
  });

  it("is NaN for no values", () => {
    expect(mean([])).toBeNaN();
  });
});
