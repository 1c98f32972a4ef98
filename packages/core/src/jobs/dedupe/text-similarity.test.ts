import { describe, expect, it } from "vitest";
import { htmlToText } from "../normalize/html-to-text.ts";
import { type HimalayasJob, recorded } from "../normalize/test-samples.ts";
import { textSimilarity } from "./text-similarity.ts";

const jobs = recorded<{ jobs: HimalayasJob[] }>("himalayas-corpus.json").jobs;
const textOf = (i: number) => htmlToText(jobs[i]?.description ?? "");

describe("textSimilarity", () => {
  it("is 1 for the same text, whatever the case and punctuation", () => {
    const text = "We are hiring a senior engineer to build our payments platform.";
    expect(textSimilarity(text, text)).toBe(1);
    expect(textSimilarity(text, text.toUpperCase().replace(/[.,]/g, " ; "))).toBe(1);
  });

  it("is 0 when either text has fewer than 5 words", () => {
    expect(textSimilarity("one two three four", "one two three four")).toBe(0);
    expect(textSimilarity("", "a b c d e f")).toBe(0);
  });

  it("is 0 for unrelated texts", () => {
    expect(
      textSimilarity("the quick brown fox jumps over", "lorem ipsum dolor sit amet consectetur"),
    ).toBe(0);
  });

  it("scores a truncated copy (a board keeping ~800 characters) near 1", () => {
    const full = textOf(0);
    const truncated = full.slice(0, 800);
    expect(full.length).toBeGreaterThan(2000);
    expect(textSimilarity(full, truncated)).toBeGreaterThan(0.95);
    expect(textSimilarity(truncated, full)).toBe(textSimilarity(full, truncated));
  });

  it("scores a copy with added boilerplate high", () => {
    const full = textOf(1);
    const boiled = `Apply now on our site! ${full}\n\nWe are an equal opportunity employer and value diversity at our company. Originally posted on another board.`;
    expect(textSimilarity(full, boiled)).toBeGreaterThan(0.95);
  });

  it("scores two different real postings low", () => {
    for (let i = 2; i < 12; i++)
      expect(textSimilarity(textOf(i), textOf(i + 20))).toBeLessThan(0.3);
  });

  it("is fast for 20 KB texts", () => {
    const a = Array.from({ length: 3500 }, (_, i) => `word${i % 997}`).join(" ");
    const b = `${a.slice(100)} extra words at the end here`;
    const started = performance.now();
    const score = textSimilarity(a, b);
    expect(performance.now() - started).toBeLessThan(100);
    expect(score).toBeGreaterThan(0.9);
  });
});
