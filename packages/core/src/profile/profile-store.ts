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
  /**
   * The ranking vector stored with the profile when it was read (null: none stored), so that
   * ranking need not read the profile again; it is used only while it is for the ranking's
   * model and text. Absent on a profile made by hand: ranking then reads the stored one.
   */
  cvVector?: CachedCvVector | null;
}

/** A ranking vector as stored with the profile: which model made it, from which text (hashed). */
export interface CachedCvVector {
  model: string;
  textHash: string;
  vector: Float32Array;
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
    cvVector: storedCvVector(row),
  };
}

function storedCvVector(row: {
  cvModel: string | null;
  cvTextHash: string | null;
  cvEmbedding: number[] | null;
}): CachedCvVector | null {
  return row.cvEmbedding && row.cvModel && row.cvTextHash
    ? { model: row.cvModel, textHash: row.cvTextHash, vector: Float32Array.from(row.cvEmbedding) }
    : null;
}

/** The cached vector when it was made by `model` from `text` as it is now, else null. */
export function cvVectorFor(
  cached: CachedCvVector | null,
  model: string,
  text: string,
): Float32Array | null {
  return cached && cached.model === model && cached.textHash === textHash(text)
    ? cached.vector
    : null;
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
    .select({
      cvModel: profiles.cvModel,
      cvTextHash: profiles.cvTextHash,
      cvEmbedding: profiles.cvEmbedding,
    })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  return row ? cvVectorFor(storedCvVector(row), model, cvText) : null;
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
