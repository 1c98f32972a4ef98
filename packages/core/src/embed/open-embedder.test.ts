import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { configSchema } from "../config/config.ts";
import { openEmbedder } from "./open-embedder.ts";
import { createUseLiteEmbedder } from "./use-lite.ts";

/** Worker threads this process runs now (its diagnostic report lists them). */
function threads(): number {
  return (process.report.getReport() as { workers: unknown[] }).workers.length;
}

describe("the encoder opened lazily", () => {
  it("names its model at once, embeds in a thread on the first text, and stops that thread when idle", async () => {
    const config = configSchema.parse({}).embed;
    const before = threads();
    const lazy = await openEmbedder(config, { lazy: true, idleMs: 300 });
    try {
      expect(lazy.modelId).toMatch(/^use-lite-en@\d+\.\d+\.\d+$/);
      expect(lazy.dimension).toBe(512);
      expect(threads()).toBe(before);

      const texts = ["Remote TypeScript developer", "Senior nurse, night shift"];
      const [first, second] = await Promise.all([lazy.embed(texts), lazy.embed(texts.slice(1))]);
      expect(threads()).toBe(before + 1);
      // The model ran in that thread: this one never started TensorFlow.js.
      expect((tf.engine() as unknown as { backendInstance: unknown }).backendInstance).toBeFalsy();

      const eager = await createUseLiteEmbedder();
      expect(eager.modelId).toBe(lazy.modelId);
      const expected = await eager.embed(texts);
      expect(first?.map((v) => Array.from(v))).toEqual(expected.map((v) => Array.from(v)));
      expect(Array.from(second?.[0] ?? [])).toEqual(Array.from(expected[1] ?? []));

      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(threads()).toBe(before);
      // The next text starts it again.
      const [again] = await lazy.embed(texts.slice(0, 1));
      expect(Array.from(again ?? [])).toEqual(Array.from(expected[0] ?? []));
    } finally {
      await lazy.close();
    }
    expect(threads()).toBe(before);
  });
});
