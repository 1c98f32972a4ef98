import { describe, expect, it } from "vitest";
import { createBm25Index } from "./bm25.ts";

const words = (text: string) => text.split(/\s+/).filter(Boolean);

// N = 3, lengths 2, 4, 1, avgdl = 7/3; df(x) = 2, df(y) = 1, df(z) = 2.
const docs = [
  { id: "a", text: "x y" },
  { id: "b", text: "x x z z" },
  { id: "c", text: "z" },
];

/** One term's BM25 contribution, written out for the hand computation. */
function part(tf: number, df: number, length: number): number {
  const n = 3;
  const avgdl = 7 / 3;
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * length) / avgdl));
}

describe("createBm25Index", () => {
  const index = createBm25Index(docs, { tokenize: words });

  it("scores with k1 = 1.2, b = 0.75 and idf = ln(1 + (N - df + .5) / (df + .5))", () => {
    const hits = index.scoreAll("x");
    expect(hits.map((h) => h.id)).toEqual(["b", "a", "c"]);
    expect(hits[0]?.score).toBeCloseTo(part(2, 2, 4), 10);
    expect(hits[1]?.score).toBeCloseTo(part(1, 2, 2), 10);
    // The same figures by hand: idf(x) = ln 1.6 = 0.470004.
    expect(hits[0]?.score).toBeCloseTo(0.538147, 5);
    expect(hits[1]?.score).toBeCloseTo(0.499176, 5);
    expect(hits[2]?.score).toBe(0);
  });

  it("sums over query terms, a rare term weighing more", () => {
    const hits = index.scoreAll("z y");
    expect(hits.map((h) => h.id)).toEqual(["a", "c", "b"]);
    expect(hits[0]?.score).toBeCloseTo(1.041708, 5); // y: idf ln(8/3) = 0.980829
    expect(hits[1]?.score).toBeCloseTo(0.613395, 5); // z in the shortest document
    expect(hits[2]?.score).toBeCloseTo(part(2, 2, 4), 10);
  });

  it("multiplies by the query term frequency by default, or not with queryTf binary", () => {
    const twice = index.scoreAll("x x");
    expect(twice[0]?.score).toBeCloseTo(2 * part(2, 2, 4), 10);
    const binary = createBm25Index(docs, { tokenize: words, queryTf: "binary" });
    expect(binary.scoreAll("x x")[0]?.score).toBeCloseTo(part(2, 2, 4), 10);
  });

  it("search returns ids best first, cut at topK, ties and zeros in input order", () => {
    expect(index.search("x")).toEqual(["b", "a", "c"]);
    expect(index.search("x", 2)).toEqual(["b", "a"]);
    expect(index.search("nothing")).toEqual(["a", "b", "c"]);
    expect(index.search("x", 0)).toEqual([]);
  });

  it("takes numeric ids and the default tokenizer (stemming, case, stopwords)", () => {
    const stemmed = createBm25Index([
      { id: 1, text: "Managing the sales team" },
      { id: 2, text: "Software engineering in TypeScript" },
    ]);
    expect(stemmed.size).toBe(2);
    expect(stemmed.search("Engineer who writes typescript", 1)).toEqual([2]);
    expect(stemmed.search("I manage a salesperson and SALES", 1)).toEqual([1]);
    expect(stemmed.scoreAll("the and of")[0]?.score).toBe(0);
  });

  it("handles an empty collection and rejects duplicate ids", () => {
    expect(createBm25Index([]).search("x")).toEqual([]);
    expect(() =>
      createBm25Index([
        { id: 1, text: "a" },
        { id: 1, text: "b" },
      ]),
    ).toThrow(/duplicate/);
  });
});
