// The admin page's view of what the agent runs by itself (GET /api/admin/agent): the schedules
// and the queue, the last task runs and failures, each task's figures, and who is due.
import { TASK_NAMES, TASK_STATUSES } from "../db/schema.ts";
import { z } from "../shared/contract-zod.ts";
import { agentStatusSchema } from "./agent-schema.ts";

/** One attempt of a task, as task_runs keeps it (TaskRunView). */
export const taskRunSchema = z
  .object({
    id: z.number().int(),
    task: z.enum(TASK_NAMES).openapi({
      description:
        "gather: the shared gathering of jobs; person-run: one person's batch (train, prepare, tell); train-person: training after a lock",
    }),
    key: z.string().openapi({
      description: "What the run is for (e.g. person-run:<user>:<due date>); a key is run once",
    }),
    userId: z.string().nullable().openapi({ description: "null: a shared task, for everyone" }),
    status: z.enum(TASK_STATUSES),
    attempt: z.number().int().openapi({ description: "1 for the first try, then each retry" }),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    result: z.record(z.string(), z.unknown()).openapi({
      description: "What the run did (counts, the batch made) or why it was skipped",
    }),
    error: z.string().nullable().openapi({ description: "Why it failed, in words" }),
  })
  .openapi("TaskRun");
export type TaskRun = z.infer<typeof taskRunSchema>;

/** A run with the name of the person it was for. */
export const agentRunSchema = taskRunSchema
  .extend({
    userName: z.string().nullable().openapi({ description: "The person's name; null: everyone" }),
  })
  .openapi("AgentRun");
export type AgentRun = z.infer<typeof agentRunSchema>;

/** A failed attempt, and whether a later attempt of the same key went through. */
export const agentFailureSchema = agentRunSchema
  .extend({
    recovered: z.boolean().openapi({
      description: "A later attempt of the same key finished (done or skipped)",
    }),
  })
  .openapi("AgentFailure");
export type AgentFailure = z.infer<typeof agentFailureSchema>;

/** How one task has been doing. */
export const taskFiguresSchema = z
  .object({
    task: z.enum(TASK_NAMES),
    runs: z.number().int().openapi({ description: "Attempts started in the window" }),
    done: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    running: z.number().int().openapi({ description: "Attempts running now (any age)" }),
    p50DurationMs: z.number().int().nullable().openapi({
      description: "Median duration of the window's finished attempts; null: none finished",
    }),
    maxDurationMs: z.number().int().nullable(),
    lastStartedAt: z.string().nullable().openapi({ description: "The newest attempt, any age" }),
    lastStatus: z.enum(TASK_STATUSES).nullable(),
  })
  .openapi("TaskFigures");
export type TaskFigures = z.infer<typeof taskFiguresSchema>;

export const agentOverviewSchema = z
  .object({
    generatedAt: z.string(),
    windowDays: z.number().int().openapi({ description: "The days the task figures cover" }),
    status: agentStatusSchema,
    runs: z
      .array(agentRunSchema)
      .openapi({ description: "The newest task runs (every attempt), newest first" }),
    failures: z
      .array(agentFailureSchema)
      .openapi({ description: "The newest failed attempts, newest first" }),
    tasks: z.array(taskFiguresSchema).openapi({
      description: "Each task's figures, in the order gather, person-run, train-person",
    }),
    people: z.object({
      scheduled: z.number().int().openapi({
        description: "People with a CV or roles: their batches come by themselves",
      }),
      dueNow: z.number().int().openapi({ description: "Whose next batch is due now" }),
      waitingForRatings: z.number().int().openapi({
        description: "Whose batch waits to be rated (the next is not due until it is locked)",
      }),
      nextDueAt: z
        .string()
        .nullable()
        .openapi({ description: "The soonest batch due after now (UTC); null: none" }),
    }),
  })
  .openapi("AgentOverview");
export type AgentOverview = z.infer<typeof agentOverviewSchema>;
