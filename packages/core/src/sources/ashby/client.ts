import { fetchEachBoard, tagItems } from "../each-board.ts";
import type { FetchContext } from "../types.ts";
import type { AshbyOptions } from "./types.ts";

/** One request per Ashby job board; each job gets `_board` (and `_company` when configured). */
export function fetchAshby(context: FetchContext<AshbyOptions>) {
  const { boards, companyNames } = context.options;
  return fetchEachBoard("Ashby", boards, async (board) => {
    const url = `${context.baseUrl}/posting-api/job-board/${encodeURIComponent(board)}?includeCompensation=true`;
    const body = await context.http.getJson(url);
    const jobs = (body as { jobs?: unknown } | null)?.jobs;
    if (!Array.isArray(jobs)) throw new Error(`${url} sent no "jobs" array`);
    const tagged = tagItems(jobs, "_board", board);
    const company = companyNames?.[board];
    return company ? tagItems(tagged, "_company", company) : tagged;
  });
}
