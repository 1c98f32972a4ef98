/** A failed API call: the API's own error code and message, and the field it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * Calls the AURA API on this origin with the session cookie. JSON in and out; a FormData body
 * is sent as is. Errors come back as ApiError; a network failure as code "offline".
 */
export async function api<T>(
  path: string,
  init: { method?: string; json?: unknown; form?: FormData } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? (init.json !== undefined || init.form ? "POST" : "GET"),
      credentials: "same-origin",
      headers: init.json !== undefined ? { "content-type": "application/json" } : undefined,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.form,
    });
  } catch {
    throw new ApiError(0, "offline", "AURA cannot be reached.");
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string; field?: string };
  } | null;
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "internal",
      error?.message ?? `HTTP ${response.status}`,
      error?.field,
    );
  }
  return body as T;
}
