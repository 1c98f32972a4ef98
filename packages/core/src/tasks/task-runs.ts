// The record of what the agent ran: one row per attempt, for `aura runs` and the admin page.
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { type TaskName, taskRuns } from "../db/schema.ts";
import { errorMessage } from "../errors.ts";

export type TaskRunStatus = (typeof taskRuns.$inferSelect)["status"];

export interface TaskRunView {
  id: number;
  task: TaskName;
  key: string;
  userId: string | null;
  status: TaskRunStatus;
  attempt: number;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  result: Record<string, unknown>;
  error: string | null;
}

export async function startTaskRun(
  db: Database,
  run: {
    task: TaskName;
    key: string;
    userId?: string | null;
    attempt?: number;
    /** The process running it (leaseHolder()). */
    worker?: string | null;
    /** The PostgreSQL queue's job id. */
    queueJob?: string | null;
  },
): Promise<number> {
  const [row] = await db
    .insert(taskRuns)
    .values({
      task: run.task,
      key: run.key,
      userId: run.userId ?? null,
      status: "running",
      attempt: run.attempt ?? 1,
      worker: run.worker ?? null,
      queueJob: run.queueJob ?? null,
    })
    .returning({ id: taskRuns.id });
  if (!row) throw new Error("the task run was not recorded");
  return row.id;
}

export async function finishTaskRun(
  db: Database,
  id: number,
  outcome:
    | { status: "done" | "skipped"; result?: Record<string, unknown> }
    | { status: "failed"; error: unknown },
  startedMs: number,
): Promise<void> {
  await db
    .update(taskRuns)
    .set({
      status: outcome.status,
      finishedAt: new Date(),
      durationMs: Math.round(Date.now() - startedMs),
      ...(outcome.status === "failed"
        ? { error: errorMessage(outcome.error).slice(0, 2000) }
        : { result: outcome.result ?? {} }),
    })
    .where(eq(taskRuns.id, id));
}

/**
 * Marks runs left "running" by a process that died (SIGKILL, a lost machine) as failed, so the
 * record says what happened; the task itself runs again. `key`: only that task's runs.
 */
export async function markInterruptedRuns(
  db: Database,
  options: { key?: string; id?: number },
): Promise<number> {
  const rows = await db
    .update(taskRuns)
    .set({
      status: "failed",
      finishedAt: new Date(),
      error: "stopped before it finished: the process running it ended",
    })
    .where(
      and(
        eq(taskRuns.status, "running"),
        options.key === undefined ? undefined : eq(taskRuns.key, options.key),
        options.id === undefined ? undefined : eq(taskRuns.id, options.id),
      ),
    )
    .returning({ id: taskRuns.id });
  return rows.length;
}

/** Whether a run of this key already finished (done or skipped): the work is not repeated. */
export async function finishedRunOf(db: Database, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: taskRuns.id })
    .from(taskRuns)
    .where(and(eq(taskRuns.key, key), inArray(taskRuns.status, ["done", "skipped"])))
    .limit(1);
  return Boolean(row);
}

export async function listTaskRuns(
  db: Database,
  options: { limit?: number; userId?: string } = {},
): Promise<TaskRunView[]> {
  const rows = await db
    .select()
    .from(taskRuns)
    .where(options.userId ? eq(taskRuns.userId, options.userId) : undefined)
    .orderBy(desc(taskRuns.startedAt), desc(taskRuns.id))
    .limit(options.limit ?? 50);
  return rows.map((row) => ({
    id: row.id,
    task: row.task,
    key: row.key,
    userId: row.userId,
    status: row.status,
    attempt: row.attempt,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    result: (row.result ?? {}) as Record<string, unknown>,
    error: row.error,
  }));
}

/** Queue tasks recorded as running, with the process running each. */
export async function runningQueueRuns(
  db: Database,
): Promise<{ id: number; task: TaskName; worker: string | null; queueJob: string }[]> {
  const rows = await db
    .select({
      id: taskRuns.id,
      task: taskRuns.task,
      worker: taskRuns.worker,
      queueJob: taskRuns.queueJob,
    })
    .from(taskRuns)
    .where(and(eq(taskRuns.status, "running"), isNotNull(taskRuns.queueJob)));
  return rows.flatMap((row) => (row.queueJob ? [{ ...row, queueJob: row.queueJob }] : []));
}
