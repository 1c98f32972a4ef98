import { describe, expect, it } from "vitest";
import { fetchThroughReplay } from "../../testing/fetch-through-replay.ts";
import type { ReplayRoute } from "../replay-server.ts";
import { arbeitnowSource } from "./source.ts";

const PATH = "/api/job-board-api";

/** A page as Arbeitnow sends it; `next` points at the public host, as the real API does. */
function page(n: number, createdAt: number[], last = false): ReplayRoute {
  const body = {
    data: createdAt.map((created_at, i) => ({ slug: `job-${n}-${i}`, created_at })),
    links: {
      first: "https://www.arbeitnow.com/api/job-board-api?page=1",
      next: last ? null : `https://www.arbeitnow.com/api/job-board-api?page=${n + 1}`,
    },
    meta: { current_page: n },
  };
  return { path: PATH, query: { page: String(n) }, response: { body: JSON.stringify(body) } };
}

const slugs = (pages: unknown[][]) =>
  pages.map((items) => items.map((item) => (item as { slug: string }).slug));

describe("fetchArbeitnow", () => {
  it("serves every recorded posting through the recorded routes", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      arbeitnowSource,
      arbeitnowSource.recorded.routes,
      arbeitnowSource.recorded.options,
    );
    expect(error).toBeNull();
    expect(pages.map((items) => items.length)).toEqual([100]);
    // Page 1 links to page 2, which is empty: the end.
    expect(requests).toEqual([`${PATH}?page=1`, `${PATH}?page=2`]);
    expect(pages[0]?.filter((job) => arbeitnowSource.transform(job).ok)).toHaveLength(100);
  });

  it("follows pages on the configured base URL until links.next is null", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      arbeitnowSource,
      [page(1, [300, 299]), page(2, [298]), page(3, [297], true), page(4, [1])],
      { maxPages: 10 },
    );
    expect(error).toBeNull();
    expect(slugs(pages)).toEqual([["job-1-0", "job-1-1"], ["job-2-0"], ["job-3-0"]]);
    expect(requests).toEqual([`${PATH}?page=1`, `${PATH}?page=2`, `${PATH}?page=3`]);
  });

  it("stops at maxPages", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      arbeitnowSource,
      [page(1, [3]), page(2, [2]), page(3, [1])],
      { maxPages: 2 },
    );
    expect(error).toBeNull();
    expect(pages).toHaveLength(2);
    expect(requests).toEqual([`${PATH}?page=1`, `${PATH}?page=2`]);
  });

  it("defaults to five pages", async () => {
    const routes = [1, 2, 3, 4, 5, 6, 7].map((n) => page(n, [100 - n]));
    const { pages, error, requests } = await fetchThroughReplay(arbeitnowSource, routes, {});
    expect(error).toBeNull();
    expect(pages).toHaveLength(5);
    expect(requests).toHaveLength(5);
  });

  it("stops at an empty page without yielding it", async () => {
    const empty: ReplayRoute = {
      path: PATH,
      query: { page: "2" },
      response: { body: JSON.stringify({ data: [], links: { next: null } }) },
    };
    const { pages, error, requests } = await fetchThroughReplay(
      arbeitnowSource,
      [page(1, [5]), empty, page(3, [4])],
      { maxPages: 5 },
    );
    expect(error).toBeNull();
    expect(slugs(pages)).toEqual([["job-1-0"]]);
    expect(requests).toEqual([`${PATH}?page=1`, `${PATH}?page=2`]);
  });

  it("stops after the first page whose postings are all older than since", async () => {
    const since = new Date(1_000_000 * 1000);
    const { pages, error, requests } = await fetchThroughReplay(
      arbeitnowSource,
      [
        page(1, [1_000_500, 1_000_100]),
        // Mixed: one newer posting, so the next page is still read.
        page(2, [1_000_050, 999_000]),
        page(3, [999_900, 999_800]),
        page(4, [999_700]),
      ],
      { maxPages: 10 },
      since,
    );
    expect(error).toBeNull();
    // The old page is still yielded: ingest keeps known jobs alive from it.
    expect(pages).toHaveLength(3);
    expect(requests).toEqual([`${PATH}?page=1`, `${PATH}?page=2`, `${PATH}?page=3`]);
  });

  it("does not stop on postings whose date is unknown", async () => {
    const since = new Date(1_000_000 * 1000);
    const undated: ReplayRoute = {
      path: PATH,
      query: { page: "1" },
      response: {
        body: JSON.stringify({ data: [{ slug: "a" }], links: { next: "https://x/?page=2" } }),
      },
    };
    const { pages, error } = await fetchThroughReplay(
      arbeitnowSource,
      [undated, page(2, [5], true)],
      { maxPages: 10 },
      since,
    );
    expect(error).toBeNull();
    expect(pages).toHaveLength(2);
  });

  it("fails on a page without a data array", async () => {
    const { error } = await fetchThroughReplay(
      arbeitnowSource,
      [{ path: PATH, response: { body: '{"message":"rate limited"}' } }],
      {},
    );
    expect((error as Error).message).toMatch(/no "data" array/);
  });

  it("validates its options, naming a misspelt key", () => {
    expect(arbeitnowSource.optionsSchema.parse({})).toEqual({ maxPages: 5 });
    const result = arbeitnowSource.optionsSchema.safeParse({ maxPage: 3 });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("maxPage");
    expect(arbeitnowSource.optionsSchema.safeParse({ maxPages: 0 }).success).toBe(false);
  });
});
