// The agent's tasks on a PostgreSQL server: a durable queue (pg-boss) that any number of
// processes sharing DATABASE_URL take tasks from (`aura worker`, or `aura serve` itself). Each
// worker keeps a lease alive while it runs; a task whose worker died (SIGKILL, a lost machine:
// its process gone, or its lease lapsed) is failed by the next worker that looks, and the queue
// runs it again after its retry delay. A task running past schedule.taskTimeoutSeconds is failed
// too. Failed tasks stay in the queue's record and in task_runs with their error. One person's
// tasks never run at once (their lease, task-requests.ts).
import PgBoss from "pg-boss";
import type { AuraConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import type { Logger } from "../log/logger.ts";
import type { AgentStatus } from "./agent-schema.ts";
import { leaseHolder, liveLeases, localProcessGone, releaseLease, takeLease } from "./leases.ts";
import { PersonBusyError } from "./task-requests.ts";
import { attemptTask, type TaskRunner } from "./task-runner.ts";
import { markInterruptedRuns, runningQueueRuns } from "./task-runs.ts";
import type { TaskOutcome, TaskRequest } from "./task-types.ts";

/** The gathering alone; every person's tasks in the other (pg-boss queue names). */
const QUEUES = { gather: "aura-gather", person: "aura-person" } as const;
const queueOf = (request: TaskRequest) =>
  request.task === "gather" ? QUEUES.gather : QUEUES.person;

/** A busy person's task is sent again this much later. */
const BUSY_DELAY_SECONDS = 30;
/** A worker renews its lease this often; one not renewed for three turns is dead. */
const HEARTBEAT_MS = 10_000;

export interface TaskQueue extends TaskRunner {
  /**
   * Takes tasks from the queue, `concurrency` at a time, until stop(); `perform` runs one (the
   * same definitions as in process, task-requests.ts).
   */
  work(
    db: Database,
    perform: (request: TaskRequest) => Promise<TaskOutcome>,
    concurrency: number,
  ): Promise<void>;
}

export async function openTaskQueue(options: {
  databaseUrl: string;
  config: AuraConfig;
  log: Logger;
  /**
   * Seconds between looks for new tasks (default 0.5, pg-boss's least). pg-boss waits out the
   * rest of this interval after a task shorter than it, so it also caps short tasks per second.
   */
  pollSeconds?: number;
}): Promise<TaskQueue> {
  const { schedule } = options.config;
  const log = options.log.child({ component: "queue" });
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    application_name: "aura-tasks",
    max: 4,
    // Dead workers' tasks are found by this check: often enough for the timeout to mean it.
    maintenanceIntervalSeconds: Math.max(
      1,
      Math.min(120, Math.floor(schedule.taskTimeoutSeconds / 3)),
    ),
    // Finished tasks are kept two weeks (task_runs keeps every attempt for good).
    deleteAfterDays: 14,
  });
  boss.on("error", (error) => log.warn({ event: "queue", err: error }, "queue error"));
  await boss.start();
  const queueOptions = {
    policy: "short" as const,
    retryLimit: schedule.retries,
    retryDelay: schedule.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: schedule.taskTimeoutSeconds,
  };
  for (const name of Object.values(QUEUES)) {
    await boss.createQueue(name, { name, ...queueOptions });
    await boss.updateQueue(name, { name, ...queueOptions });
  }

  const send = (request: TaskRequest, startAfter?: number) =>
    boss.send(queueOf(request), request, {
      ...queueOptions,
      // "short": one waiting task per key; a second send of it is dropped (null).
      singletonKey: request.key,
      ...(startAfter ? { startAfter } : {}),
    });

  async function depth(): Promise<AgentStatus["queue"]> {
    const { rows } = await boss.getDb().executeSql(
      `SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) GROUP BY 1
       UNION ALL
       SELECT 'archived-failed', count(*)::int FROM pgboss.archive WHERE name = ANY($1) AND state = 'failed'`,
      [Object.values(QUEUES)],
    );
    const count = (state: string) =>
      (rows as { state: string; n: number }[])
        .filter((row) => row.state === state)
        .reduce((sum, row) => sum + row.n, 0);
    return {
      waiting: count("created") + count("retry"),
      running: count("active"),
      failed: count("failed") + count("archived-failed"),
    };
  }

  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  const stopWork: (() => Promise<void>)[] = [];
  return {
    kind: "postgres-queue",
    async enqueue(request) {
      if (stopped) return false;
      return (await send(request)) !== null;
    },
    async idle() {
      for (;;) {
        const { waiting, running } = await depth();
        if (waiting + running === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    depth,
    async work(db, perform, concurrency) {
      const worker = leaseHolder();
      const heartbeat = () => takeLease(db, `worker:${worker}`, worker, 3 * HEARTBEAT_MS);
      await heartbeat();
      // Tasks whose worker died go back to the queue (pg-boss retries them).
      const reap = async () => {
        await heartbeat();
        const alive = await liveLeases(db, "worker:");
        for (const run of await runningQueueRuns(db)) {
          if (run.worker && alive.has(run.worker) && !localProcessGone(run.worker)) continue;
          if ((await markInterruptedRuns(db, { id: run.id })) === 0) continue;
          log.warn(
            { event: "task", task: run.task, queueJob: run.queueJob, deadWorker: run.worker },
            "a dead worker's task goes back to the queue",
          );
          await boss.fail(run.task === "gather" ? QUEUES.gather : QUEUES.person, run.queueJob, {
            message: "its worker stopped before it finished",
          });
        }
      };
      const guarded = () =>
        reap().catch((error) => log.warn({ event: "queue", err: error }, "reaping failed"));
      await guarded();
      timers.push(setInterval(guarded, HEARTBEAT_MS));
      stopWork.push(() => releaseLease(db, `worker:${worker}`, worker));
      const handle = async (jobs: PgBoss.JobWithMetadata<TaskRequest>[]) => {
        for (const job of jobs) {
          try {
            await attemptTask({ db, log, perform }, job.data, job.retryCount + 1, {
              worker,
              queueJob: job.id,
            });
          } catch (error) {
            if (!(error instanceof PersonBusyError)) throw error;
            // Not a failure: this person's other task runs elsewhere; come back later.
            await send(job.data, BUSY_DELAY_SECONDS);
          }
        }
      };
      for (const name of Object.values(QUEUES)) {
        for (let i = 0; i < concurrency; i++) {
          let workerId: string | undefined;
          workerId = await boss.work<TaskRequest>(
            name,
            {
              batchSize: 1,
              includeMetadata: true,
              pollingIntervalSeconds: options.pollSeconds ?? 0.5,
            },
            async (jobs) => {
              await handle(jobs);
              // pg-boss waits out the rest of its polling interval even after a task; where
              // there was one there are likely more (1,000 people due at once): look again now.
              if (workerId && !stopped) boss.notifyWorker(workerId);
            },
          );
        }
      }
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      for (const release of stopWork) await release().catch(() => undefined);
    },
  };
}
