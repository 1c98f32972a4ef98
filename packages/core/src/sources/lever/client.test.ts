import { describe, expect, it } from "vitest";
import { fetchThroughReplay } from "../../testing/fetch-through-replay.ts";
import type { ReplayRoute } from "../replay-server.ts";
import { leverSource } from "./source.ts";

const routes: ReplayRoute[] = [
  ...leverSource.recorded.routes,
  // The same recording under a second site name.
  { path: "/v0/postings/acme-labs", response: { file: "lever-palantir.json" } },
  { path: "/v0/postings/broken", response: { status: 500, body: "down" } },
];

describe("leverSource.fetch", () => {
  it("asks each site once in JSON mode and tags each posting with its site", async () => {
    const { pages, error, requests } = await fetchThroughReplay(leverSource, routes, {
      sites: ["palantir", "acme-labs"],
      companyNames: { "acme-labs": "ACME Laboratories" },
    });
    expect(error).toBeNull();
    expect(requests).toEqual([
      "/v0/postings/palantir?mode=json",
      "/v0/postings/acme-labs?mode=json",
    ]);
    expect(pages.map((p) => p.length)).toEqual([2, 2]);
    const companies = pages.flat().map((raw) => {
      const result = leverSource.transform(raw);
      return result.ok ? result.posting.company : result.reason;
    });
    expect(companies).toEqual(["Palantir", "Palantir", "ACME Laboratories", "ACME Laboratories"]);
  });

  it("keeps going past failing sites and ends with an error naming them", async () => {
    const { pages, error, requests } = await fetchThroughReplay(leverSource, routes, {
      sites: ["broken", "palantir", "missing"],
    });
    expect(requests).toHaveLength(3);
    expect(pages.map((p) => p.length)).toEqual([2]);
    const message = (error as Error).message;
    expect(message).toMatch(/^Lever: 2 of 3 boards failed/);
    expect(message).toContain('"broken" (');
    expect(message).toContain('"missing" (');
    expect(message).not.toContain('"palantir"');
  });

  it("serves every recorded posting from its recorded routes", async () => {
    const { pages, error } = await fetchThroughReplay(
      leverSource,
      leverSource.recorded.routes,
      leverSource.recorded.options,
    );
    expect(error).toBeNull();
    const results = pages.flat().map(leverSource.transform);
    expect(results).toHaveLength(2);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it("validates its options", () => {
    const schema = leverSource.optionsSchema;
    expect(schema.safeParse({ sites: [] }).success).toBe(false);
    expect(schema.safeParse({ boards: ["palantir"] }).success).toBe(false);
    expect(schema.safeParse({ sites: ["palantir"] }).success).toBe(true);
  });
});
