import type { z } from "@hono/zod-openapi";

/** What every signed-in route's handler finds on its context. */
export type ApiEnv = { Variables: { userId: string } };

/** Signed-in routes take a session cookie or a personal API token. */
export const security: Record<string, string[]>[] = [{ session: [] }, { apiToken: [] }];

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } };
}
