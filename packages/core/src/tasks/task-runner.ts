// The agent's tasks in this process, one at a time (two cores, and an embedded database belongs
// to one process): a key already queued or running is not queued again, a key that already
// finished is not run again, failures are retried with backoff and every attempt is recorded in
// task_runs. The PostgreSQL queue (task-queue.ts) runs the same attempts on worker processes.
import type { Database } from "../db/client.ts";
import type { Logger } from "../log/logger.ts";
import type { AgentStatus } from "./agent-schema.ts";
import { finishedRunOf, finishTaskRun, markInterruptedRuns, startTaskRun } from "./task-runs.ts";
import type { TaskOutcome, TaskRequest } from "./task-types.ts";

export interface TaskRunner {
  kind: AgentStatus["runner"];
  /** Queues a task; false when its key is already queued (or finished, unless `repeat`). */
  enqueue(request: TaskRequest): Promise<boolean>;
  /** Resolves when nothing is queued or running here (tests, shutdown). */
  idle(): Promise<void>;
  depth(): Promise<AgentStatus["queue"]>;
  /** Stops taking tasks; the running ones finish. */
  stop(): Promise<void>;
}

/**
 * One recorded attempt of a task: a key that already finished is skipped (null), a run left
 * "running" by a process that died is marked so, then the task runs and its outcome or error
 * is written. Throws the task's error (the runner decides whether to retry).
 */
export async function attemptTask(
  options: { db: Database; log: Logger; perform: (request: TaskRequest) => Promise<TaskOutcome> },
  request: TaskRequest,
  attempt: number,
  by: { worker?: string; queueJob?: string } = {},
): Promise<TaskOutcome | null> {
  const { db, log } = options;
  const repeat = request.task !== "gather" && request.repeat;
  if (!repeat && (await finishedRunOf(db, request.key))) return null;
  await markInterruptedRuns(db, { key: request.key });
  const userId = request.task === "gather" ? null : request.userId;
  const started = Date.now();
  const id = await startTaskRun(db, {
    task: request.task,
    key: request.key,
    userId,
    attempt,
    ...by,
  });
  const fields = { event: "task", task: request.task, key: request.key, userId, attempt };
  try {
    const outcome = await options.perform(request);
    await finishTaskRun(db, id, outcome, started);
    log.info(
      { ...fields, status: outcome.status, durationMs: Date.now() - started },
      `${request.task} ${outcome.status}`,
    );
    return outcome;
  } catch (error) {
    await finishTaskRun(db, id, { status: "failed", error }, started).catch(() => undefined);
    log.warn({ ...fields, status: "failed", err: error }, `${request.task} failed`);
    throw error;
  }
}

export interface TaskRunnerOptions {
  db: Database;
  log: Logger;
  perform: (request: TaskRequest) => Promise<TaskOutcome>;
  /** Attempts after the first failure (default 2). */
  retries?: number;
  /** Wait before the first retry, doubled each time (default 30 s). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export function createTaskRunner(options: TaskRunnerOptions): TaskRunner {
  const { db, log } = options;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const queue: TaskRequest[] = [];
  const keys = new Set<string>();
  let running: Promise<void> | null = null;
  let failed = 0;
  let stopped = false;
  let waiters: (() => void)[] = [];
  // Runs left "running" by this database's last process died with it.
  let recovered: Promise<unknown> | null = null;

  async function attemptWithRetries(request: TaskRequest): Promise<void> {
    for (let n = 1; n <= retries + 1; n++) {
      try {
        await attemptTask(options, request, n);
        return;
      } catch {
        if (n <= retries && !stopped) await sleep(backoffMs * 2 ** (n - 1));
      }
    }
    failed++;
  }

  async function drain(): Promise<void> {
    recovered ??= markInterruptedRuns(db, {}).catch(() => undefined);
    await recovered;
    while (queue.length > 0 && !stopped) {
      const request = queue.shift() as TaskRequest;
      try {
        await attemptWithRetries(request);
      } catch (error) {
        // Recording the run failed (the database went away): keep the process up.
        log.error({ event: "task", task: request.task, err: error }, "task could not be recorded");
      } finally {
        keys.delete(request.key);
      }
    }
    running = null;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  }

  return {
    kind: "in-process",
    async enqueue(request) {
      if (stopped || keys.has(request.key)) return false;
      keys.add(request.key);
      queue.push(request);
      running ??= drain();
      return true;
    },
    idle() {
      if (!running) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    depth: async () => ({
      waiting: queue.length,
      running: keys.size - queue.length,
      failed,
    }),
    async stop() {
      stopped = true;
      queue.length = 0;
      await running;
    },
  };
}
