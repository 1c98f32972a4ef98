import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { embedLong } from "./chunk.ts";
import { cosine, type Embedder } from "./embedder.ts";
import { createUseLiteEmbedder } from "./use-lite.ts";

interface RecordedJob {
  id: number;
  title: string;
  description: string;
}

/** Crude HTML to text: tags become line breaks, entities spaces. */
function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, "\n").replace(/&[#\w]+;/g, " ");
}

function norm(vector: Float32Array): number {
  return Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
}

describe("Universal Sentence Encoder lite (wasm)", () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await createUseLiteEmbedder({ backend: "wasm" });
  });

  it("gives 512-d unit vectors and names its weights", async () => {
    const vectors = await embedder.embed([
      "Remote TypeScript developer",
      "Senior nurse, night shift",
    ]);
    expect(embedder.dimension).toBe(512);
    expect(embedder.modelId).toMatch(/^use-lite-en@\d+\.\d+\.\d+$/);
    expect(vectors).toHaveLength(2);
    for (const vector of vectors) {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(512);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
  });

  it("scores similar sentences clearly above unrelated ones", async () => {
    const [a, b, c] = await embedder.embed([
      "I love programming in TypeScript",
      "Writing TypeScript code is my passion",
      "The cat sleeps on the sofa",
    ]);
    if (!a || !b || !c) throw new Error("missing vectors");
    expect(cosine(a, b)).toBeGreaterThan(0.7);
    expect(cosine(a, b) - Math.max(cosine(a, c), cosine(b, c))).toBeGreaterThan(0.4);
  });

  it("gives the same vector for the same text twice, and almost the same in another batch", async () => {
    const text = "Backend engineer with Go and PostgreSQL";
    const [first] = await embedder.embed([text]);
    const [second] = await embedder.embed([text]);
    expect(second).toEqual(first);
    // Padding to a longer neighbour changes float rounding only.
    const [, inBatch] = await embedder.embed([
      "A much longer sentence about something else entirely, with many more tokens in it.",
      text,
    ]);
    if (!first || !inBatch) throw new Error("missing vectors");
    expect(cosine(first, inBatch)).toBeGreaterThan(0.99999);
  });

  it("gives the zero vector for empty or whitespace-only text, and nothing for no texts", async () => {
    const [empty, blank, word] = await embedder.embed(["", " \n\t", "hello"]);
    expect(empty).toHaveLength(512);
    expect(empty?.every((x) => x === 0)).toBe(true);
    expect(blank?.every((x) => x === 0)).toBe(true);
    expect(norm(word ?? new Float32Array())).toBeCloseTo(1, 5);
    expect(await embedder.embed([])).toEqual([]);
    expect((await embedLong(embedder, [""]))[0]?.every((x) => x === 0)).toBe(true);
  });

  it("ranks the matching real job description first for a job-title query", async () => {
    const url = new URL("../../recorded/remotive.json", import.meta.url);
    const { jobs } = JSON.parse(readFileSync(url, "utf8")) as { jobs: RecordedJob[] };
    const ids = [2088655, 2088711, 1185979, 2088659];
    const picked = ids.map((id) => jobs.find((job) => job.id === id));
    const texts = picked.map((job) => stripTags(job?.description ?? ""));
    expect(texts.every((text) => text.length > 1000)).toBe(true);
    const docs = await embedLong(embedder, texts, { batchSize: 8 });
    for (const doc of docs) expect(norm(doc)).toBeCloseTo(1, 5);

    const queries: [string, number][] = [
      ["Customer support representative", 2088655],
      ["Senior full-stack web engineer", 2088711],
      ["Content writer for blogs", 1185979],
    ];
    const queryVectors = await embedder.embed(queries.map(([query]) => query));
    queries.forEach(([query, expected], q) => {
      const queryVector = queryVectors[q] ?? new Float32Array();
      const ranked = docs
        .map((doc, d) => ({ id: ids[d], score: cosine(queryVector, doc) }))
        .sort((x, y) => y.score - x.score);
      expect(ranked[0]?.id, query).toBe(expected);
      expect((ranked[0]?.score ?? 0) - (ranked[1]?.score ?? 0), query).toBeGreaterThan(0.05);
    });
  });

  it("gives the same vectors on the cpu backend, and wasm works again afterwards", async () => {
    const text = "Data engineer building pipelines";
    const [onWasm] = await embedder.embed([text]);
    const cpu = await createUseLiteEmbedder({ backend: "cpu" });
    const [onCpu] = await cpu.embed([text]);
    if (!onWasm || !onCpu) throw new Error("missing vectors");
    expect(cosine(onWasm, onCpu)).toBeGreaterThan(0.9999);
    const [wasmAgain] = await embedder.embed([text]);
    expect(wasmAgain).toEqual(onWasm);
  });
});
