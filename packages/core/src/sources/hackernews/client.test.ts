import { describe, expect, it } from "vitest";
import { fetchThroughReplay } from "../../testing/fetch-through-replay.ts";
import type { ReplayRoute } from "../replay-server.ts";
import { hackerNewsSource } from "./source.ts";

const comment = (id: number, text: string | null, extra: object = {}) => ({
  id,
  text,
  created_at_i: 1782918112,
  parent_id: 900,
  story_id: 900,
  type: "comment",
  children: [],
  ...extra,
});

describe("hackerNewsSource.fetch", () => {
  it("finds the newest hiring story, reads it and yields its top-level comments", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      hackerNewsSource,
      hackerNewsSource.recorded.routes,
      {},
    );
    expect(error).toBeNull();
    expect(requests).toEqual([
      "/api/v1/search?tags=story,author_whoishiring&hitsPerPage=10",
      "/api/v1/items/48747976",
    ]);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.map((c) => (c as { id: number }).id)).toEqual([
      48747987, 48747990, 48748003, 48748007,
    ]);
  });

  it("skips 'wants to be hired' and freelancer stories, and picks the newest by date", async () => {
    const search = {
      hits: [
        { objectID: "3", title: "Ask HN: Who wants to be hired? (August 2026)", created_at_i: 300 },
        {
          objectID: "4",
          title: "Ask HN: Freelancer? Seeking freelancer? (August 2026)",
          created_at_i: 300,
        },
        { objectID: "1", title: "Ask HN: Who is hiring? (June 2026)", created_at_i: 100 },
        { objectID: "900", title: "Ask HN: Who is hiring? (July 2026)", created_at_i: 200 },
      ],
    };
    const item = {
      id: 900,
      children: [
        comment(1, "Acme | Engineer | Remote", {
          children: [comment(5, "Is this role open to EU?", { parent_id: 1 })],
        }),
        comment(2, null, { deleted: true }),
        comment(3, "  "),
        comment(4, "Globex | Designer | Berlin, Germany", { parent_id: undefined }),
        "junk",
      ],
    };
    const { pages, requests } = await fetchThroughReplay(
      hackerNewsSource,
      [
        { path: "/api/v1/search", response: { body: JSON.stringify(search) } },
        { path: "/api/v1/items/900", response: { body: JSON.stringify(item) } },
      ],
      {},
    );
    expect(requests[1]).toBe("/api/v1/items/900");
    const yielded = pages.flat() as Record<string, unknown>[];
    expect(yielded.map((c) => c.id)).toEqual([1, 4]);
    // Nested replies are not passed on; a missing parent is the story.
    expect(yielded[0]?.children).toBeUndefined();
    expect(yielded[1]).toMatchObject({ parent_id: "900", story_id: 900 });
    expect(yielded.map(hackerNewsSource.transform).every((r) => r.ok)).toBe(true);
  });

  it("reads at most maxComments comments", async () => {
    const { pages } = await fetchThroughReplay(hackerNewsSource, hackerNewsSource.recorded.routes, {
      maxComments: 2,
    });
    expect(pages.flat()).toHaveLength(2);
  });

  it("fails with a clear error when the thread cannot be read", async () => {
    const { pages, error } = await fetchThroughReplay(
      hackerNewsSource,
      [hackerNewsSource.recorded.routes[0] as ReplayRoute],
      {},
    );
    expect(pages).toEqual([]);
    expect((error as Error).message).toContain("/api/v1/items/48747976");
    expect((error as Error).message).toContain("HTTP 404");
    const none = await fetchThroughReplay(
      hackerNewsSource,
      [
        {
          path: "/api/v1/search",
          response: {
            body: '{"hits":[{"objectID":"1","title":"Ask HN: Who wants to be hired?"}]}',
          },
        },
      ],
      {},
    );
    expect((none.error as Error).message).toContain("Who is hiring?");
  });

  it("serves every recorded posting from its recorded routes", async () => {
    const { pages, error } = await fetchThroughReplay(
      hackerNewsSource,
      hackerNewsSource.recorded.routes,
      hackerNewsSource.recorded.options,
    );
    expect(error).toBeNull();
    const results = pages.flat().map(hackerNewsSource.transform);
    expect(results).toHaveLength(4);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it("validates its options", () => {
    const schema = hackerNewsSource.optionsSchema;
    expect(schema.parse({})).toEqual({ maxComments: 500 });
    expect(schema.safeParse({ maxComments: 0 }).success).toBe(false);
    expect(schema.safeParse({ maxComments: "10" }).success).toBe(false);
    expect(schema.safeParse({ boards: ["x"] }).success).toBe(false);
  });
});
