// What the agent runs by itself, for the admin page (GET /api/admin/agent): the schedules and
// the queue (from the running agent, else from config and task_runs), the last runs and
// failures, each task's figures over the last days, and who is due. Four statements (five
// without a running agent), whatever the number of rows.
import { sql } from "drizzle-orm";
import type { AuraConfig } from "../config/config.ts";
import { type Database, resultRows } from "../db/client.ts";
import { TASK_NAMES, type TaskName } from "../db/schema.ts";
import type {
  AgentFailure,
  AgentOverview,
  AgentRun,
  TaskFigures,
} from "./agent-overview-schema.ts";
import type { AgentStatus } from "./agent-schema.ts";
import { personSchedules } from "./due-people.ts";
import { nextRunOf } from "./scheduler.ts";

export type {
  AgentFailure,
  AgentOverview,
  AgentRun,
  TaskFigures,
  TaskRun,
} from "./agent-overview-schema.ts";

const DAY_MS = 86_400_000;

export interface AgentOverviewOptions {
  config: Pick<AuraConfig, "schedule">;
  /** The running agent's own status (its runner, next runs, queue); none: built from config and task_runs. */
  status?: AgentStatus;
  /** Task runs to list (20 by default). */
  limit?: number;
  /** Failed attempts to list (10 by default). */
  failures?: number;
  /** Days the task figures cover (7 by default). */
  windowDays?: number;
  /** The clock (tests pass a fixed one). */
  now?: Date;
}

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown) =>
  value === null || value === undefined ? null : Math.round(Number(value));
const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string | Date).toISOString();

interface RunRow {
  id: string | number;
  task: TaskName;
  key: string;
  user_id: string | null;
  user_name: string | null;
  status: AgentRun["status"];
  attempt: number | string;
  started_at: string | Date;
  finished_at: string | Date | null;
  duration_ms: number | string | null;
  result: unknown;
  error: string | null;
}

function toRun(row: RunRow): AgentRun {
  const result = typeof row.result === "string" ? JSON.parse(row.result) : row.result;
  return {
    id: Number(row.id),
    task: row.task,
    key: row.key,
    userId: row.user_id,
    status: row.status,
    attempt: Number(row.attempt),
    startedAt: iso(row.started_at) ?? "",
    finishedAt: iso(row.finished_at),
    durationMs: numOrNull(row.duration_ms),
    result:
      typeof result === "object" && result !== null && !Array.isArray(result)
        ? (result as Record<string, unknown>)
        : {},
    error: row.error,
    userName: row.user_name,
  };
}

const runColumns = sql`
  r.id, r.task, r.key, r.user_id, u.name AS user_name, r.status, r.attempt, r.started_at,
  r.finished_at, r.duration_ms, r.result, r.error`;

/** The agent's status without the agent: the schedules from config, the queue from task_runs. */
function statusFromConfig(
  config: AgentOverviewOptions["config"],
  now: Date,
  queue: { running: number; failed: number },
): AgentStatus {
  const { schedule } = config;
  const next = (pattern: string) =>
    schedule.enabled ? (nextRunOf(pattern, now)?.toISOString() ?? null) : null;
  return {
    runner: "in-process",
    schedules: [
      { name: "gather", pattern: schedule.gather, nextRunAt: next(schedule.gather) },
      { name: "sweep", pattern: schedule.sweep, nextRunAt: next(schedule.sweep) },
    ],
    queue: { waiting: 0, ...queue },
  };
}

/** What the agent runs by itself: its schedules and queue, the last runs and failures, each task's figures, who is due. */
export async function agentOverview(
  db: Database,
  options: AgentOverviewOptions,
): Promise<AgentOverview> {
  const now = options.now ?? new Date();
  const windowDays = options.windowDays ?? 7;
  const since = new Date(now.getTime() - windowDays * DAY_MS).toISOString();
  const [runRows, failureRows, figureRows, queueRows, schedules] = await Promise.all([
    db.execute(sql`
      SELECT ${runColumns}
      FROM task_runs r LEFT JOIN users u ON u.id = r.user_id
      ORDER BY r.started_at DESC, r.id DESC
      LIMIT ${options.limit ?? 20}`),
    db.execute(sql`
      SELECT ${runColumns},
        EXISTS (
          SELECT 1 FROM task_runs l
          WHERE l.key = r.key AND l.id > r.id AND l.status IN ('done', 'skipped')
        ) AS recovered
      FROM task_runs r LEFT JOIN users u ON u.id = r.user_id
      WHERE r.status = 'failed'
      ORDER BY r.started_at DESC, r.id DESC
      LIMIT ${options.failures ?? 10}`),
    db.execute(sql`
      SELECT task,
        count(*) FILTER (WHERE started_at >= ${since}::timestamptz) AS runs,
        count(*) FILTER (WHERE started_at >= ${since}::timestamptz AND status = 'done') AS done,
        count(*) FILTER (WHERE started_at >= ${since}::timestamptz AND status = 'skipped') AS skipped,
        count(*) FILTER (WHERE started_at >= ${since}::timestamptz AND status = 'failed') AS failed,
        count(*) FILTER (WHERE status = 'running') AS running,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms)
          FILTER (WHERE started_at >= ${since}::timestamptz AND status <> 'running')
          AS p50_duration_ms,
        max(duration_ms) FILTER (WHERE started_at >= ${since}::timestamptz AND status <> 'running')
          AS max_duration_ms,
        max(started_at) AS last_started_at,
        (array_agg(status ORDER BY started_at DESC, id DESC))[1] AS last_status
      FROM task_runs
      GROUP BY task`),
    // Failed for good: keys whose newest attempt failed (only needed without the agent).
    options.status
      ? Promise.resolve(null)
      : db.execute(sql`
          SELECT count(*) AS failed FROM (
            SELECT DISTINCT ON (key) status FROM task_runs ORDER BY key, id DESC
          ) newest
          WHERE newest.status = 'failed'`),
    personSchedules(db),
  ]);

  const byTask = new Map(
    resultRows<Record<string, unknown> & { task: TaskName }>(figureRows).map((row) => [
      row.task,
      row,
    ]),
  );
  const tasks: TaskFigures[] = TASK_NAMES.map((task) => {
    const row = byTask.get(task);
    return {
      task,
      runs: num(row?.runs),
      done: num(row?.done),
      skipped: num(row?.skipped),
      failed: num(row?.failed),
      running: num(row?.running),
      p50DurationMs: numOrNull(row?.p50_duration_ms),
      maxDurationMs: numOrNull(row?.max_duration_ms),
      lastStartedAt: iso(row?.last_started_at),
      lastStatus: (row?.last_status as TaskFigures["lastStatus"] | undefined) ?? null,
    };
  });

  const status =
    options.status ??
    statusFromConfig(options.config, now, {
      running: tasks.reduce((sum, t) => sum + t.running, 0),
      failed: queueRows ? num(resultRows<{ failed: unknown }>(queueRows)[0]?.failed) : 0,
    });

  const nowMs = now.getTime();
  const dueTimes = schedules.flatMap((s) => (s.nextDueAt ? [s.nextDueAt.getTime()] : []));
  const nextDue = dueTimes.reduce<number | null>(
    (soonest, t) => (t > nowMs && (soonest === null || t < soonest) ? t : soonest),
    null,
  );
  return {
    generatedAt: now.toISOString(),
    windowDays,
    status,
    runs: resultRows<RunRow>(runRows).map(toRun),
    failures: resultRows<RunRow & { recovered: boolean }>(failureRows).map(
      (row): AgentFailure => ({ ...toRun(row), recovered: Boolean(row.recovered) }),
    ),
    tasks,
    people: {
      scheduled: schedules.length,
      dueNow: dueTimes.filter((t) => t <= nowMs).length,
      waitingForRatings: schedules.filter((s) => s.nextDueAt === null).length,
      nextDueAt: nextDue === null ? null : new Date(nextDue).toISOString(),
    },
  };
}
