import { fetchEachBoard, tagItems } from "../each-board.ts";
import type { FetchContext } from "../types.ts";
import type { GreenhouseOptions } from "./types.ts";

/** One request per board token; each job gets `_board` so the transform can name it. */
export function fetchGreenhouse(context: FetchContext<GreenhouseOptions>) {
  return fetchEachBoard("Greenhouse", context.options.boards, async (board) => {
    const url = `${context.baseUrl}/v1/boards/${encodeURIComponent(board)}/jobs?content=true`;
    const body = await context.http.getJson(url);
    const jobs = (body as { jobs?: unknown } | null)?.jobs;
    if (!Array.isArray(jobs)) throw new Error(`${url} sent no "jobs" array`);
    return tagItems(jobs, "_board", board);
  });
}
