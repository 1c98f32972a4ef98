import { AppError } from "../../errors.ts";
import type { FetchContext } from "../types.ts";
import { type RemotiveOptions, remotiveResponse } from "./types.ts";

/** Remotive serves every matching job in one response. */
export async function* fetchRemotive(context: FetchContext<RemotiveOptions>) {
  const query = new URLSearchParams();
  if (context.options.category) query.set("category", context.options.category);
  if (context.options.search) query.set("search", context.options.search);
  const url = `${context.baseUrl}/api/remote-jobs${query.size ? `?${query}` : ""}`;
  const parsed = remotiveResponse.safeParse(await context.http.getJson(url));
  if (!parsed.success) throw new AppError("upstream", `Remotive: ${url} sent no "jobs" array`);
  yield parsed.data.jobs;
}
