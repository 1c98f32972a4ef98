// The agent's tasks as data (what to run, for whom, under which key), so that a task can be
// queued in PostgreSQL and run by any worker, and what every task may use.
import type { Batch } from "../batch/batches.ts";
import type { AuraConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import type { Embedder } from "../embed/embedder.ts";
import type { Logger } from "../log/logger.ts";

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
