import { describe, expect, it } from "vitest";
import { fetchThroughReplay } from "../../testing/fetch-through-replay.ts";
import type { ReplayRoute } from "../replay-server.ts";
import { ashbySource } from "./source.ts";

describe("ashbySource.fetch", () => {
  it("asks each board once with compensation and tags each job with its board", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      ashbySource,
      ashbySource.recorded.routes,
      {
        boards: ["notion", "openai"],
      },
    );
    expect(error).toBeNull();
    expect(requests).toEqual([
      "/posting-api/job-board/notion?includeCompensation=true",
      "/posting-api/job-board/openai?includeCompensation=true",
    ]);
    expect(pages.map((p) => p.length)).toEqual([3, 2]);
    expect(pages[1]?.[0]).toMatchObject({ title: expect.any(String), _board: "openai" });
  });

  it("keeps going past a failing board and ends with an error naming it", async () => {
    const routes: ReplayRoute[] = [
      ...ashbySource.recorded.routes,
      { path: "/posting-api/job-board/flaky", response: { status: 503, body: "" } },
    ];
    const { pages, error } = await fetchThroughReplay(ashbySource, routes, {
      boards: ["notion", "flaky", "openai"],
    });
    expect(pages.map((p) => p.length)).toEqual([3, 2]);
    const message = (error as Error).message;
    expect(message).toMatch(/^Ashby: 1 of 3 boards failed: "flaky" \(.*HTTP 503/);
  });

  it("serves every recorded posting from its recorded routes", async () => {
    const { pages, error } = await fetchThroughReplay(
      ashbySource,
      ashbySource.recorded.routes,
      ashbySource.recorded.options,
    );
    expect(error).toBeNull();
    const results = pages.flat().map(ashbySource.transform);
    expect(results).toHaveLength(5);
    expect(results.every((r) => r.ok)).toBe(true);
    const companies = results.map((r) => (r.ok ? r.posting.company : ""));
    expect(new Set(companies)).toEqual(new Set(["Notion", "OpenAI"]));
  });

  it("validates its options", () => {
    const schema = ashbySource.optionsSchema;
    expect(schema.safeParse({ boards: [] }).success).toBe(false);
    expect(schema.safeParse({ boards: "notion" }).success).toBe(false);
    expect(schema.safeParse({ boards: ["notion"], other: true }).success).toBe(false);
  });
});
