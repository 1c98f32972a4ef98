import type { EmbedConfig } from "../config/config.ts";
import type { Embedder } from "./embedder.ts";
import { createUseLiteEmbedder } from "./use-lite.ts";

/** The encoder config names, loaded in this thread. */
export async function createEmbedder(config: EmbedConfig): Promise<Embedder> {
  if (config.model === "transformers") {
    // Loaded on demand: the package is large and most people run the default.
    const { createTransformersEmbedder } = await import("./transformers-embedder.ts");
    return createTransformersEmbedder(config.transformers);
  }
  return createUseLiteEmbedder();
}
