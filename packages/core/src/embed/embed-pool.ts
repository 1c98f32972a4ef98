import { Worker } from "node:worker_threads";
import type { EmbedConfig } from "../config/config.ts";
import { AppError } from "../errors.ts";
import type { EmbedWorkerReply } from "./embed-worker.ts";
import type { Embedder } from "./embedder.ts";

export interface EmbedderPool extends Embedder {
  workers: number;
  close(): Promise<void>;
}

/**
 * The configured encoder in `workers` threads: each `embed` call is split across them, so a
 * big batch uses every core (TF.js's WASM backend runs one thread per process).
 */
export async function createEmbedderPool(
  config: EmbedConfig,
  workers: number,
): Promise<EmbedderPool> {
  const count = Math.max(1, Math.floor(workers));
  const bootUrl = new URL("./embed-worker-boot.mjs", import.meta.url);
  const threads = Array.from({ length: count }, () => new Worker(bootUrl, { workerData: config }));
  const pending = new Map<number, { resolve(v: Float32Array[]): void; reject(e: Error): void }>();
  let nextId = 0;

  const ready = threads.map(
    (thread) =>
      new Promise<{ modelId: string; dimension: number }>((resolve, reject) => {
        thread.on("message", (reply: EmbedWorkerReply) => {
          if ("ready" in reply) resolve(reply.ready);
          else if ("failed" in reply)
            reject(new AppError("invalid_config", reply.failed, { field: "embed.model" }));
          else {
            const waiter = pending.get(reply.id);
            pending.delete(reply.id);
            if ("error" in reply) waiter?.reject(new Error(reply.error));
            else waiter?.resolve(reply.vectors);
          }
        });
        thread.on("error", (error) => {
          reject(error);
          for (const waiter of pending.values()) waiter.reject(error);
          pending.clear();
        });
      }),
  );
  const close = async () => {
    await Promise.all(threads.map((thread) => thread.terminate()));
  };
  let info: { modelId: string; dimension: number };
  try {
    [info] = (await Promise.all(ready)) as [{ modelId: string; dimension: number }];
  } catch (error) {
    await close();
    throw error;
  }

  // Between calls the threads never keep the process alive; during one they do.
  let inFlight = 0;
  for (const thread of threads) thread.unref();
  let turn = 0;
  const send = (texts: string[]) =>
    new Promise<Float32Array[]>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      threads[turn++ % threads.length]?.postMessage({ id, texts });
    });

  return {
    modelId: info.modelId,
    dimension: info.dimension,
    workers: count,
    async embed(texts) {
      // Even slices, one per thread; the results come back in order.
      const size = Math.ceil(texts.length / threads.length);
      const slices: string[][] = [];
      for (let start = 0; start < texts.length; start += size) {
        slices.push(texts.slice(start, start + size));
      }
      if (inFlight++ === 0) for (const thread of threads) thread.ref();
      try {
        const parts = await Promise.all(slices.map(send));
        return parts.flat();
      } finally {
        if (--inFlight === 0) for (const thread of threads) thread.unref();
      }
    },
    close,
  };
}
