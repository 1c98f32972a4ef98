// "Ask for a batch now": a person may have their run queued at once (train, prepare the batch,
// tell them) instead of waiting for their search frequency, at most once an hour. The hour is
// kept in the database (notification_settings.asked_batch_at) and claimed in one statement, so
// two clicks, two tabs or two server processes cannot both pass.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { notificationSettings } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { z } from "../shared/contract-zod.ts";
import { pendingApplications } from "../track/pending-applications.ts";
import { personSchedules } from "./due-people.ts";

/** Least time between two asks of one person. */
export const BATCH_ASK_INTERVAL_MS = 3_600_000;

export const batchAskSchema = z
  .object({
    queued: z.literal(true),
    alreadyQueued: z.boolean().meta({
      description: "Your run was queued already (by the schedule or an earlier ask)",
    }),
    nextAllowedAt: z.string().meta({ description: "UTC: when you may ask again" }),
  })
  .meta({ id: "BatchAsk" });
export type BatchAsk = z.infer<typeof batchAskSchema>;

/** When the person may ask again (UTC), or null when they may ask now. */
export async function batchAskAllowedAt(
  db: Database,
  userId: string,
  now: Date = new Date(),
): Promise<Date | null> {
  const [row] = await db
    .select({ askedBatchAt: notificationSettings.askedBatchAt })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  if (!row?.askedBatchAt) return null;
  const allowedAt = new Date(new Date(row.askedBatchAt).getTime() + BATCH_ASK_INTERVAL_MS);
  return allowedAt.getTime() > now.getTime() ? allowedAt : null;
}

/**
 * Claims this hour's ask: sets asked_batch_at to `now` only when it is empty or an hour old,
 * in one statement (an upsert whose update has that condition; a concurrent claim waits for
 * the row and then finds it taken). Returns whether it was claimed.
 */
async function claimBatchAsk(db: Database, userId: string, now: Date): Promise<boolean> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const claimed = await db
    .insert(notificationSettings)
    .values({ userId, askedBatchAt: now })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { askedBatchAt: now },
      setWhere: sql`${notificationSettings.askedBatchAt} IS NULL OR ${notificationSettings.askedBatchAt} <= ${at} - make_interval(secs => ${BATCH_ASK_INTERVAL_MS / 1000})`,
    })
    .returning({ userId: notificationSettings.userId });
  return claimed.length > 0;
}

/** Gives the hour back when the run could not be queued (only this claim, not a later one). */
async function releaseBatchAsk(db: Database, userId: string, claimedAt: Date): Promise<void> {
  await db
    .update(notificationSettings)
    .set({ askedBatchAt: null })
    .where(
      and(
        eq(notificationSettings.userId, userId),
        eq(notificationSettings.askedBatchAt, claimedAt),
      ),
    );
}

/**
 * Queues the person's run now through `queue` (the agent's tasks), at most once an hour.
 * Refuses, without using up the hour, when there is nothing to prepare: no CV or roles yet
 * (conflict, field "profile"), a batch waiting to be rated (conflict, field "batch"), or
 * liked jobs of the last batch without an application (conflict, field "applications").
 * Asked again within the hour: AppError("rate_limited") with the seconds to wait. If `queue`
 * throws, the hour is given back.
 */
export async function askForBatch(
  db: Database,
  userId: string,
  queue: (userId: string) => Promise<boolean>,
  options: { now?: Date } = {},
): Promise<BatchAsk> {
  const now = options.now ?? new Date();
  const [schedule] = await personSchedules(db, userId);
  if (!schedule) {
    throw new AppError(
      "conflict",
      "There is nothing to prepare yet: add your CV or the roles you look for first.",
      { field: "profile" },
    );
  }
  if (schedule.nextDueAt === null) {
    throw new AppError(
      "conflict",
      "A batch is waiting for you: rate its jobs and lock it, then the next one comes.",
      { field: "batch" },
    );
  }
  const pending = await pendingApplications(db, userId);
  if (pending) {
    throw new AppError(
      "conflict",
      `Before a new batch, confirm at least one application from your last batch (you liked ${pending.liked} of its jobs), or say you apply to none of them.`,
      { field: "applications" },
    );
  }
  if (!(await claimBatchAsk(db, userId, now))) {
    const allowedAt =
      (await batchAskAllowedAt(db, userId, now)) ?? new Date(now.getTime() + BATCH_ASK_INTERVAL_MS);
    const seconds = Math.max(1, Math.ceil((allowedAt.getTime() - now.getTime()) / 1000));
    const minutes = Math.ceil(seconds / 60);
    throw new AppError(
      "rate_limited",
      `You can ask for a batch once an hour: ask again in ${minutes} minute${minutes === 1 ? "" : "s"} (after ${allowedAt.toISOString()}).`,
      { retryAfterSeconds: seconds },
    );
  }
  let fresh: boolean;
  try {
    fresh = await queue(userId);
  } catch (error) {
    await releaseBatchAsk(db, userId, now);
    throw error;
  }
  return {
    queued: true,
    alreadyQueued: !fresh,
    nextAllowedAt: new Date(now.getTime() + BATCH_ASK_INTERVAL_MS).toISOString(),
  };
}
