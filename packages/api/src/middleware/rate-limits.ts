// Sign-in and sign-up attempts per client address, changes per user: a 429 with Retry-After.
import { AppError } from "@aura/core";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "../openapi.ts";
import { createRateLimiter, type RateLimit } from "../rate-limit.ts";

export const DEFAULT_LIMITS = {
  signIn: { max: 10, windowMs: 60_000 },
  writes: { max: 3_000, windowMs: 60_000 },
};

/** The caller's address: the socket's under @hono/node-server, else "unknown". */
function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

function tooMany(wait: number, what: string): AppError {
  return new AppError("rate_limited", `Too many ${what}; wait ${wait} s.`, {
    retryAfterSeconds: wait,
  });
}

export function createRateLimits(limits: { signIn?: RateLimit; writes?: RateLimit } = {}) {
  const signIn = createRateLimiter(limits.signIn ?? DEFAULT_LIMITS.signIn);
  const writes = createRateLimiter(limits.writes ?? DEFAULT_LIMITS.writes);
  return {
    signIn: createMiddleware<ApiEnv>(async (c, next) => {
      const wait = signIn.hit(clientAddress(c));
      if (wait > 0) throw tooMany(wait, "sign-in attempts");
      await next();
    }),
    signUp: createMiddleware<ApiEnv>(async (c, next) => {
      const wait = signIn.hit(`up:${clientAddress(c)}`);
      if (wait > 0) throw tooMany(wait, "sign-ups");
      await next();
    }),
    /** Changes (anything but GET and HEAD) by a signed-in user. */
    writes: createMiddleware<ApiEnv>(async (c, next) => {
      const userId = c.get("userId");
      if (userId && c.req.method !== "GET" && c.req.method !== "HEAD") {
        const wait = writes.hit(userId);
        if (wait > 0) throw tooMany(wait, "changes");
      }
      await next();
    }),
  };
}
