// Ranking metrics for `npm run eval`: pure functions over one ranked list at a time.

/** 1 / (1-based rank of the first relevant item), or 0 when none is relevant. */
export function reciprocalRank(relevant: readonly boolean[]): number {
  const index = relevant.indexOf(true);
  return index === -1 ? 0 : 1 / (index + 1);
}

/** Discount of the item at 0-based position `i`: 1 / log2(i + 2). */
function discount(i: number): number {
  return 1 / Math.log2(i + 2);
}

/**
 * nDCG@k with binary gains: `gains[i]` is 1 when the item ranked i+1 is relevant, 0 when
 * not (other values are used as given). DCG sums gain / log2(rank + 1) over the first k
 * ranks. The ideal DCG puts min(k, idealRelevantCount) relevant items at the top, so it
 * counts every relevant item of the collection, ranked or not. 0 when nothing is relevant.
 */
export function ndcgAtK(gains: readonly number[], k: number, idealRelevantCount: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (!(idealRelevantCount >= 0)) {
    throw new RangeError(`idealRelevantCount must be >= 0, got ${idealRelevantCount}`);
  }
  let ideal = 0;
  for (let i = 0; i < Math.min(k, idealRelevantCount); i++) ideal += discount(i);
  if (ideal === 0) return 0;
  let dcg = 0;
  for (let i = 0; i < Math.min(k, gains.length); i++) dcg += (gains[i] ?? 0) * discount(i);
  return dcg / ideal;
}

/** Arithmetic mean; NaN for an empty list. */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}
