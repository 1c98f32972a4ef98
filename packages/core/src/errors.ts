/**
 * The one error type of AURA. `message` is meant for a person and safe to show;
 * `cause` keeps the internal detail for logs. The API turns `code` into an HTTP status
 * in one place; the CLI prints `message` and exits non-zero.
 */
export type AppErrorCode =
  | "invalid_input"
  | "invalid_config"
  | "not_found"
  | "conflict"
  | "unauthorized"
  | "forbidden"
  | "rate_limited"
  | "too_large"
  | "upstream"
  | "internal";

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The input field or config key the error is about, when there is one. */
  readonly field?: string;
  /** For `rate_limited`: the seconds to wait before trying again. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { field?: string; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    // Drizzle wraps driver errors as "Failed query: <sql> params: <values>": the cause says why.
    if (error.message.startsWith("Failed query") && error.cause instanceof Error) {
      return error.cause.message;
    }
    return error.message;
  }
  return String(error);
}
