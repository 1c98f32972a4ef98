// What each of the agent's tasks does, one definition whether it runs in this process on the
// embedded database or from the PostgreSQL queue on any worker.
import { gatherJobs } from "./gather.ts";
import { withLease } from "./leases.ts";
import { runPerson, trainPerson } from "./person-run.ts";
import type { TaskContext, TaskOutcome, TaskRequest } from "./task-types.ts";

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
