import { describe, expect, it } from "vitest";
import { fetchThroughReplay } from "../../testing/fetch-through-replay.ts";
import type { ReplayRoute } from "../replay-server.ts";
import { greenhouseSource } from "./source.ts";

describe("greenhouseSource.fetch", () => {
  it("asks each board once for its jobs with content, tagging each job with its board", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      greenhouseSource,
      greenhouseSource.recorded.routes,
      {
        boards: ["gitlab", "stripe"],
      },
    );
    expect(error).toBeNull();
    expect(requests).toEqual([
      "/v1/boards/gitlab/jobs?content=true",
      "/v1/boards/stripe/jobs?content=true",
    ]);
    expect(pages.map((p) => p.length)).toEqual([3, 2]);
    expect(pages[0]?.[0]).toMatchObject({ id: 8503792002, _board: "gitlab" });
    expect(pages[1]?.[1]).toMatchObject({ id: 8029128, _board: "stripe" });
  });

  it("keeps going past a failing board and ends with an error naming it", async () => {
    const routes: ReplayRoute[] = [
      ...greenhouseSource.recorded.routes,
      { path: "/v1/boards/broken/jobs", response: { status: 500, body: "oops" } },
    ];
    const { pages, error, requests } = await fetchThroughReplay(greenhouseSource, routes, {
      boards: ["broken", "gitlab", "gone", "stripe"],
    });
    expect(requests).toHaveLength(4);
    expect(pages.map((p) => p.length)).toEqual([3, 2]);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain("2 of 4 boards failed");
    expect(message).toContain('"broken"');
    expect(message).toContain('"gone"');
    expect(message).toContain("HTTP 404");
    expect(message).not.toContain('"gitlab"');
  });

  it("treats a body without a jobs array as a failed board", async () => {
    const routes: ReplayRoute[] = [
      { path: "/v1/boards/odd/jobs", response: { body: '{"error":"x"}' } },
    ];
    const { pages, error } = await fetchThroughReplay(greenhouseSource, routes, {
      boards: ["odd"],
    });
    expect(pages).toEqual([]);
    expect((error as Error).message).toMatch(/"odd".*jobs/);
  });

  it("serves every recorded posting from its recorded routes", async () => {
    const { pages, error } = await fetchThroughReplay(
      greenhouseSource,
      greenhouseSource.recorded.routes,
      greenhouseSource.recorded.options,
    );
    expect(error).toBeNull();
    const results = pages.flat().map(greenhouseSource.transform);
    expect(results).toHaveLength(5);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it("validates its options", () => {
    const schema = greenhouseSource.optionsSchema;
    expect(schema.safeParse({ boards: [] }).success).toBe(false);
    expect(schema.safeParse({}).success).toBe(false);
    expect(schema.safeParse({ boards: ["a/b"] }).success).toBe(false);
    expect(schema.safeParse({ boards: ["gitlab"], extra: 1 }).success).toBe(false);
    expect(schema.parse({ boards: [" gitlab ", "gitlab", "stripe"] })).toEqual({
      boards: ["gitlab", "stripe"],
    });
  });
});
