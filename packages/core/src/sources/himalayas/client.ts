import { AppError } from "../../errors.ts";
import { optionalNumber } from "../parse-raw.ts";
import type { FetchContext } from "../types.ts";
import { type HimalayasOptions, himalayasPage } from "./types.ts";

/**
 * Himalayas pages by offset, newest first. Reads until an empty page, the total count,
 * `maxPages`, or a page whose postings are all older than `since`.
 */
export async function* fetchHimalayas(context: FetchContext<HimalayasOptions>) {
  const { pageSize, maxPages } = context.options;
  let offset = 0;
  for (let page = 0; page < maxPages; page++) {
    const url = `${context.baseUrl}/jobs/api?limit=${pageSize}&offset=${offset}`;
    const parsed = himalayasPage.safeParse(await context.http.getJson(url));
    if (!parsed.success) throw new AppError("upstream", `Himalayas: ${url} sent no "jobs" array`);
    const { jobs, totalCount } = parsed.data;
    if (jobs.length === 0) return;
    yield jobs;
    // The next offset follows what came, not what was asked: the API may cap `limit`.
    offset += jobs.length;
    if (totalCount !== null && offset >= totalCount) return;
    const since = context.since;
    if (since && jobs.every((job) => isOlderThan(job, since))) return;
  }
}

/** True only when the job's `pubDate` is a known epoch before `since`. */
function isOlderThan(job: unknown, since: Date): boolean {
  const raw = job && typeof job === "object" ? (job as { pubDate?: unknown }).pubDate : null;
  const epoch = optionalNumber.parse(raw);
  if (epoch === null) {
    const date = typeof raw === "string" ? Date.parse(raw) : Number.NaN;
    return !Number.isNaN(date) && date < since.getTime();
  }
  // Seconds in the recordings, milliseconds in the docs: a value this large is milliseconds.
  const ms = epoch > 1e12 ? epoch : epoch * 1000;
  return ms < since.getTime();
}
