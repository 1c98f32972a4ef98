import { describe, expect, it } from "vitest";
import { inProcessSearch } from "./vector-search.ts";

function unitRows(count: number, dim: number, seed: number): Float32Array {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  const matrix = new Float32Array(count * dim).map(next);
  for (let row = 0; row < count; row++) {
    const v = matrix.subarray(row * dim, (row + 1) * dim);
    const norm = Math.hypot(...v);
    for (let d = 0; d < dim; d++) v[d] = (v[d] ?? 0) / norm;
  }
  return matrix;
}

describe("inProcessSearch (exact scan)", () => {
  const dim = 16;
  const matrix = unitRows(50, dim, 7);
  const ids = Array.from({ length: 50 }, (_, i) => 100 + i);

  it("finds a stored vector first, also when the query is a view into a larger array", async () => {
    const search = inProcessSearch({ ids, matrix }, dim);
    const view = matrix.subarray(17 * dim, 18 * dim);
    const hits = await search.search(view, 3);
    expect(hits[0]?.jobId).toBe(117);
    expect(hits[0]?.similarity).toBeCloseTo(1, 5);
    expect(await search.search(view.slice(), 3)).toEqual(hits);
  });

  it("reads vectors given as a view with an offset", async () => {
    const padded = new Float32Array(matrix.length + dim);
    padded.set(matrix, dim);
    const search = inProcessSearch({ ids, matrix: padded.subarray(dim) }, dim);
    const hits = await search.search(matrix.slice(30 * dim, 31 * dim), 1);
    expect(hits[0]?.jobId).toBe(130);
  });
});
