import { AppError, type AppErrorCode, describeZodError, errorMessage } from "@aura/core";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every error body: a code a program can switch on, a message a person can act on. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_input" }),
      message: z
        .string()
        .openapi({ example: 'Invalid "stars": Too big: expected number to be <=5' }),
      field: z.string().optional().openapi({ example: "stars" }),
    }),
  })
  .openapi("Error");
export type ErrorBody = z.infer<typeof errorBodySchema>;

const STATUS: Record<AppErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  invalid_config: 500,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  upstream: 502,
  internal: 500,
};

export function errorBody(code: string, message: string, field?: string): ErrorBody {
  return { error: { code, message, ...(field ? { field } : {}) } };
}

/** The one place an error becomes HTTP. Unknown errors are logged, never shown. */
export function errorResponse(c: Context, error: unknown): Response {
  if (error instanceof AppError) {
    const status = STATUS[error.code];
    if (status >= 500)
      console.error(`[api] ${error.code}: ${errorMessage(error)}`, error.cause ?? "");
    return c.json(errorBody(error.code, error.message, error.field), status);
  }
  if (error instanceof Error && "status" in error && error.status === 413) {
    return c.json(errorBody("too_large", "The request body is too large."), 413);
  }
  console.error("[api] internal error:", error);
  return c.json(errorBody("internal", "Something went wrong on our side; try again."), 500);
}

/** zod issues on a request as a 400 naming the first field (the OpenAPI routes' hook). */
export function validationResponse(c: Context, error: z.ZodError, target: string): Response {
  const { field, problem } = describeZodError(error);
  const where = field ? ` "${field}"` : ` ${target}`;
  return c.json(errorBody("invalid_input", `Invalid${where}: ${problem}`, field || undefined), 400);
}
