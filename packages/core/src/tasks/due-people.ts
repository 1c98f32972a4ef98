// Whose next batch is due: people with a CV or roles whose newest batch is locked and older
// than their search frequency (preferences.searchFrequencyDays), or who have none yet.
import { sql } from "drizzle-orm";
import { type Database, resultRows } from "../db/client.ts";
import { preferencesSchema } from "../profile/preferences.ts";
import { LOCAL_USER_ID } from "../profile/profile-store.ts";

const DAY_MS = 86_400_000;

export interface DuePerson {
  userId: string;
  /** When the batch became due (UTC). */
  dueAt: Date;
  /** Names this due batch: the same key is never run twice. */
  key: string;
}

export interface PersonSchedule {
  userId: string;
  /** Days between two batches. */
  frequencyDays: number;
  /**
   * When the next batch is due (for a first batch: since the profile was set up); null while
   * a batch waits to be rated.
   */
  nextDueAt: Date | null;
  /** No batch yet: the next one is their first. */
  first: boolean;
}

/** Each person's cadence, from their preferences and their newest batch. */
export async function personSchedules(db: Database, userId?: string): Promise<PersonSchedule[]> {
  const rows = resultRows<{
    user_id: string;
    preferences: unknown;
    created_at: string | Date;
    newest_at: string | Date | null;
    newest_status: "open" | "locked" | null;
  }>(
    await db.execute(sql`
      SELECT p.user_id, p.preferences, p.created_at, b.created_at AS newest_at, b.status AS newest_status
      FROM profiles p
      LEFT JOIN LATERAL (
        SELECT created_at, status FROM batches WHERE user_id = p.user_id ORDER BY id DESC LIMIT 1
      ) b ON true
      WHERE p.user_id <> ${LOCAL_USER_ID}
        AND (p.cv_text <> '' OR jsonb_array_length(coalesce(p.preferences->'roles', '[]'::jsonb)) > 0)
        ${userId ? sql`AND p.user_id = ${userId}` : sql``}
      ORDER BY p.user_id`),
  );
  return rows.map((row) => {
    const parsed = preferencesSchema.safeParse(row.preferences ?? {});
    const frequencyDays = parsed.success ? parsed.data.searchFrequencyDays : 7;
    const newest = row.newest_at ? new Date(row.newest_at) : null;
    const nextDueAt =
      row.newest_status === "open"
        ? null
        : newest
          ? new Date(newest.getTime() + frequencyDays * DAY_MS)
          : new Date(row.created_at);
    return { userId: row.user_id, frequencyDays, nextDueAt, first: newest === null };
  });
}

/** The people whose next batch is due at `now`, each with the key of that due batch. */
export async function duePeople(db: Database, now: Date): Promise<DuePerson[]> {
  return (await personSchedules(db))
    .filter((s): s is PersonSchedule & { nextDueAt: Date } => s.nextDueAt !== null)
    .filter((s) => s.nextDueAt.getTime() <= now.getTime())
    .map((s) => ({
      userId: s.userId,
      dueAt: s.nextDueAt,
      key: `person-run:${s.userId}:${s.first ? "first" : s.nextDueAt.toISOString()}`,
    }));
}
