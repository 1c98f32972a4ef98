import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { ApplyConfig } from "../config/config.ts";
import { parseOrThrow } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  applications,
  batches,
  batchJobs,
  OUTCOME_STAGES,
  type OutcomeStage,
  outcomes,
  ratings,
} from "../db/schema.ts";
import type { Embedder } from "../embed/embedder.ts";
import { AppError } from "../errors.ts";
import { type JobView, toJobView } from "../jobs/job-view.ts";
import { getJobs } from "../jobs/store/list-jobs.ts";
import { newestBatch } from "../track/pending-applications.ts";
import type { Application, Generation } from "./application-schema.ts";
import { generateDocuments } from "./generate.ts";

export type { Application, Generation } from "./application-schema.ts";

/** Stages in the order an application moves forward; rejection and silence close it. */
const FORWARD: readonly OutcomeStage[] = [
  "applied",
  "interview1",
  "interview2",
  "offer",
  "accepted",
];
const CLOSED: readonly OutcomeStage[] = ["rejected", "no_response"];
/** Stages waiting on the employer: a reminder applies. */
const WAITING: readonly ApplicationStatus[] = ["applied", "interview1", "interview2"];
const DAY_MS = 86_400_000;

type Row = typeof applications.$inferSelect;

function toApplication(
  row: Row,
  job: JobView,
  config: Pick<ApplyConfig, "reminderDays">,
  now: Date,
) {
  const waiting = WAITING.includes(row.status);
  const remindAt = waiting
    ? new Date(row.statusChangedAt.getTime() + config.reminderDays * DAY_MS)
    : null;
  return {
    id: row.id,
    jobId: row.jobId,
    batchId: row.batchId,
    status: row.status,
    job,
    cv: row.cvMarkdown,
    letter: row.letterMarkdown,
    generation: row.generation as Generation,
    addedFacts: row.addedFacts,
    notes: row.notes,
    appliedAt: row.appliedAt?.toISOString() ?? null,
    statusChangedAt: row.statusChangedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    reminderDue: remindAt !== null && remindAt.getTime() <= now.getTime(),
    remindAt: remindAt?.toISOString() ?? null,
  } satisfies Application;
}

async function withJobs(
  db: Database,
  rows: Row[],
  config: Pick<ApplyConfig, "reminderDays">,
  now = new Date(),
): Promise<Application[]> {
  const jobs = await getJobs(
    db,
    rows.map((row) => row.jobId),
    { withDescription: false },
  );
  const byId = new Map(jobs.map((job) => [job.id, toJobView(job)]));
  return rows.flatMap((row) => {
    const job = byId.get(row.jobId);
    return job ? [toApplication(row, job, config, now)] : [];
  });
}

export const generateInputSchema = z.strictObject({
  /** Jobs to prepare; left out, the ≥4★ jobs of the newest batch that have no application. */
  jobIds: z.array(z.number().int().positive()).min(1).max(20).optional(),
  writer: z.enum(["offline", "llm"]).optional(),
  /** Facts to add beside the CV (a certificate, a project): the guard accepts them too. */
  addedFacts: z.string().max(5_000).optional(),
});

/** The ≥4★ jobs of the person's newest batch with no application yet. */
async function likedJobsOfNewestBatch(db: Database, userId: string): Promise<number[]> {
  const newest = await newestBatch(db, userId);
  if (!newest) return [];
  const rows = await db
    .select({ jobId: batchJobs.jobId })
    .from(batchJobs)
    .innerJoin(ratings, and(eq(ratings.jobId, batchJobs.jobId), eq(ratings.userId, userId)))
    .leftJoin(
      applications,
      and(eq(applications.jobId, batchJobs.jobId), eq(applications.userId, userId)),
    )
    .where(
      and(
        eq(batchJobs.batchId, newest.id),
        sql`${ratings.stars} >= 4`,
        sql`${applications.id} IS NULL`,
      ),
    )
    .orderBy(batchJobs.position);
  return rows.map((row) => row.jobId);
}

/**
 * Writes (or rewrites) the documents of applications to the given jobs, each a draft until the
 * person confirms they applied. Rewriting keeps the status and notes and the documents it
 * replaced (`generation.previous`), so the person can take it back.
 */
export async function generateApplications(
  db: Database,
  embedder: Embedder,
  userId: string,
  input: unknown,
  options: { config: ApplyConfig; today?: Date; fetch?: typeof fetch },
): Promise<Application[]> {
  const request = parseOrThrow(generateInputSchema, input ?? {}, "request", [], "invalid_input");
  const jobIds = request.jobIds ?? (await likedJobsOfNewestBatch(db, userId));
  if (jobIds.length === 0) {
    throw new AppError(
      "conflict",
      "No job to prepare: rate jobs 4★ or more in your batch, or name the jobs (jobIds).",
      { field: "jobIds" },
    );
  }
  const ids: number[] = [];
  for (const jobId of [...new Set(jobIds)]) {
    const [existing] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.userId, userId), eq(applications.jobId, jobId)));
    if (existing && existing.status !== "draft") {
      throw new AppError(
        "conflict",
        `Your application to job ${jobId} is marked ${existing.status}: its documents are the ones you sent. Move it back to draft to write them again.`,
        { field: "jobIds" },
      );
    }
    const addedFacts = request.addedFacts ?? existing?.addedFacts ?? "";
    const documents = await generateDocuments(db, embedder, userId, jobId, {
      config: options.config,
      writer: request.writer,
      addedFacts,
      today: options.today,
      fetch: options.fetch,
    });
    const generation: Generation = {
      writer: documents.writer,
      language: documents.language,
      flags: documents.flags,
      provenance: documents.provenance,
      ms: documents.ms,
      generatedAt: new Date().toISOString(),
      previous: existing ? { cv: existing.cvMarkdown, letter: existing.letterMarkdown } : null,
    };
    const [batch] = await db
      .select({ id: batchJobs.batchId })
      .from(batchJobs)
      .innerJoin(batches, eq(batches.id, batchJobs.batchId))
      .where(and(eq(batchJobs.jobId, jobId), eq(batches.userId, userId)))
      .orderBy(desc(batchJobs.batchId))
      .limit(1);
    const values = {
      cvMarkdown: documents.cv,
      letterMarkdown: documents.letter,
      generation,
      addedFacts,
      updatedAt: new Date(),
    };
    // Stages already recorded for the job (POST /outcomes) set where a new application stands.
    const status = existing ? existing.status : await furthestStage(db, userId, jobId);
    const [row] = await db
      .insert(applications)
      .values({ userId, jobId, batchId: batch?.id ?? null, status, ...values })
      .onConflictDoUpdate({ target: [applications.userId, applications.jobId], set: values })
      .returning({ id: applications.id });
    if (row) ids.push(row.id);
  }
  return (await listApplications(db, userId, options.config)).filter((a) => ids.includes(a.id));
}

/** The furthest stage recorded for a job, or draft: a closed outcome wins over an open one. */
async function furthestStage(db: Database, userId: string, jobId: number) {
  const rows = await db
    .select({ stage: outcomes.stage })
    .from(outcomes)
    .where(and(eq(outcomes.userId, userId), eq(outcomes.jobId, jobId)));
  const stages = rows.map((row) => row.stage);
  const closed = CLOSED.find((stage) => stages.includes(stage));
  if (closed) return closed;
  const forward = FORWARD.filter((stage) => stages.includes(stage)).at(-1);
  return forward ?? "draft";
}

/** The person's applications, newest change first. */
export async function listApplications(
  db: Database,
  userId: string,
  config: Pick<ApplyConfig, "reminderDays">,
  options: { now?: Date } = {},
): Promise<Application[]> {
  const rows = await db
    .select()
    .from(applications)
    .where(eq(applications.userId, userId))
    .orderBy(desc(applications.statusChangedAt), desc(applications.id));
  return withJobs(db, rows, config, options.now);
}

export async function getApplication(
  db: Database,
  userId: string,
  id: number,
  config: Pick<ApplyConfig, "reminderDays">,
  options: { now?: Date } = {},
): Promise<Application> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.id, id), eq(applications.userId, userId)));
  const [application] = row ? await withJobs(db, [row], config, options.now) : [];
  if (!application) {
    throw new AppError("not_found", `There is no application ${id}.`, { field: "id" });
  }
  return application;
}

export const applicationUpdateSchema = z.strictObject({
  status: z.enum(APPLICATION_STATUSES).optional(),
  notes: z.string().max(20_000).optional(),
  /** When the person applied (ISO 8601); set on the first move past draft when left out. */
  appliedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** Edited documents (Markdown): the person's own words, stored as written. */
  cv: z.string().max(60_000).regex(/\S/, "must not be empty").optional(),
  letter: z.string().max(60_000).regex(/\S/, "must not be empty").optional(),
  addedFacts: z.string().max(5_000).optional(),
});
export type ApplicationUpdate = z.infer<typeof applicationUpdateSchema>;

/**
 * Keeps the person's outcomes in step with a status move, in the same transaction: moving
 * forward records the stage (a reward for the learning loop); moving back (an undo) removes
 * the stages past the new one, so a slip of the mouse is not learned from.
 */
async function syncOutcomes(
  tx: Database,
  userId: string,
  jobId: number,
  status: ApplicationStatus,
  occurredAt: Date,
): Promise<void> {
  const mine = and(eq(outcomes.userId, userId), eq(outcomes.jobId, jobId));
  let drop: readonly OutcomeStage[];
  if (status === "draft") drop = OUTCOME_STAGES;
  else if (CLOSED.includes(status)) drop = CLOSED.filter((stage) => stage !== status);
  else drop = [...FORWARD.slice(FORWARD.indexOf(status) + 1), ...CLOSED];
  if (drop.length > 0) await tx.delete(outcomes).where(and(mine, inArray(outcomes.stage, drop)));
  if (status === "draft") return;
  const [already] = await tx
    .select({ id: outcomes.id })
    .from(outcomes)
    .where(and(mine, eq(outcomes.stage, status)));
  if (!already) await tx.insert(outcomes).values({ userId, jobId, stage: status, occurredAt });
}

/**
 * Changes an application: its status (recorded as an outcome), notes, dates, edited documents.
 * Bad input is `invalid_input` naming the field; another person's application is `not_found`.
 */
export async function updateApplication(
  db: Database,
  userId: string,
  id: number,
  input: unknown,
  config: Pick<ApplyConfig, "reminderDays">,
): Promise<Application> {
  const update = parseOrThrow(applicationUpdateSchema, input, "application", [], "invalid_input");
  const current = await getApplication(db, userId, id, config);
  const now = new Date();
  if (update.appliedAt) {
    if (new Date(update.appliedAt).getTime() > now.getTime() + DAY_MS) {
      throw new AppError("invalid_input", 'Invalid "appliedAt": it is in the future.', {
        field: "appliedAt",
      });
    }
    if ((update.status ?? current.status) === "draft") {
      throw new AppError(
        "invalid_input",
        'Invalid "appliedAt": a draft has not been sent; set a status past draft with it.',
        { field: "appliedAt" },
      );
    }
  }
  await db.transaction(async (tx) => {
    const set: Partial<typeof applications.$inferInsert> = { updatedAt: now };
    if (update.notes !== undefined) set.notes = update.notes;
    if (update.cv !== undefined) set.cvMarkdown = update.cv;
    if (update.letter !== undefined) set.letterMarkdown = update.letter;
    if (update.addedFacts !== undefined) set.addedFacts = update.addedFacts;
    if (update.appliedAt !== undefined) {
      set.appliedAt = update.appliedAt === null ? null : new Date(update.appliedAt);
    }
    if (update.status !== undefined && update.status !== current.status) {
      set.status = update.status;
      set.statusChangedAt = now;
      if (update.status === "draft") set.appliedAt = null;
      else if (!current.appliedAt && update.appliedAt === undefined) set.appliedAt = now;
      await syncOutcomes(tx as unknown as Database, userId, current.jobId, update.status, now);
    }
    await tx
      .update(applications)
      .set(set)
      .where(and(eq(applications.id, id), eq(applications.userId, userId)));
  });
  return getApplication(db, userId, id, config);
}

/** Deletes an application (its documents); the outcomes it recorded stay as history. */
export async function deleteApplication(db: Database, userId: string, id: number): Promise<void> {
  const deleted = await db
    .delete(applications)
    .where(and(eq(applications.id, id), eq(applications.userId, userId)))
    .returning({ id: applications.id });
  if (deleted.length === 0) {
    throw new AppError("not_found", `There is no application ${id}.`, { field: "id" });
  }
}

/** The person says they apply to none of a batch's jobs: the next batch may open. */
export async function declineApplications(db: Database, userId: string, batchId: number) {
  const [batch] = await db
    .select({ id: batches.id, status: batches.status })
    .from(batches)
    .where(and(eq(batches.id, batchId), eq(batches.userId, userId)));
  if (!batch) throw new AppError("not_found", `There is no batch ${batchId}.`, { field: "id" });
  const newest = await newestBatch(db, userId);
  // Said of the batch just rated: said earlier it would skip a liked job not yet rated.
  if (batch.status !== "locked" || newest?.id !== batch.id) {
    throw new AppError(
      "conflict",
      batch.status !== "locked"
        ? `Rate and lock batch ${batchId} first: this answer is about the jobs you liked in it.`
        : `Batch ${batchId} is not your newest; only the newest batch waits for an answer.`,
      { field: "id" },
    );
  }
  await db.update(batches).set({ noApplicationsAt: new Date() }).where(eq(batches.id, batchId));
}
