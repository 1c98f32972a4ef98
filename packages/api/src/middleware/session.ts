// Who is calling: a personal API token (Authorization: Bearer) or better-auth's session cookie,
// the cookies checked lately kept in memory.
import { AppError, type Database, userOfApiToken } from "@aura/core";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Auth } from "../auth.ts";
import type { ApiEnv } from "../openapi.ts";

/** The signed session cookie's value (better-auth's `…session_token`), if any. */
export function sessionToken(c: Context): string | null {
  for (const [name, value] of Object.entries(getCookie(c))) {
    if (name.endsWith(".session_token") && value) return value;
  }
  return null;
}

/**
 * Users of session cookies seen in the last SESSION_CACHE_MS (never past the session's end).
 * Signing out here forgets the cookie at once; a session ended in another process, or in the
 * database, stays usable here for at most that long, as better-auth's own cookie cache allows.
 */
const SESSION_CACHE_MS = 30_000;
const SESSION_CACHE_SIZE = 10_000;

function createSessionCache(now: () => number = Date.now) {
  const entries = new Map<string, { userId: string; until: number }>();
  return {
    get(token: string): string | null {
      const entry = entries.get(token);
      if (!entry) return null;
      if (entry.until <= now()) {
        entries.delete(token);
        return null;
      }
      return entry.userId;
    },
    set(token: string, userId: string, expiresAt: number) {
      if (entries.size >= SESSION_CACHE_SIZE) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(token, { userId, until: Math.min(now() + SESSION_CACHE_MS, expiresAt) });
    },
    delete(token: string) {
      entries.delete(token);
    },
  };
}

/** Paths anyone may call. */
const PUBLIC_PATHS = new Set([
  "/api/healthz",
  "/api/openapi.json",
  "/api/docs",
  // Signed links in e-mails: they work without signing in.
  "/api/notifications/unsubscribe",
]);

export function createSessions(deps: { db: Database; auth: Auth }) {
  /** Sessions checked lately, by their signed cookie: reading one costs better-auth ~0.7 ms. */
  const cache = createSessionCache();
  const sessionUser = async (c: Context): Promise<string | null> => {
    const token = sessionToken(c);
    if (!token) return null;
    const known = cache.get(token);
    if (known) return known;
    const session = await deps.auth.api.getSession({ headers: c.req.raw.headers });
    if (!session) return null;
    cache.set(token, session.user.id, new Date(session.session.expiresAt).getTime());
    return session.user.id;
  };

  /** Every route but the public ones and better-auth's needs a user; sets `userId`. */
  const requireUser = createMiddleware<ApiEnv>(async (c, next) => {
    if (PUBLIC_PATHS.has(c.req.path) || c.req.path.startsWith("/api/auth/")) return next();
    const header = c.req.header("authorization");
    const userId = header?.toLowerCase().startsWith("bearer ")
      ? await userOfApiToken(deps.db, header.slice(7).trim())
      : await sessionUser(c);
    if (!userId) {
      throw new AppError(
        "unauthorized",
        "Sign in first: a session cookie, or Authorization: Bearer <API token>.",
      );
    }
    c.set("userId", userId);
    await next();
  });

  return {
    requireUser,
    /** Forgets a signed-out cookie at once. */
    forget(c: Context) {
      const token = sessionToken(c);
      if (token) cache.delete(token);
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;
