import { type Database, schema } from "@aura/core";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";

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
