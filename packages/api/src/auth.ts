import { createHash, randomBytes } from "node:crypto";
import { type Database, schema } from "@aura/core";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { and, eq } from "drizzle-orm";

export interface AuthOptions {
  /** Signs session cookies; keep it stable across restarts. */
  secret: string;
  /** Where the API is reached (origin), for cookies and OAuth callbacks. */
  baseUrl: string;
  /** Origins allowed to send credentialed requests (the web app). */
  trustedOrigins: string[];
  github?: { clientId: string; clientSecret: string };
  google?: { clientId: string; clientSecret: string };
}

/**
 * Accounts with better-auth on AURA's own tables: e-mail and password (scrypt, no network),
 * GitHub and Google when their keys are set, sessions in the database (the API keeps the ones
 * it checked lately in memory, see app.ts).
 */
export function createAuth(db: Database, options: AuthOptions) {
  return betterAuth({
    basePath: "/api/auth",
    baseURL: options.baseUrl,
    secret: options.secret,
    trustedOrigins: options.trustedOrigins,
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
      },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    socialProviders: {
      ...(options.github ? { github: options.github } : {}),
      ...(options.google ? { google: options.google } : {}),
    },
    // AURA limits sign-in itself (rate-limit.ts), the same way for every route.
    rateLimit: { enabled: false },
  });
}
export type Auth = ReturnType<typeof createAuth>;

const TOKEN_PREFIX = "aura_";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new personal API token for the CLI; only its hash is stored, so it is shown once. */
export async function createApiToken(
  db: Database,
  userId: string,
  name: string,
): Promise<{ id: number; name: string; token: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const [row] = await db
    .insert(schema.apiTokens)
    .values({ userId, name, tokenHash: hashToken(token) })
    .returning({ id: schema.apiTokens.id });
  if (!row) throw new Error("the token was not stored");
  return { id: row.id, name, token };
}

/** The user a bearer API token belongs to, or null. */
export async function userOfApiToken(db: Database, token: string): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ userId: schema.apiTokens.userId })
    .from(schema.apiTokens)
    .where(eq(schema.apiTokens.tokenHash, hashToken(token)));
  return row?.userId ?? null;
}

export async function deleteApiToken(db: Database, userId: string, id: number): Promise<boolean> {
  const rows = await db
    .delete(schema.apiTokens)
    .where(and(eq(schema.apiTokens.id, id), eq(schema.apiTokens.userId, userId)))
    .returning({ id: schema.apiTokens.id });
  return rows.length > 0;
}
