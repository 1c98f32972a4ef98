import type { FetchContext } from "../types.ts";

/** Remote OK serves its whole feed in one array; element 0 is its legal notice. */
export async function* fetchRemoteOk(context: FetchContext<Record<string, never>>) {
  const body = await context.http.getJson(`${context.baseUrl}/api`);
  if (!Array.isArray(body)) throw new Error("Remote OK: expected an array");
  yield body.filter((item) => !(item && typeof item === "object" && "legal" in item));
}
