import { AppError } from "../../errors.ts";
import type { FetchContext } from "../types.ts";
import { type JobicyOptions, jobicyResponse } from "./types.ts";

/** Jobicy serves the latest `count` jobs matching the filters in one response. */
export async function* fetchJobicy(context: FetchContext<JobicyOptions>) {
  const { count, geo, industry, tag } = context.options;
  const query = new URLSearchParams({ count: String(count) });
  if (geo) query.set("geo", geo);
  if (industry) query.set("industry", industry);
  if (tag) query.set("tag", tag);
  const url = `${context.baseUrl}/api/v2/remote-jobs?${query}`;
  const parsed = jobicyResponse.safeParse(await context.http.getJson(url));
  if (!parsed.success) throw new AppError("upstream", `Jobicy: ${url} sent no "jobs" array`);
  yield parsed.data.jobs;
}
