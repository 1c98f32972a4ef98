import { describe, expect, it } from "vitest";
import { fetchThroughReplay } from "../../testing/fetch-through-replay.ts";
import { remotiveSource } from "./source.ts";

describe("fetchRemotive", () => {
  it("serves every recorded posting through the recorded routes", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      remotiveSource,
      remotiveSource.recorded.routes,
      remotiveSource.recorded.options,
    );
    expect(error).toBeNull();
    expect(pages).toHaveLength(1);
    expect(pages[0]).toHaveLength(22);
    expect(requests).toEqual(["/api/remote-jobs"]);
    // The legal notice is not a posting.
    expect(pages[0]?.every((job) => remotiveSource.transform(job).ok)).toBe(true);
  });

  it("passes category and search as query parameters", async () => {
    const body = JSON.stringify({ "job-count": 1, jobs: [{ id: 1 }] });
    const { pages, error, requests } = await fetchThroughReplay(
      remotiveSource,
      [{ path: "/api/remote-jobs", response: { body } }],
      { category: "software-dev", search: "rust & go" },
    );
    expect(error).toBeNull();
    expect(pages).toEqual([[{ id: 1 }]]);
    expect(requests).toEqual(["/api/remote-jobs?category=software-dev&search=rust+%26+go"]);
  });

  it("fails on a response without a jobs array", async () => {
    const { error } = await fetchThroughReplay(
      remotiveSource,
      [{ path: "/api/remote-jobs", response: { body: '{"00-warning":"moved"}' } }],
      {},
    );
    expect((error as Error).message).toMatch(/no "jobs" array/);
  });

  it("rejects unknown options, naming the key", () => {
    const result = remotiveSource.optionsSchema.safeParse({ catgory: "software-dev" });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("catgory");
  });
});
