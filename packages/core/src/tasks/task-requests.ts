// The agent's tasks as data (what to run, for whom, under which key), so that one definition
// runs in this process on the embedded database or from the PostgreSQL queue on any worker.
import type { Batch } from "../batch/batches.ts";
import type { AuraConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import type { Embedder } from "../embed/embedder.ts";
import type { Logger } from "../log/logger.ts";
import { gatherJobs } from "./gather.ts";
import { withLease } from "./leases.ts";
import { runPerson, trainPerson } from "./person-run.ts";

/** What a task did: done (with counts), or skipped (with the reason). */
export interface TaskOutcome {
  status: "done" | "skipped";
  result: Record<string, unknown>;
}

export type TaskRequest =
  | { task: "gather"; key: string }
  | {
      task: "person-run" | "train-person";
      /** What the task is for; a key that finished is not run again (unless `repeat`). */
      key: string;
      userId: string;
      /** Run again even if this key already finished (a person asking for a batch now). */
      repeat?: boolean;
    };

/** What every task may use; the same in a server process and in `aura worker`. */
export interface TaskContext {
  db: Database;
  config: AuraConfig;
  embedder: () => Promise<Embedder>;
  log: Logger;
  /** Tells a person their batch is ready; the channels it reached. */
  notify?: (userId: string, batch: Batch) => Promise<string[]>;
  /** The clock (tests pass a fake one). */
  now?: () => Date;
}

/** Another worker runs this person now; the task is tried again later. */
export class PersonBusyError extends Error {
  constructor(userId: string) {
    super(`another worker is running ${userId}'s tasks`);
    this.name = "PersonBusyError";
  }
}

/** Renewed every third of its life while a person's task runs; a dead holder's lapses. */
const PERSON_LEASE_MS = 60_000;

/** Runs one task. A person's tasks hold that person's lease: one at a time, on any worker. */
export async function performTask(
  context: TaskContext,
  request: TaskRequest,
): Promise<TaskOutcome> {
  if (request.task === "gather") {
    return gatherJobs({ ...context, offline: context.config.schedule.offline });
  }
  const { userId } = request;
  const work = request.task === "person-run" ? runPerson : trainPerson;
  const run = await withLease(context.db, `person:${userId}`, PERSON_LEASE_MS, () =>
    work(context, userId),
  );
  if (!run.ran) throw new PersonBusyError(userId);
  return run.value;
}

/** The key of a task no one could repeat by mistake: a person asking, or training after a lock. */
export function personTaskKey(
  task: "person-run" | "train-person",
  userId: string,
  reason: string,
  at: Date,
): string {
  return `${task}:${userId}:${reason}:${at.toISOString()}`;
}
