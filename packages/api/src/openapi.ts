// What every route module shares: the context it finds, the router it is declared on, and
// the OpenAPI pieces (security, bodies, parameters, error responses).
import type { Logger } from "@aura/core";
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { errorBodySchema, validationResponse } from "./errors.ts";

/** What every handler finds on its context: the request's id and logger; the user once signed in. */
export type ApiEnv = { Variables: { userId: string; requestId: string; log: Logger } };

/** A router for one resource: zod issues on a request become a 400 naming the field. */
export function createRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationResponse(c, result.error, result.target);
    },
  });
}

/** Signed-in routes take a session cookie or a personal API token. */
export const security: Record<string, string[]>[] = [{ session: [] }, { apiToken: [] }];

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } };
}

export const idParamSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, example: 42 }),
});

export const paginationSchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).openapi({ example: 0 }),
});

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503;
const ERROR_TEXT: Record<ErrorStatus, string> = {
  400: "Invalid input; error.field names the part",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found (or not yours)",
  409: "Conflicts with the current state",
  413: "Body too large",
  429: "Too many requests; retry after Retry-After seconds",
  500: "Server error",
  503: "Not ready",
};

/** OpenAPI responses for the errors a route can give, by status. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  // Any route can fail on our side.
  return Object.fromEntries(
    [...statuses, 500 as const].map((status) => [
      status,
      {
        description: ERROR_TEXT[status],
        content: { "application/json": { schema: errorBodySchema } },
      },
    ]),
  ) as {
    [K in S | 500]: {
      description: string;
      content: { "application/json": { schema: typeof errorBodySchema } };
    };
  };
}

/**
 * zod-to-openapi writes a nullable reference as `allOf: [{$ref}, {nullable: true}]`, which
 * generators read as "X and anything" (the null is lost); OpenAPI 3.0 says it as
 * `allOf: [{$ref}], nullable: true`. Rewrites every such pair, keeping its description.
 */
export function withNullableRefs<T>(document: T): T {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!node || typeof node !== "object") return node;
    const entries = Object.entries(node).map(([key, value]) => [key, visit(value)] as const);
    const object = Object.fromEntries(entries) as Record<string, unknown>;
    const parts = object.allOf;
    if (Array.isArray(parts) && parts.length === 2) {
      const [ref, extra] = parts as [Record<string, unknown>, Record<string, unknown>];
      if (typeof ref.$ref === "string" && extra.nullable === true) {
        const { nullable: _, ...rest } = extra;
        return { ...object, allOf: [ref], nullable: true, ...rest };
      }
    }
    return object;
  };
  return visit(document) as T;
}
