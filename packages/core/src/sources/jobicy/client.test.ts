import { describe, expect, it } from "vitest";
import { fetchThroughReplay } from "../../testing/fetch-through-replay.ts";
import { jobicySource } from "./source.ts";

const PATH = "/api/v2/remote-jobs";

describe("fetchJobicy", () => {
  it("serves every recorded posting through the recorded routes", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      jobicySource,
      jobicySource.recorded.routes,
      jobicySource.recorded.options,
    );
    expect(error).toBeNull();
    expect(pages.map((items) => items.length)).toEqual([5]);
    expect(requests).toEqual([`${PATH}?count=50`]);
    expect(pages[0]?.filter((job) => jobicySource.transform(job).ok)).toHaveLength(5);
  });

  it("passes count, geo, industry and tag as query parameters", async () => {
    const body = JSON.stringify({ apiVersion: "2", jobCount: 1, jobs: [{ id: 9 }] });
    const { pages, error, requests } = await fetchThroughReplay(
      jobicySource,
      [{ path: PATH, response: { body } }],
      { count: 20, geo: "usa", industry: "engineering", tag: "rust dev" },
    );
    expect(error).toBeNull();
    expect(pages).toEqual([[{ id: 9 }]]);
    expect(requests).toEqual([`${PATH}?count=20&geo=usa&industry=engineering&tag=rust+dev`]);
  });

  it("fails on a response without a jobs array", async () => {
    const { error } = await fetchThroughReplay(
      jobicySource,
      [{ path: PATH, response: { body: '{"success":false}' } }],
      {},
    );
    expect((error as Error).message).toMatch(/no "jobs" array/);
  });

  it("validates its options, naming a misspelt key", () => {
    expect(jobicySource.optionsSchema.parse({})).toEqual({ count: 50 });
    expect(jobicySource.optionsSchema.safeParse({ count: 101 }).success).toBe(false);
    expect(jobicySource.optionsSchema.safeParse({ tag: "go" }).success).toBe(false);
    const result = jobicySource.optionsSchema.safeParse({ industries: "dev" });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("industries");
  });
});
