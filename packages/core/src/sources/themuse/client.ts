import { AppError } from "../../errors.ts";
import type { FetchContext } from "../types.ts";
import { type TheMuseOptions, theMusePage } from "./types.ts";

/**
 * The Muse pages from 0 and says how many pages there are. Reads until the last page,
 * an empty page, or `maxPages`. Its order is not by date, so `since` cannot stop it early.
 */
export async function* fetchTheMuse(context: FetchContext<TheMuseOptions>) {
  const { maxPages, category, level, location } = context.options;
  for (let page = 0; page < maxPages; page++) {
    const query = new URLSearchParams({ page: String(page) });
    for (const value of category) query.append("category", value);
    for (const value of level) query.append("level", value);
    for (const value of location) query.append("location", value);
    const url = `${context.baseUrl}/api/public/jobs?${query}`;
    const parsed = theMusePage.safeParse(await context.http.getJson(url));
    if (!parsed.success) throw new AppError("upstream", `The Muse: ${url} sent no "results" array`);
    const { results, page_count: pageCount } = parsed.data;
    if (results.length === 0) return;
    yield results;
    if (pageCount !== null && page + 1 >= pageCount) return;
  }
}
