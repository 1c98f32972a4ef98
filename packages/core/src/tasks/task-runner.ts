// Runs the agent's tasks in this process, one at a time (two cores, and an embedded database
// belongs to one process): a key already queued or running is not queued again, a key that
// already finished is not run again, failures are retried with backoff and every attempt is
// recorded in task_runs.
import type { Database } from "../db/client.ts";
import type { TaskName } from "../db/schema.ts";
import type { Logger } from "../log/logger.ts";
import { finishedRunOf, finishTaskRun, startTaskRun } from "./task-runs.ts";

/** What a task did: done (with counts), or skipped (with the reason). */
export interface TaskOutcome {
  status: "done" | "skipped";
  result: Record<string, unknown>;
}

export interface Task {
  task: TaskName;
  /** What the task is for; the same key is run once. */
  key: string;
  userId?: string;
  /** Run again even if this key already finished (a person asking for a batch now). */
  repeat?: boolean;
  run(): Promise<TaskOutcome>;
}

export interface TaskRunnerOptions {
  db: Database;
  log: Logger;
  /** Attempts after the first failure (default 2). */
  retries?: number;
  /** Wait before the first retry, doubled each time (default 30 s). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface TaskRunner {
  /** Queues a task; false when its key is already queued or running. */
  enqueue(task: Task): boolean;
  /** Resolves when the queue is empty and nothing runs. */
  idle(): Promise<void>;
  /** Tasks waiting, and the one running. */
  depth(): number;
  /** Stops taking tasks; the running one finishes. */
  stop(): Promise<void>;
}

const defaultSleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export function createTaskRunner(options: TaskRunnerOptions): TaskRunner {
  const { db, log } = options;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const queue: Task[] = [];
  const keys = new Set<string>();
  let running: Promise<void> | null = null;
  let stopped = false;
  let waiters: (() => void)[] = [];

  async function attempt(task: Task): Promise<void> {
    if (!task.repeat && (await finishedRunOf(db, task.key))) return;
    for (let n = 1; n <= retries + 1; n++) {
      const started = Date.now();
      const id = await startTaskRun(db, {
        task: task.task,
        key: task.key,
        userId: task.userId,
        attempt: n,
      });
      try {
        const outcome = await task.run();
        await finishTaskRun(db, id, outcome, started);
        log.info(
          {
            event: "task",
            task: task.task,
            key: task.key,
            userId: task.userId ?? null,
            status: outcome.status,
            attempt: n,
            durationMs: Date.now() - started,
          },
          `${task.task} ${outcome.status}`,
        );
        return;
      } catch (error) {
        await finishTaskRun(db, id, { status: "failed", error }, started).catch(() => undefined);
        log.warn(
          {
            event: "task",
            task: task.task,
            key: task.key,
            userId: task.userId ?? null,
            status: "failed",
            attempt: n,
            err: error,
          },
          `${task.task} failed`,
        );
        if (n <= retries && !stopped) await sleep(backoffMs * 2 ** (n - 1));
      }
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0 && !stopped) {
      const task = queue.shift() as Task;
      try {
        await attempt(task);
      } catch (error) {
        // Recording the run failed (the database went away): keep the process up.
        log.error({ event: "task", task: task.task, err: error }, "task could not be recorded");
      } finally {
        keys.delete(task.key);
      }
    }
    running = null;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  }

  return {
    enqueue(task) {
      if (stopped || keys.has(task.key)) return false;
      keys.add(task.key);
      queue.push(task);
      running ??= drain();
      return true;
    },
    idle() {
      if (!running) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    depth: () => keys.size,
    async stop() {
      stopped = true;
      queue.length = 0;
      await running;
    },
  };
}
