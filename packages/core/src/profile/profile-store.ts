import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { parseOrThrow } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { profiles, users } from "../db/schema.ts";
import { type Preferences, preferencesSchema } from "./preferences.ts";

/** The user the CLI acts as: one person, one local profile. */
export const LOCAL_USER_ID = "local";

export interface Profile {
  userId: string;
  cvText: string;
  cvFileName: string | null;
  preferences: Preferences;
  updatedAt: Date;
}

/** Creates the user if missing (the CLI's "local" user, or an API account's id). */
export async function ensureUser(db: Database, userId: string, name = userId): Promise<void> {
  await db.insert(users).values({ id: userId, name }).onConflictDoNothing();
}

export interface ProfileUpdate {
  cv?: { text: string; fileName: string | null };
  /** Replaces the stored preferences when given (validated here). */
  preferences?: unknown;
}

/**
 * Creates or updates a user's profile: the CV, the preferences, or both. Invalid preferences
 * throw an `invalid_input` error naming the key, and nothing is written.
 */
export async function saveProfile(
  db: Database,
  userId: string,
  update: ProfileUpdate,
): Promise<Profile> {
  const preferences =
    update.preferences === undefined
      ? undefined
      : parseOrThrow(
          preferencesSchema,
          update.preferences ?? {},
          "preferences",
          [],
          "invalid_input",
        );
  await ensureUser(db, userId);
  const values = {
    userId,
    ...(update.cv ? { cvText: update.cv.text, cvFileName: update.cv.fileName } : {}),
    ...(preferences ? { preferences } : {}),
  };
  await db
    .insert(profiles)
    .values(values)
    .onConflictDoUpdate({ target: profiles.userId, set: { ...values, updatedAt: sql`now()` } });
  const saved = await getProfile(db, userId);
  if (!saved) throw new Error(`profile of ${userId} vanished after saving`);
  return saved;
}

export async function getProfile(db: Database, userId: string): Promise<Profile | null> {
  const [row] = await db.select().from(profiles).where(eq(profiles.userId, userId));
  if (!row) return null;
  return {
    userId: row.userId,
    cvText: row.cvText,
    cvFileName: row.cvFileName,
    // Stored preferences were validated on the way in; parsing again fills defaults added since.
    preferences: preferencesSchema.parse(row.preferences ?? {}),
    updatedAt: row.updatedAt,
  };
}

export function textHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/** The CV's vector for `model`, if cached for the CV as it is now. */
export async function getCachedCvVector(
  db: Database,
  userId: string,
  model: string,
  cvText: string,
): Promise<Float32Array | null> {
  const [row] = await db
    .select({ model: profiles.cvModel, hash: profiles.cvTextHash, vector: profiles.cvEmbedding })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  if (!row?.vector || row.model !== model || row.hash !== textHash(cvText)) return null;
  return Float32Array.from(row.vector);
}

export async function cacheCvVector(
  db: Database,
  userId: string,
  model: string,
  cvText: string,
  vector: Float32Array,
): Promise<void> {
  await db
    .update(profiles)
    .set({ cvModel: model, cvTextHash: textHash(cvText), cvEmbedding: Array.from(vector) })
    .where(eq(profiles.userId, userId));
}
