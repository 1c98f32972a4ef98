// The agent's clock inside `aura start` and `aura serve`: the shared gathering on a cadence
// (default daily), and a sweep that runs every person whose next batch is due (their search
// frequency) — train what changed, prepare the batch, tell them. Cron patterns are in UTC.
import { Cron } from "croner";
import type { Batch } from "../batch/batches.ts";
import type { AuraConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import type { Embedder } from "../embed/embedder.ts";
import type { Logger } from "../log/logger.ts";
import { duePeople } from "./due-people.ts";
import { gatherJobs } from "./gather.ts";
import { runPerson } from "./person-run.ts";
import { createTaskRunner, type TaskRunner } from "./task-runner.ts";

export interface SchedulerDeps {
  db: Database;
  config: AuraConfig;
  embedder: () => Promise<Embedder>;
  log: Logger;
  notify?: (userId: string, batch: Batch) => Promise<string[]>;
  /** The clock (tests pass a fake one). */
  now?: () => Date;
  runner?: TaskRunner;
}

export interface Scheduler {
  runner: TaskRunner;
  /** Queues the shared gathering now. */
  gather(): boolean;
  /** Queues a run for everyone due at `now`; returns how many were queued. */
  sweep(): Promise<number>;
  /** Queues one person's run now (a person asking for a batch). */
  runPersonNow(userId: string): boolean;
  /** When each schedule fires next (UTC), for `aura runs` and the admin page. */
  nextRuns(): { gather: Date | null; sweep: Date | null };
  stop(): Promise<void>;
}

/** When a cron pattern next fires after `from` (UTC). */
export function nextRunOf(pattern: string, from: Date = new Date()): Date | null {
  return new Cron(pattern, { timezone: "UTC", paused: true }).nextRun(from);
}

/** Builds the scheduler; `start: false` leaves the crons off (tests drive gather/sweep). */
export function createScheduler(deps: SchedulerDeps, options: { start?: boolean } = {}): Scheduler {
  const now = deps.now ?? (() => new Date());
  const runner =
    deps.runner ?? createTaskRunner({ db: deps.db, log: deps.log.child({ component: "tasks" }) });
  const schedule = deps.config.schedule;

  const personTask = (userId: string, key: string, repeat = false) => ({
    task: "person-run" as const,
    key,
    userId,
    repeat,
    run: () => runPerson({ ...deps, now }, userId),
  });

  const scheduler: Scheduler = {
    runner,
    gather() {
      const day = now().toISOString().slice(0, 13);
      return runner.enqueue({
        task: "gather",
        key: `gather:${day}`,
        run: () =>
          gatherJobs({
            db: deps.db,
            config: deps.config,
            embedder: deps.embedder,
            log: deps.log,
            offline: schedule.offline,
          }),
      });
    },
    async sweep() {
      let queued = 0;
      for (const person of await duePeople(deps.db, now())) {
        if (runner.enqueue(personTask(person.userId, person.key))) queued++;
      }
      return queued;
    },
    runPersonNow(userId) {
      return runner.enqueue(
        personTask(userId, `person-run:${userId}:asked:${now().toISOString()}`, true),
      );
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

  const protect = (what: string, work: () => unknown) => async () => {
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
