import { fetchEachBoard, tagItems } from "../each-board.ts";
import type { FetchContext } from "../types.ts";
import type { LeverOptions } from "./types.ts";

/** One request per Lever site; each posting gets `_site` (and `_company` when configured). */
export function fetchLever(context: FetchContext<LeverOptions>) {
  const { sites, companyNames } = context.options;
  return fetchEachBoard("Lever", sites, async (site) => {
    const url = `${context.baseUrl}/v0/postings/${encodeURIComponent(site)}?mode=json`;
    const body = await context.http.getJson(url);
    if (!Array.isArray(body)) throw new Error(`${url} sent no array of postings`);
    const tagged = tagItems(body, "_site", site);
    const company = companyNames?.[site];
    return company ? tagItems(tagged, "_company", company) : tagged;
  });
}
