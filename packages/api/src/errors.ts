// The one place an error becomes HTTP: AppError's code → status, a body a person can act on,
// the request id to quote, and the internal cause in the log only.
import { AppError, describeZodError, errorMessage } from "@aura/core";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
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
      requestId: z
        .string()
        .optional()
        .openapi({ description: "Quote it when reporting a problem (also in X-Request-Id)" }),
    }),
  })
  .openapi("Error");
export type ErrorBody = z.infer<typeof errorBodySchema>;

const STATUS: Record<AppError["code"], ContentfulStatusCode> = {
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

function body(c: Context, code: string, message: string, field?: string): ErrorBody {
  const requestId = c.get("requestId") as string | undefined;
  return {
    error: { code, message, ...(field ? { field } : {}), ...(requestId ? { requestId } : {}) },
  };
}

/** Turns any error into the API's answer. Unknown errors are logged, never shown. */
export function errorResponse(c: Context, error: unknown): Response {
  const log = c.get("log") as { error: (o: object, m: string) => void } | undefined;
  if (error instanceof HTTPException && !(error.cause instanceof AppError)) {
    // Hono's own: an unreadable body (400) or a too-large one (413).
    if (error.status === 400) {
      return c.json(
        body(c, "invalid_input", `The request body could not be read: ${error.message}`),
        400,
      );
    }
    if (error.status === 413) return errorResponse(c, tooLarge());
    return c.json(body(c, "internal", error.message), error.status);
  }
  const known = error instanceof AppError ? error : (error as { cause?: unknown })?.cause;
  if (known instanceof AppError) {
    const status = STATUS[known.code];
    if (status >= 500)
      log?.error({ err: known.cause ?? known, code: known.code }, errorMessage(known));
    if (known.retryAfterSeconds !== undefined)
      c.header("Retry-After", String(known.retryAfterSeconds));
    // The rest of a too-large body is never read, so the connection cannot carry another request.
    if (status === 413) c.header("Connection", "close");
    return c.json(body(c, known.code, known.message, known.field), status);
  }
  if (error instanceof Error && "status" in error && error.status === 413) {
    return errorResponse(c, tooLarge());
  }
  log?.error({ err: error }, "internal error");
  return c.json(body(c, "internal", "Something went wrong on our side; try again."), 500);
}

export function tooLarge(): AppError {
  return new AppError("too_large", "The request body is too large.");
}

/** zod issues on a request as a 400 naming the first field (the routers' hook). */
export function validationResponse(c: Context, error: z.ZodError, target: string): Response {
  const { field, problem } = describeZodError(error);
  const where = field ? ` "${field}"` : ` ${target}`;
  return errorResponse(
    c,
    new AppError("invalid_input", `Invalid${where}: ${problem}`, { field: field || undefined }),
  );
}
