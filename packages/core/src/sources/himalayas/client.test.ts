import { describe, expect, it } from "vitest";
import { fetchThroughReplay } from "../../testing/fetch-through-replay.ts";
import type { ReplayRoute } from "../replay-server.ts";
import { himalayasSource } from "./source.ts";

const PATH = "/jobs/api";

/** A page at `offset` with one job per pubDate given. */
function page(offset: number, pubDates: unknown[], totalCount: number | null = 1000): ReplayRoute {
  const body = {
    offset,
    limit: pubDates.length,
    totalCount,
    jobs: pubDates.map((pubDate, i) => ({ guid: `job-${offset + i}`, pubDate })),
  };
  return {
    path: PATH,
    query: { offset: String(offset) },
    response: { body: JSON.stringify(body) },
  };
}

const guids = (pages: unknown[][]) =>
  pages.map((items) => items.map((item) => (item as { guid: string }).guid));

describe("fetchHimalayas", () => {
  it("serves every recorded posting through the recorded routes", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      himalayasSource,
      himalayasSource.recorded.routes,
      himalayasSource.recorded.options,
    );
    expect(error).toBeNull();
    expect(pages.map((items) => items.length)).toEqual([500]);
    // 500 of a totalCount of 500: no second request.
    expect(requests).toEqual([`${PATH}?limit=20&offset=0`]);
    expect(pages[0]?.filter((job) => himalayasSource.transform(job).ok)).toHaveLength(500);
  });

  it("pages by offset, following what came back, until maxPages", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      himalayasSource,
      [page(0, [9, 9]), page(2, [8, 8]), page(4, [7, 7]), page(6, [6])],
      { pageSize: 2, maxPages: 3 },
    );
    expect(error).toBeNull();
    expect(guids(pages)).toEqual([
      ["job-0", "job-1"],
      ["job-2", "job-3"],
      ["job-4", "job-5"],
    ]);
    expect(requests).toEqual([
      `${PATH}?limit=2&offset=0`,
      `${PATH}?limit=2&offset=2`,
      `${PATH}?limit=2&offset=4`,
    ]);
  });

  it("advances by the jobs received when the API caps the page size", async () => {
    const { error, requests } = await fetchThroughReplay(
      himalayasSource,
      [page(0, [9, 9]), page(2, [8], 3)],
      { pageSize: 50 },
    );
    expect(error).toBeNull();
    expect(requests).toEqual([`${PATH}?limit=50&offset=0`, `${PATH}?limit=50&offset=2`]);
  });

  it("stops when offset plus jobs reaches totalCount", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      himalayasSource,
      [page(0, [9, 9], 3), page(2, [8], 3), page(3, [7], 3)],
      { pageSize: 2 },
    );
    expect(error).toBeNull();
    expect(pages.map((items) => items.length)).toEqual([2, 1]);
    expect(requests).toHaveLength(2);
  });

  it("stops at an empty page without yielding it", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      himalayasSource,
      [page(0, [9, 9], null), page(2, [], null), page(4, [7], null)],
      { pageSize: 2 },
    );
    expect(error).toBeNull();
    expect(pages).toHaveLength(1);
    expect(requests).toEqual([`${PATH}?limit=2&offset=0`, `${PATH}?limit=2&offset=2`]);
  });

  it("stops after the first page whose postings are all older than since", async () => {
    const since = new Date("2026-08-01T00:00:00Z");
    const s = since.getTime() / 1000;
    const { pages, error, requests } = await fetchThroughReplay(
      himalayasSource,
      [
        page(0, [s + 100, String(s + 50)]),
        // Mixed: one newer posting, so the next page is still read.
        page(2, [s + 10, s - 1000]),
        // Older, as seconds, as a numeric string and as milliseconds (as the docs say).
        page(4, [s - 1, String(s - 2), (s - 3) * 1000]),
        page(7, [s - 4000]),
      ],
      { pageSize: 3, maxPages: 10 },
      since,
    );
    expect(error).toBeNull();
    expect(pages.map((items) => items.length)).toEqual([2, 2, 3]);
    expect(requests).toHaveLength(3);
  });

  it("reads milliseconds as milliseconds when comparing with since", async () => {
    const since = new Date("2026-08-01T00:00:00Z");
    // An older posting in milliseconds: misread as seconds it would look far in the future.
    const { pages, error } = await fetchThroughReplay(
      himalayasSource,
      [page(0, [since.getTime() - 5000]), page(1, [since.getTime() + 5000], 2)],
      { pageSize: 1 },
      since,
    );
    expect(error).toBeNull();
    expect(pages).toHaveLength(1);
  });

  it("does not stop early without since", async () => {
    const { pages, error } = await fetchThroughReplay(
      himalayasSource,
      [page(0, [1, 1]), page(2, [1], 3)],
      { pageSize: 2 },
    );
    expect(error).toBeNull();
    expect(pages).toHaveLength(2);
  });

  it("fails on a page without a jobs array", async () => {
    const { error } = await fetchThroughReplay(
      himalayasSource,
      [{ path: PATH, response: { body: '{"error":"bad limit"}' } }],
      {},
    );
    expect((error as Error).message).toMatch(/no "jobs" array/);
  });

  it("validates its options, naming a misspelt key", () => {
    expect(himalayasSource.optionsSchema.parse({})).toEqual({ pageSize: 20, maxPages: 10 });
    expect(himalayasSource.optionsSchema.safeParse({ pageSize: 101 }).success).toBe(false);
    const result = himalayasSource.optionsSchema.safeParse({ page_size: 50 });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("page_size");
  });
});
