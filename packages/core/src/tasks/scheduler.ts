// The agent's clock inside `aura start` and `aura serve`: the shared gathering on a cadence
// (default daily), and a sweep that queues every person whose next batch is due (their search
// frequency) — train what changed, prepare the batch, tell them. Cron patterns are in UTC. The
// tasks run in this process (embedded database) or on the PostgreSQL queue's workers.
import { Cron } from "croner";
import type { AgentStatus, AgentTasks } from "./agent-schema.ts";
import { duePeople } from "./due-people.ts";
import { performTask, personTaskKey } from "./task-requests.ts";
import { createTaskRunner, type TaskRunner } from "./task-runner.ts";
import type { TaskContext } from "./task-types.ts";

export interface SchedulerDeps extends TaskContext {
  /** Where the tasks run; default: in this process, one at a time. */
  runner?: TaskRunner;
}

export interface Scheduler extends AgentTasks {
  runner: TaskRunner;
  /** Queues the shared gathering now. */
  gather(): Promise<boolean>;
  /** Queues a run for everyone due at `now`; returns how many were queued. */
  sweep(): Promise<number>;
  /** When each schedule fires next (UTC), for `aura runs` and the admin page. */
  nextRuns(): { gather: Date | null; sweep: Date | null };
  stop(): Promise<void>;
}

/** When a cron pattern next fires after `from` (UTC). */
export function nextRunOf(pattern: string, from: Date = new Date()): Date | null {
  return new Cron(pattern, { timezone: "UTC", paused: true }).nextRun(from);
}

/** The in-process runner of the agent's tasks, with the retries the config asks for. */
export function inProcessRunner(context: TaskContext): TaskRunner {
  return createTaskRunner({
    db: context.db,
    log: context.log.child({ component: "tasks" }),
    perform: (request) => performTask(context, request),
    retries: context.config.schedule.retries,
    backoffMs: context.config.schedule.retryDelaySeconds * 1000,
  });
}

/** Builds the scheduler; `start: false` leaves the crons off (tests drive gather/sweep). */
export function createScheduler(deps: SchedulerDeps, options: { start?: boolean } = {}): Scheduler {
  const now = deps.now ?? (() => new Date());
  const context: TaskContext = { ...deps, now };
  const runner = deps.runner ?? inProcessRunner(context);
  const schedule = deps.config.schedule;

  const scheduler: Scheduler = {
    runner,
    gather: () =>
      runner.enqueue({ task: "gather", key: `gather:${now().toISOString().slice(0, 13)}` }),
    async sweep() {
      let queued = 0;
      for (const person of await duePeople(deps.db, now())) {
        const request = { task: "person-run" as const, key: person.key, userId: person.userId };
        if (await runner.enqueue(request)) queued++;
      }
      return queued;
    },
    runPersonNow: (userId) =>
      runner.enqueue({
        task: "person-run",
        key: personTaskKey("person-run", userId, "asked", now()),
        userId,
        repeat: true,
      }),
    trainPerson: (userId) =>
      runner.enqueue({
        task: "train-person",
        key: personTaskKey("train-person", userId, "locked", now()),
        userId,
        repeat: true,
      }),
    async status(): Promise<AgentStatus> {
      const next = scheduler.nextRuns();
      return {
        runner: runner.kind,
        schedules: [
          {
            name: "gather",
            pattern: schedule.gather,
            nextRunAt: next.gather?.toISOString() ?? null,
          },
          { name: "sweep", pattern: schedule.sweep, nextRunAt: next.sweep?.toISOString() ?? null },
        ],
        queue: await runner.depth(),
      };
    },
    nextRuns: () => ({
      gather: gatherCron?.nextRun() ?? null,
      sweep: sweepCron?.nextRun() ?? null,
    }),
    async stop() {
      gatherCron?.stop();
      sweepCron?.stop();
      await runner.stop();
    },
  };

  const protect = (what: string, work: () => Promise<unknown>) => async () => {
    try {
      await work();
    } catch (error) {
      deps.log.error({ event: "schedule", schedule: what, err: error }, `${what} failed`);
    }
  };
  const start = (options.start ?? true) && schedule.enabled;
  const gatherCron = start
    ? new Cron(
        schedule.gather,
        { timezone: "UTC", protect: true },
        protect("gather", () => scheduler.gather()),
      )
    : null;
  const sweepCron = start
    ? new Cron(
        schedule.sweep,
        { timezone: "UTC", protect: true },
        protect("sweep", () => scheduler.sweep()),
      )
    : null;
  return scheduler;
}
