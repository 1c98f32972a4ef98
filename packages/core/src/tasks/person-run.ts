// One person's scheduled run: learn from what changed, prepare the next batch so it waits for
// them, and tell them it is ready. And training alone, queued when they lock a batch.
import { type Batch, openBatch } from "../batch/batches.ts";
import { AppError } from "../errors.ts";
import { trainUser } from "../learn/train.ts";
import type { TaskContext, TaskOutcome } from "./task-types.ts";

/** Trains what changed in a worker thread (the event loop keeps serving); kept models stay. */
async function train(deps: TaskContext, userId: string) {
  return trainUser(deps.db, await deps.embedder(), userId, deps.config.rank, { inThread: true });
}

export async function trainPerson(deps: TaskContext, userId: string): Promise<TaskOutcome> {
  const training = await train(deps, userId);
  return {
    status: training.trained.length > 0 ? "done" : "skipped",
    result: {
      ...(training.trained.length > 0 ? {} : { reason: "no model had new ratings to learn from" }),
      ratings: training.ratings,
      trained: training.trained.map((t) => t.kind),
    },
  };
}

export async function runPerson(deps: TaskContext, userId: string): Promise<TaskOutcome> {
  const embedder = await deps.embedder();
  const training = await train(deps, userId);
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
