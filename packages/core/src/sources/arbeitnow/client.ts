import { AppError } from "../../errors.ts";
import { optionalNumber } from "../parse-raw.ts";
import type { FetchContext } from "../types.ts";
import { type ArbeitnowOptions, arbeitnowPage } from "./types.ts";

/**
 * Arbeitnow pages its jobs newest first (by `created_at`), 100 a page. Pages are read on
 * the configured base URL (its `links.next` names the public host) until the last page,
 * an empty page, `maxPages`, or a page whose postings are all older than `since`.
 */
export async function* fetchArbeitnow(context: FetchContext<ArbeitnowOptions>) {
  for (let page = 1; page <= context.options.maxPages; page++) {
    const url = `${context.baseUrl}/api/job-board-api?page=${page}`;
    const parsed = arbeitnowPage.safeParse(await context.http.getJson(url));
    if (!parsed.success) throw new AppError("upstream", `Arbeitnow: ${url} sent no "data" array`);
    const { data, links } = parsed.data;
    if (data.length === 0) return;
    yield data;
    if (links && !links.next) return;
    const since = context.since;
    if (since && data.every((job) => isOlderThan(job, since))) return;
  }
}

/** True only when the job's `created_at` is known and before `since`. */
function isOlderThan(job: unknown, since: Date): boolean {
  const raw = job && typeof job === "object" ? (job as { created_at?: unknown }).created_at : null;
  const epoch = optionalNumber.parse(raw);
  if (epoch === null) return false;
  // Epoch seconds, as documented; a value this large can only be milliseconds.
  const ms = epoch > 1e12 ? epoch : epoch * 1000;
  return ms < since.getTime();
}
