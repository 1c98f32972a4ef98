import { describe, expect, it } from "vitest";
import { fetchThroughReplay } from "../../testing/fetch-through-replay.ts";
import type { ReplayRoute } from "../replay-server.ts";
import { theMuseSource } from "./source.ts";

const PATH = "/api/public/jobs";

/** Page `n` of `pageCount`, with `size` jobs. */
function page(n: number, pageCount: number | null, size = 2): ReplayRoute {
  const results = Array.from({ length: size }, (_, i) => ({ id: n * 100 + i }));
  const body = JSON.stringify({ page: n, page_count: pageCount, results });
  return { path: PATH, query: { page: String(n) }, response: { body } };
}

describe("fetchTheMuse", () => {
  it("serves every recorded posting through the recorded routes", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      theMuseSource,
      theMuseSource.recorded.routes,
      theMuseSource.recorded.options,
    );
    expect(error).toBeNull();
    expect(pages.map((items) => items.length)).toEqual([236]);
    // page_count is 1: no second request.
    expect(requests).toEqual([`${PATH}?page=0`]);
    expect(pages[0]?.filter((job) => theMuseSource.transform(job).ok)).toHaveLength(236);
  });

  it("reads pages from 0 until page_count", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      theMuseSource,
      [page(0, 3), page(1, 3), page(2, 3), page(3, 3)],
      {},
    );
    expect(error).toBeNull();
    expect(pages).toHaveLength(3);
    expect(requests).toEqual([`${PATH}?page=0`, `${PATH}?page=1`, `${PATH}?page=2`]);
  });

  it("stops at maxPages", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      theMuseSource,
      [page(0, 50), page(1, 50), page(2, 50)],
      { maxPages: 2 },
    );
    expect(error).toBeNull();
    expect(pages).toHaveLength(2);
    expect(requests).toEqual([`${PATH}?page=0`, `${PATH}?page=1`]);
  });

  it("stops at an empty page when page_count is missing", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      theMuseSource,
      [page(0, null), page(1, null, 0), page(2, null)],
      {},
    );
    expect(error).toBeNull();
    expect(pages).toHaveLength(1);
    expect(requests).toEqual([`${PATH}?page=0`, `${PATH}?page=1`]);
  });

  it("repeats category, level and location parameters", async () => {
    const { error, requests } = await fetchThroughReplay(theMuseSource, [page(0, 1)], {
      category: ["Software Engineering", "Data Science"],
      level: "Senior Level",
      location: ["Flexible / Remote"],
    });
    expect(error).toBeNull();
    expect(requests).toEqual([
      `${PATH}?page=0&category=Software+Engineering&category=Data+Science&level=Senior+Level&location=Flexible+%2F+Remote`,
    ]);
  });

  it("fails on a page without a results array", async () => {
    const { error } = await fetchThroughReplay(
      theMuseSource,
      [{ path: PATH, response: { body: '{"error":"invalid"}' } }],
      {},
    );
    expect((error as Error).message).toMatch(/no "results" array/);
  });

  it("validates its options, naming a misspelt key", () => {
    expect(theMuseSource.optionsSchema.parse({ level: "Mid Level" })).toEqual({
      maxPages: 5,
      category: [],
      level: ["Mid Level"],
      location: [],
    });
    const result = theMuseSource.optionsSchema.safeParse({ categories: ["Data Science"] });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("categories");
  });
});
