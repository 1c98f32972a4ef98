import { parentPort, workerData } from "node:worker_threads";
import type { EmbedConfig } from "../config/config.ts";
import { createEmbedder } from "./create-embedder.ts";

/** One embedding worker: loads the configured model once, then embeds what it is sent. */
export type EmbedWorkerRequest = { id: number; texts: string[] };
export type EmbedWorkerReply =
  | { id: number; vectors: Float32Array[] }
  | { id: number; error: string }
  | { ready: { modelId: string; dimension: number } }
  | { failed: string };

const port = parentPort;
if (!port) throw new Error("embed-worker runs only as a worker thread");

try {
  const embedder = await createEmbedder(workerData as EmbedConfig);
  port.postMessage({
    ready: { modelId: embedder.modelId, dimension: embedder.dimension },
  } satisfies EmbedWorkerReply);
  port.on("message", async (request: EmbedWorkerRequest) => {
    try {
      const vectors = await embedder.embed(request.texts);
      port.postMessage({ id: request.id, vectors } satisfies EmbedWorkerReply);
    } catch (error) {
      port.postMessage({ id: request.id, error: String((error as Error)?.message ?? error) });
    }
  });
} catch (error) {
  port.postMessage({
    failed: String((error as Error)?.message ?? error),
  } satisfies EmbedWorkerReply);
}
