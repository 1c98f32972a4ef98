// One person's scheduled run: learn from what changed, prepare the next batch so it waits for
// them, and tell them it is ready.
import { type Batch, openBatch } from "../batch/batches.ts";
import type { AuraConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import type { Embedder } from "../embed/embedder.ts";
import { AppError } from "../errors.ts";
import { trainUser } from "../learn/train.ts";
import type { Logger } from "../log/logger.ts";
import type { TaskOutcome } from "./task-runner.ts";

export interface PersonRunDeps {
  db: Database;
  config: AuraConfig;
  embedder: () => Promise<Embedder>;
  log: Logger;
  /** Tells the person their batch is ready; the channels it reached. */
  notify?: (userId: string, batch: Batch) => Promise<string[]>;
  now?: () => Date;
}

export async function runPerson(deps: PersonRunDeps, userId: string): Promise<TaskOutcome> {
  const embedder = await deps.embedder();
  // Models whose ratings and outcomes did not change are kept as they are.
  const training = await trainUser(deps.db, embedder, userId, deps.config.rank);
  let opened: { batch: Batch; created: boolean };
  try {
    opened = await openBatch(deps.db, embedder, userId, {
      config: deps.config.rank,
      cacheDir: deps.config.dataDir,
      now: deps.now?.(),
    });
  } catch (error) {
    // The gate (a liked job without an application) or no unrated jobs: nothing to prepare.
    if (error instanceof AppError && error.code === "conflict") {
      return {
        status: "skipped",
        result: { reason: error.message, trained: training.trained.map((t) => t.kind) },
      };
    }
    throw error;
  }
  const notified = opened.created && deps.notify ? await deps.notify(userId, opened.batch) : [];
  return {
    status: opened.created ? "done" : "skipped",
    result: {
      ...(opened.created ? {} : { reason: "a batch is already waiting to be rated" }),
      batchId: opened.batch.id,
      batchNumber: opened.batch.number,
      jobs: opened.batch.jobs.length,
      trained: training.trained.map((t) => t.kind),
      notified,
    },
  };
}
