import type { EmbedConfig } from "../config/config.ts";
import { createEmbedder } from "./create-embedder.ts";
import { createEmbedderPool, type EmbedderPool } from "./embed-pool.ts";
import type { Embedder } from "./embedder.ts";
import { describeUseLite } from "./use-lite.ts";

export type ClosableEmbedder = Embedder & { close(): Promise<void> };

/** A lazy encoder's thread stops after this long without a text, handing its memory back. */
const LAZY_IDLE_MS = 30_000;

/**
 * The configured encoder, for bulk work (`workers` threads, each with the model) or for a
 * few texts (`inThread`: no thread start-up, which costs about a second per worker).
 *
 * `lazy`, for long-running processes (a server, a worker): the encoder's name and vector size
 * are known at once (reading stored vectors needs no more), and the model loads in a thread of
 * its own on the first text, which stops after `idleMs` (30 s) without one. The model costs
 * about 150 MB while loaded; most of a server's hours embed nothing (a returning person's CV
 * vector is stored). The bundled encoder only; another loads as `inThread`.
 */
export async function openEmbedder(
  config: EmbedConfig,
  options: { inThread?: boolean; lazy?: boolean; idleMs?: number } = {},
): Promise<ClosableEmbedder> {
  if (options.lazy && config.model === "use-lite") {
    return lazyEmbedder(config, await describeUseLite(), options.idleMs ?? LAZY_IDLE_MS);
  }
  if (options.inThread || options.lazy || config.workers <= 1) {
    const embedder = await createEmbedder(config);
    return { ...embedder, embed: (texts) => embedder.embed(texts), close: async () => {} };
  }
  return createEmbedderPool(config, config.workers);
}

function lazyEmbedder(
  config: EmbedConfig,
  described: { modelId: string; dimension: number },
  idleMs: number,
): ClosableEmbedder {
  let pool: Promise<EmbedderPool> | null = null;
  let running = 0;
  let idle: NodeJS.Timeout | null = null;
  const stop = async () => {
    const current = pool;
    pool = null;
    if (idle) clearTimeout(idle);
    idle = null;
    await (await current?.catch(() => null))?.close();
  };
  const open = () => {
    if (!pool) {
      const opening = createEmbedderPool(config, 1).then((loaded) => {
        if (loaded.modelId !== described.modelId) {
          void loaded.close();
          throw new Error(`The encoder loaded is ${loaded.modelId}, not ${described.modelId}`);
        }
        return loaded;
      });
      // A failed start is tried again by the next text rather than kept.
      opening.catch(() => {
        if (pool === opening) pool = null;
      });
      pool = opening;
    }
    return pool;
  };
  return {
    ...described,
    async embed(texts) {
      if (idle) clearTimeout(idle);
      idle = null;
      running++;
      try {
        return await (await open()).embed(texts);
      } finally {
        running--;
        if (running === 0 && pool) {
          idle = setTimeout(() => void stop(), idleMs);
          // Waiting to stop never keeps the process alive.
          idle.unref();
        }
      }
    },
    close: stop,
  };
}
