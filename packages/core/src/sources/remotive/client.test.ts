import { afterEach, describe, expect, it } from "vitest";
import { createHttpClient } from "../http-client.ts";
import { type ReplayServer, startReplayServer } from "../replay-server.ts";
import { remotiveSource } from "./source.ts";

const http = createHttpClient({ timeoutMs: 2000, retries: 0, backoffMs: 1, paceMs: 0 });
let server: ReplayServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function collect(options: unknown, baseUrl: string): Promise<unknown[][]> {
  const pages: unknown[][] = [];
  const context = {
    http,
    baseUrl,
    options: remotiveSource.optionsSchema.parse(options),
    since: null,
  };
  for await (const page of remotiveSource.fetch(context)) pages.push(page);
  return pages;
}

describe("fetchRemotive", () => {
  it("serves every recorded posting through the recorded routes", async () => {
    server = await startReplayServer(remotiveSource.recorded.routes);
    const pages = await collect(remotiveSource.recorded.options, server.url);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toHaveLength(22);
    expect(server.requests).toEqual(["/api/remote-jobs"]);
    // The legal notice is not a posting.
    expect(pages[0]?.every((job) => remotiveSource.transform(job).ok)).toBe(true);
  });

  it("passes category and search as query parameters", async () => {
    const body = JSON.stringify({ "job-count": 1, jobs: [{ id: 1 }] });
    server = await startReplayServer([{ path: "/api/remote-jobs", response: { body } }]);
    const pages = await collect({ category: "software-dev", search: "rust & go" }, server.url);
    expect(pages).toEqual([[{ id: 1 }]]);
    expect(server.requests).toEqual(["/api/remote-jobs?category=software-dev&search=rust+%26+go"]);
  });

  it("fails on a response without a jobs array", async () => {
    server = await startReplayServer([
      { path: "/api/remote-jobs", response: { body: '{"00-warning":"moved"}' } },
    ]);
    await expect(collect({}, server.url)).rejects.toThrow(/no "jobs" array/);
  });

  it("rejects unknown options, naming the key", () => {
    const result = remotiveSource.optionsSchema.safeParse({ catgory: "software-dev" });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("catgory");
  });
});
