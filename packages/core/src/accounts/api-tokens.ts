// Personal API tokens (for the CLI and scripts): only a hash is stored, so a token shows once.
import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { apiTokens } from "../db/schema.ts";
import type { ApiToken } from "./account-schema.ts";

const TOKEN_PREFIX = "aura_";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new personal API token; only its hash is stored, so it is shown once. */
export async function createApiToken(
  db: Database,
  userId: string,
  name: string,
): Promise<ApiToken> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashToken(token) })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error("the token was not stored");
  return { id: row.id, name, token };
}

/** The user a bearer API token belongs to, or null. */
export async function userOfApiToken(db: Database, token: string): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ userId: apiTokens.userId })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  return row?.userId ?? null;
}

/** Deletes one of the user's tokens; false when there is no such token of theirs. */
export async function deleteApiToken(db: Database, userId: string, id: number): Promise<boolean> {
  const rows = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
