import { describe, expect, it } from "vitest";
import { chunkText } from "./chunk.ts";

const words = (text: string) => text.split(/\s+/).filter(Boolean);

function sentence(i: number, length: number): string {
  return `${Array.from({ length: length - 1 }, (_, k) => `W${i}x${k}`).join(" ")} end${i}.`;
}

describe("chunkText", () => {
  it("gives no chunks for empty or whitespace-only text", () => {
    expect(chunkText("")).toEqual([]);
    expect(chunkText(" \n\n \t")).toEqual([]);
  });

  it("keeps a short text whole, with whitespace collapsed", () => {
    expect(chunkText("We hire  engineers.\nRemote   first.")).toEqual([
      "We hire engineers. Remote first.",
    ]);
  });

  it("cuts between sentences, at most maxWords each, keeping every word in order", () => {
    const text = Array.from({ length: 12 }, (_, i) => sentence(i, 15)).join(" ");
    const chunks = chunkText(text, 80);
    expect(chunks.length).toBe(3);
    for (const chunk of chunks) {
      expect(words(chunk).length).toBeLessThanOrEqual(80);
      expect(chunk).toMatch(/end\d+\.$/);
    }
    expect(words(chunks.join(" "))).toEqual(words(text));
  });

  it("cuts a sentence longer than maxWords by words", () => {
    const chunks = chunkText(sentence(0, 200), 80);
    expect(chunks.map((chunk) => words(chunk).length)).toEqual([80, 80, 40]);
  });

  it("starts a new chunk at a paragraph once the current one is half full", () => {
    const text = `${sentence(1, 50)}\n\n${sentence(2, 20)}\n\n${sentence(3, 10)}`;
    expect(chunkText(text, 80).map((chunk) => words(chunk).length)).toEqual([50, 30]);
    // Small paragraphs (bullets) are packed together.
    const bullets = Array.from({ length: 6 }, (_, i) => sentence(i, 5)).join("\n\n");
    expect(chunkText(bullets, 80)).toHaveLength(1);
  });
});
