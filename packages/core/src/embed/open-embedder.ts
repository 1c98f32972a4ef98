import type { EmbedConfig } from "../config/config.ts";
import { createEmbedder } from "./create-embedder.ts";
import { createEmbedderPool } from "./embed-pool.ts";
import type { Embedder } from "./embedder.ts";

export type ClosableEmbedder = Embedder & { close(): Promise<void> };

/**
 * The configured encoder, for bulk work (`workers` threads, each with the model) or for a
 * few texts (`inThread`: no thread start-up, which costs about a second per worker).
 */
export async function openEmbedder(
  config: EmbedConfig,
  options: { inThread?: boolean } = {},
): Promise<ClosableEmbedder> {
  if (options.inThread || config.workers <= 1) {
    const embedder = await createEmbedder(config);
    return { ...embedder, embed: (texts) => embedder.embed(texts), close: async () => {} };
  }
  return createEmbedderPool(config, config.workers);
}
